/**
 * Plain, serializable results of search, quick open and navigation, as they cross
 * the process boundary. Text ranges are `[start, end)` UTF-16 offsets into the string
 * they accompany: the renderer escapes the text and wraps the ranges itself, so no
 * HTML is ever built from file content in main.
 */

/** A `[start, end)` range of UTF-16 code units. */
export type TextRange = [number, number]

/** A piece of a post's text around a match. */
export interface Snippet {
  /** One line (or a window of a long line) of the file, without its line break. */
  text: string
  /** The matches inside {@link text}. */
  ranges: TextRange[]
  /** One-based line of the file where {@link text} starts (front matter lines count). */
  line: number
  /** Zero-based column in that line of the first match, for opening the editor there. */
  column: number
}

/** One post found by a full-text search. */
export interface SearchHit {
  path: string
  title: string
  /** Matches inside {@link title}. */
  titleRanges: TextRange[]
  tags: string[]
  categories: string[][]
  date: string
  /** Higher is better; only meaningful within one result list. */
  score: number
  /** Up to `snippetsPerHit` snippets, best first; absent beyond `snippetHits`. */
  snippets?: Snippet[]
}

/** Options of a full-text search. */
export interface SearchOptions {
  /** Hits to return, best first (default 50, at most 500). */
  limit?: number
  /** Hits to skip, for paging (default 0). */
  offset?: number
  /** How many of the returned hits get snippets (default 20). */
  snippetHits?: number
  /** Snippets per hit (default 3). */
  snippetsPerHit?: number
}

/** The answer to a full-text search. */
export interface SearchResponse {
  /** Every post that matched, not only those returned (an upper bound when {@link isTotalExact} is false). */
  total: number
  /**
   * False when quoted phrases were checked only as far as the requested page: the
   * rest of {@link total} are candidates that contain every word but were not read.
   */
  isTotalExact: boolean
  hits: SearchHit[]
  /** True while the index is still being built: results may be missing posts. */
  isIndexing: boolean
  /** Milliseconds spent in main, for the status line. */
  elapsedMs: number
}

/** One post offered by quick open. */
export interface QuickOpenHit {
  path: string
  title: string
  /** Matched characters of {@link title} (also when the match was on its pinyin). */
  titleRanges: TextRange[]
  /** Matched characters of {@link path}. */
  pathRanges: TextRange[]
  isRecent: boolean
  score: number
}

/** A node of the tag or category tree. */
export interface TaxonomyNode {
  /** This level's name, e.g. `Probability`. */
  name: string
  /** The names from the root down to this node, e.g. `['Math', 'Probability']`. */
  path: string[]
  /** Posts filed here or anywhere below. */
  count: number
  /** Posts filed exactly here. */
  ownCount: number
  children: TaxonomyNode[]
}

/** What the index is doing, for a status indicator. */
export interface IndexStatus {
  state: 'idle' | 'loading' | 'building' | 'ready'
  /** Posts in the index. */
  posts: number
  /** While building: posts done so far and in total. */
  progress?: { done: number; total: number }
}
