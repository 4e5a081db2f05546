import { randomUUID } from 'node:crypto'
import { open, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DiskChange } from '../../src-shared/model/disk-change'
import { parseBytes } from '../index-worker/parse-files'
import { sameRecord } from '../metadata/index-vault'
import type { MetadataStore } from '../metadata/metadata-store'
import { toPostRecord } from '../metadata/post-record'
import type { PostRecord } from '../metadata/schema'
import { hashBytes } from '../vault/text-codec'
import { walkMarkdownFiles } from '../vault/walk'
import type { OwnWrites } from './own-writes'
import type { TouchedPaths } from './vault-watcher'

/** What {@link reconcileChanges} found and applied to the store. */
export interface Reconciled {
  upserted: PostRecord[]
  removedPaths: string[]
  /** Changes made by other programs, for open editors. Lemma's own writes are not in it. */
  diskChanges: DiskChange[]
  /** True when the vault folder itself could not be reached (unplugged, unmounted): nothing was removed. */
  isVaultUnavailable: boolean
}

/** Files handled between two yields to the event loop, so a huge checkout never freezes the window. */
const YIELD_EVERY = 32

/**
 * Brings the store in line with what the touched paths hold now, reading each file
 * and comparing content hashes, never trusting event kinds or timestamps:
 * - same size and mtime as the record: the version already indexed (often Lemma's own
 *   save echoing back), not even read;
 * - same hash as the record: a touch or an identical rewrite, nothing to report;
 * - a hash Lemma itself is writing ({@link OwnWrites.consume}): its own save, stored
 *   but not reported as an outside change;
 * - a new file whose hash is that of a record whose file vanished (in this batch or,
 *   when the events were split, before it): a move or rename, which keeps the post's id;
 * - anything else: changed, added or removed by another program.
 * When the vault folder itself is unreachable, nothing is removed: an unplugged disk
 * is not a deletion of every post.
 */
export async function reconcileChanges(
  root: string,
  touched: TouchedPaths,
  store: MetadataStore,
  ownWrites: OwnWrites,
): Promise<Reconciled> {
  const outcome: Reconciled = { upserted: [], removedPaths: [], diskChanges: [], isVaultUnavailable: false }
  const paths = new Set(touched.files)
  for (const folder of touched.folders) {
    const prefix = `${folder}/`
    for (const record of store.all()) if (record.path.startsWith(prefix)) paths.add(record.path)
    const inside = await walkMarkdownFiles(join(root, folder)).catch(() => [])
    for (const file of inside) paths.add(`${prefix}${file.relative}`)
  }

  const missing = new Map<string, PostRecord>()
  const present: Array<{ path: string; bytes: Buffer; hash: string; mtimeMs: number; birthtimeMs: number }> = []
  let count = 0
  for (const path of paths) {
    if (++count % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve))
    const read = await readIfFile(join(root, ...path.split('/')), store.get(path))
    if (read === 'unchanged') continue
    if (read === 'missing') {
      const record = store.get(path)
      if (record) missing.set(path, record)
    } else if (read !== 'unreadable') {
      present.push({ path, ...read, hash: hashBytes(read.bytes) })
    }
  }

  const missingByHash = new Map<string, PostRecord>()
  for (const record of missing.values()) missingByHash.set(record.hash, record)
  for (const file of present) {
    const existing = store.get(file.path)
    const isOwn = ownWrites.consume(file.path, file.hash)
    const moved = existing ? undefined : (missingByHash.get(file.hash) ?? (await vanishedTwin(root, store, file.hash, paths)))
    if (moved) {
      missingByHash.delete(file.hash)
      missing.delete(moved.path)
      store.remove(moved.path)
      outcome.removedPaths.push(moved.path)
    }
    const parsed = parseBytes({ relative: file.path, size: file.bytes.length, mtimeMs: file.mtimeMs, birthtimeMs: file.birthtimeMs }, file.bytes)
    const record = toPostRecord(existing?.id ?? moved?.id ?? randomUUID(), parsed, parsed.parsed)
    if (!existing || !sameRecord(existing, record)) {
      store.put(record)
      outcome.upserted.push(record)
    }
    if (isOwn || existing?.hash === file.hash) continue
    if (moved) outcome.diskChanges.push({ type: 'moved', from: moved.path, to: file.path, hash: file.hash })
    else outcome.diskChanges.push({ type: 'changed', path: file.path, hash: file.hash })
  }

  if (missing.size > 0) {
    outcome.isVaultUnavailable = !(await isReachable(root))
    if (!outcome.isVaultUnavailable) {
      for (const path of missing.keys()) {
        store.remove(path)
        outcome.removedPaths.push(path)
        outcome.diskChanges.push({ type: 'removed', path })
      }
    }
  }
  return outcome
}

/**
 * A record with the same content whose file is gone although its path was not in this
 * batch: the other half of a rename whose events were split across two batches.
 */
async function vanishedTwin(root: string, store: MetadataStore, hash: string, inBatch: Set<string>): Promise<PostRecord | undefined> {
  for (const record of store.all()) {
    if (record.hash !== hash || inBatch.has(record.path)) continue
    if ((await readIfFile(join(root, ...record.path.split('/')), record)) === 'missing') return record
  }
  return undefined
}

/**
 * Reads a touched file, unless its size and mtime are those of `known` (the store's
 * record): then it is the version already indexed, typically Lemma's own save
 * echoing back, and reading 20 MB again would be waste.
 */
async function readIfFile(
  absolute: string,
  known?: { size: number; mtimeMs: number },
): Promise<{ bytes: Buffer; mtimeMs: number; birthtimeMs: number } | 'unchanged' | 'missing' | 'unreadable'> {
  try {
    const handle = await open(absolute, 'r')
    try {
      const info = await handle.stat()
      if (!info.isFile()) return 'unreadable'
      if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return 'unchanged'
      return { bytes: await handle.readFile(), mtimeMs: info.mtimeMs, birthtimeMs: info.birthtimeMs }
    } finally {
      await handle.close()
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return code === 'ENOENT' || code === 'ENOTDIR' ? 'missing' : 'unreadable'
  }
}

async function isReachable(root: string): Promise<boolean> {
  try {
    return (await stat(root)).isDirectory()
  } catch {
    return false
  }
}
