import type { PostSummary } from './post'

/** The folder Lemma has open. */
export interface VaultInfo {
  /** Absolute path of the folder. */
  root: string
  /** The folder's display name. */
  name: string
}

/** What the window needs when it starts. */
export interface AppState {
  vault: VaultInfo | null
  recentFolders: string[]
  /** A message to show once, e.g. that corrupt metadata was rebuilt. */
  notices: string[]
}

/** A change to the set of posts, pushed from main after any write or rescan. */
export type VaultChange =
  | { type: 'upserted'; posts: PostSummary[] }
  | { type: 'removed'; paths: string[] }
  | { type: 'reset'; vault: VaultInfo | null; posts: PostSummary[] }
