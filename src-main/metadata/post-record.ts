import type { ParsedPost } from '../vault/front-matter'
import { detectConflictCopy } from './conflict-copies'
import type { PostRecord } from './schema'

/** The file facts a record is built from. */
export interface IndexedFile {
  relative: string
  size: number
  mtimeMs: number
  hash: string
}

/** Combines a parsed post and its file facts into the record the store keeps. */
export function toPostRecord(id: string, file: IndexedFile, parsed: ParsedPost): PostRecord {
  return flagConflictCopy({
    id,
    path: file.relative,
    title: parsed.title,
    date: parsed.date,
    updated: parsed.updated,
    categories: parsed.categories,
    tags: parsed.tags,
    isDraft: parsed.isDraft,
    excerpt: parsed.excerpt,
    wordCount: parsed.wordCount,
    links: parsed.links,
    warnings: parsed.warnings,
    mtimeMs: file.mtimeMs,
    size: file.size,
    hash: file.hash,
  })
}

/**
 * Marks a record whose file name is a sync tool's conflict copy (see
 * {@link detectConflictCopy}): sets `conflictCopyOf` and adds a `conflict-copy`
 * warning the UI shows next to the post. Other records come back unchanged.
 */
export function flagConflictCopy(record: PostRecord): PostRecord {
  const copy = detectConflictCopy(record.path)
  if (!copy) return record
  if (record.conflictCopyOf === copy.original) return record
  return {
    ...record,
    conflictCopyOf: copy.original,
    warnings: [
      ...record.warnings.filter((w) => w.type !== 'conflict-copy'),
      { type: 'conflict-copy', message: `${copy.tool} made this file as a conflict copy of ${copy.original}: compare the two and keep what you need.` },
    ],
  }
}

/** The record without what only indexing needs, as the renderer sees it. */
export function toSummary(record: PostRecord): Omit<PostRecord, 'hash'> {
  const { hash: _hash, ...summary } = record
  return summary
}
