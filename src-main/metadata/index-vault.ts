import { randomUUID } from 'node:crypto'
import type { IndexProgress } from '../../src-shared/model/index-progress'
import { parseFiles, type FileToParse, type ParsedFile } from '../index-worker/parse-files'
import { IndexWorkers } from '../index-worker/index-workers'
import { runParseWorkers, type WorkerEntry } from '../index-worker/run-parse-workers'
import { walkMarkdownFiles, type WalkedFile } from '../vault/walk'
import type { MetadataStore } from './metadata-store'
import { toPostRecord } from './post-record'
import type { PostRecord } from './schema'

/** Below this many files to parse, starting worker threads costs more than it saves. */
export const WORKER_THRESHOLD = 200
/** Below this many files, running workers are not worth a message round trip: a few milliseconds here. */
export const POOL_THRESHOLD = 20

/** What a sync changed, for pushing to the renderer. */
export interface SyncOutcome {
  upserted: PostRecord[]
  removedPaths: string[]
  /** Files read and parsed (0 on a warm open with nothing changed). */
  parsedCount: number
}

/** Options of {@link syncVaultIndex}. */
export interface SyncOptions {
  /** Progress as files are parsed, for "1,234 / 10,000". */
  onProgress?: (progress: IndexProgress) => void
  /** Records upserted, batch by batch, as soon as they are in the store (newest files first). */
  onBatch?: (records: PostRecord[]) => void
  /**
   * Where parsing runs: `auto` (worker threads for {@link WORKER_THRESHOLD} files or
   * more), `in-process`, a given worker entry, or running {@link IndexWorkers} (for
   * {@link POOL_THRESHOLD} files or more).
   */
  parser?: 'auto' | 'in-process' | WorkerEntry | IndexWorkers
  /** Stops parsing early; what was parsed stays in the store. */
  signal?: AbortSignal
  /** A listing of the vault already under way (see `walkInWorker`); by default the folder is walked here. */
  listing?: Promise<WalkedFile[]>
}

/**
 * Brings the store in line with the files under `root`, never writing a Markdown file.
 *
 * Warm (records present): only stats files (through the walk); a file whose size and
 * mtime match its record is not read. Cold or changed files are read, hashed and
 * parsed in worker threads (see {@link runParseWorkers}) newest first, and each batch
 * is put in the store and announced through `onBatch` as it arrives, so the feed fills
 * while indexing goes on. A file whose bytes hash to a record that vanished from
 * another path keeps that record's id (a rename outside Lemma). The store is written
 * once at the end.
 */
export async function syncVaultIndex(root: string, store: MetadataStore, options: SyncOptions = {}): Promise<SyncOutcome> {
  options.onProgress?.({ phase: 'scanning', done: 0, total: 0 })
  const files = await (options.listing ?? walkMarkdownFiles(root))
  const changedFiles: WalkedFile[] = []
  let matched = 0
  for (const file of files) {
    const existing = store.get(file.relative)
    if (existing) matched++
    if (!existing || existing.size !== file.size || existing.mtimeMs !== file.mtimeMs) changedFiles.push(file)
  }
  // The walk lists each path once, so when every record matched a file none vanished and no set is needed.
  const present = matched === store.size ? null : new Set(files.map((f) => f.relative))
  const isGone = (record: PostRecord) => present !== null && !present.has(record.path)
  const vanishedByHash = new Map<string, PostRecord>()
  if (present) for (const record of store.all()) if (isGone(record)) vanishedByHash.set(record.hash, record)
  const changed = newestFirst(changedFiles)
  const upserted: PostRecord[] = []
  const removedPaths: string[] = []
  let done = 0
  options.onProgress?.({ phase: 'indexing', done, total: changed.length })
  const onBatch = (batch: ParsedFile[]) => {
    const records: PostRecord[] = []
    for (const file of batch) {
      const existing = store.get(file.relative)
      const moved = existing ? undefined : vanishedByHash.get(file.hash)
      if (moved) vanishedByHash.delete(file.hash)
      const record = toPostRecord(existing?.id ?? moved?.id ?? randomUUID(), file, file.parsed)
      if (moved) {
        store.remove(moved.path)
        removedPaths.push(moved.path)
      }
      store.put(record)
      if (!existing || !sameRecord(existing, record)) records.push(record)
    }
    done += batch.length
    upserted.push(...records)
    if (records.length > 0) options.onBatch?.(records)
    options.onProgress?.({ phase: 'indexing', done, total: changed.length })
  }
  await parse(changed, onBatch, options)

  if (options.signal?.aborted !== true && present !== null) {
    for (const record of store.all()) {
      if (!isGone(record)) continue
      store.remove(record.path)
      removedPaths.push(record.path)
    }
  }
  await store.flush()
  options.onProgress?.({ phase: 'done', done, total: changed.length })
  return { upserted, removedPaths, parsedCount: done }
}

async function parse(files: FileToParse[], onBatch: (batch: ParsedFile[]) => void, options: SyncOptions): Promise<void> {
  const parser = options.parser ?? 'auto'
  const isCancelled = () => options.signal?.aborted === true
  const isPool = parser instanceof IndexWorkers
  // A given worker entry always parses in workers (tests use it for small folders).
  const isSmall = (parser === 'auto' || isPool) && files.length < (isPool ? POOL_THRESHOLD : WORKER_THRESHOLD)
  if (parser === 'in-process' || isSmall) {
    await parseFiles(files, { onBatch, isCancelled })
    return
  }
  const where = parser === 'auto' ? {} : isPool ? { pool: parser } : { entry: parser }
  await runParseWorkers(files, { onBatch, signal: options.signal, ...where })
}

const DATED_NAME = /^(\d{4}-\d{2}-\d{2})/

/**
 * Orders files so the newest posts are parsed first: by a `YYYY-MM-DD` prefix of the
 * file name when there is one (Hexo's and Jekyll's habit), else by modification
 * time, newest first. Only a guess until the front matter is read, but a good one
 * for the first page of the feed.
 */
export function newestFirst<T extends { relative: string; mtimeMs: number }>(files: readonly T[]): T[] {
  const keyed = files.map((file) => {
    const name = file.relative.slice(file.relative.lastIndexOf('/') + 1)
    const dated = DATED_NAME.exec(name)
    const time = dated ? Date.parse(`${dated[1]}T00:00:00Z`) : file.mtimeMs
    return { file, time: Number.isNaN(time) ? file.mtimeMs : time, name }
  })
  keyed.sort((a, b) => b.time - a.time || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0))
  return keyed.map((entry) => entry.file)
}

/** True when two records say the same thing (ignoring the order of their keys). */
export function sameRecord(a: PostRecord, b: PostRecord): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof PostRecord>
  for (const key of keys) if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false
  return true
}
