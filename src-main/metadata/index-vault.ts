import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { decodeText, hashBytes } from '../vault/text-codec'
import { parsePost } from '../vault/front-matter'
import { walkMarkdownFiles } from '../vault/walk'
import type { MetadataStore } from './metadata-store'
import type { PostRecord } from './schema'
import { toPostRecord } from './post-record'

/** What a sync changed, for pushing to the renderer. */
export interface SyncOutcome {
  upserted: PostRecord[]
  removedPaths: string[]
}

/**
 * Brings the store in line with the files under `root`. A file whose size and mtime
 * match its record is not read; a file whose bytes hash to a record that vanished
 * from another path keeps that record's id (a rename outside Lemma). Files are read
 * one after another: on a warm cache that beats thousands of parallel reads.
 * Never writes a Markdown file.
 */
export async function syncVaultIndex(root: string, store: MetadataStore): Promise<SyncOutcome> {
  const files = await walkMarkdownFiles(root)
  const present = new Set(files.map((f) => f.relative))
  const vanishedByHash = new Map<string, PostRecord>()
  for (const record of store.all()) if (!present.has(record.path)) vanishedByHash.set(record.hash, record)

  const upserted: PostRecord[] = []
  for (const file of files) {
    const existing = store.get(file.relative)
    if (existing && existing.size === file.size && existing.mtimeMs === file.mtimeMs) continue
    let bytes: Buffer
    try {
      bytes = await readFile(file.absolute)
    } catch {
      continue // vanished or unreadable between the walk and the read; the next sync sees it
    }
    const hash = hashBytes(bytes)
    const moved = existing ? undefined : vanishedByHash.get(hash)
    if (moved) vanishedByHash.delete(hash)
    const id = existing?.id ?? moved?.id ?? randomUUID()
    const parsed = parsePost(decodeText(bytes).text, { relPath: file.relative, birthtimeMs: file.birthtimeMs, mtimeMs: file.mtimeMs })
    const record = toPostRecord(id, { relative: file.relative, size: file.size, mtimeMs: file.mtimeMs, hash }, parsed)
    store.put(record)
    upserted.push(record)
  }
  const removedPaths: string[] = []
  for (const record of store.all()) {
    if (present.has(record.path)) continue
    store.remove(record.path)
    removedPaths.push(record.path)
  }
  await store.flush()
  return { upserted, removedPaths }
}
