import type { PostSummary } from '../../src-shared/model/post'
import { storeLinks, type StoredLink } from '../links/link-graph'
import { scanLinks } from '../../src-shared/search/scan-links'
import { analyzePost, type AnalyzedPost } from './analyze-post'
import { titleSyllables } from './pinyin-keys'

/** The metadata of a post the search needs, taken from its metadata record. */
export type PostMeta = Pick<PostSummary, 'path' | 'title' | 'tags' | 'categories' | 'date' | 'mtimeMs' | 'size'>

/**
 * What the search keeps (and persists) per post besides its postings: the record's
 * fields for filters and results, the pinyin of its title for quick open, and its
 * links for the link graph, so a warm start needs no file read at all.
 */
export interface SearchDoc extends PostMeta {
  /** The title's `titleSyllables` joined by spaces (compact when stored), or null. */
  pinyin: string | null
  links: StoredLink[]
}

/** Everything indexing learns from one file. */
export interface AnalyzedFile {
  doc: SearchDoc
  analyzed: AnalyzedPost
}

/** Tokenizes, scans links and spells the title of one post (`text` is the whole file). */
export function analyzeFile(meta: PostMeta, text: string): AnalyzedFile {
  const { title, tags, categories } = meta
  return { doc: searchDocOf(meta, text), analyzed: analyzePost({ title, tags, categories, text }) }
}

/** The search document of a post (`text` is the whole file): its record, title pinyin and links. */
export function searchDocOf(meta: PostMeta, text: string): SearchDoc {
  const { path, title, tags, categories, date, mtimeMs, size } = meta
  return { path, title, tags, categories, date, mtimeMs, size, pinyin: titleSyllables(title)?.join(' ') ?? null, links: storeLinks(text, scanLinks(text)) }
}

/** True when the indexed `doc` still describes the post whose record is `meta`. */
export function isCurrent(doc: SearchDoc, meta: PostMeta): boolean {
  return doc.mtimeMs === meta.mtimeMs && doc.size === meta.size && doc.title === meta.title && doc.date === meta.date &&
    sameStrings(doc.tags, meta.tags) && doc.categories.length === meta.categories.length &&
    doc.categories.every((path, i) => sameStrings(path, meta.categories[i]))
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}
