import type { ParsedPost } from '../vault/front-matter'
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
  return {
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
  }
}
