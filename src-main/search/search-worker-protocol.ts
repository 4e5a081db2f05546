import type { PostMeta, SearchDoc } from './search-document'
import type { IndexedPost } from './inverted-index'
import type { PhraseSignatures } from './phrase-signatures'

/** What the search worker receives as `workerData`. */
export interface SearchWorkerInput {
  root: string
  /** The posts to index: the whole vault, or one share of it. */
  metas: PostMeta[]
  /** For a share after the first: the vault's first posts, to pick the common junction keys from (see `BuildOptions.sample`). */
  sample?: PostMeta[]
}

/**
 * What the search worker posts back: progress, then the built index as plain data
 * (its typed arrays transferred, not copied), or an error.
 */
export type SearchWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; terms: string[]; offsets: Uint32Array; ids: Uint32Array; weights: Uint8Array; signatures: PhraseSignatures; posts: IndexedPost[]; docs: SearchDoc[] }
  | { type: 'error'; message: string }
