import type { FeedFilter } from './feed-filter'

/** Where a post created from the feed goes, and what its front matter starts with. */
export interface NewPostTarget {
  /** Vault-relative folder, `''` for the top of the vault. */
  folder: string
  /** One category hierarchy, root first; empty for none. */
  categories: string[]
  tags: string[]
}

/** A new post at the top of the vault with no categories or tags. */
export const ROOT_TARGET: NewPostTarget = Object.freeze({ folder: '', categories: [], tags: [] })

/**
 * Where "New post" puts a post while the feed shows `filter`: in the folder filtered
 * on, with the category and tag filtered on, so the new post appears in the feed as
 * it is. The archive filter does not apply (a new post is dated now).
 */
export function newPostTarget(filter: FeedFilter): NewPostTarget {
  return {
    folder: filter.folder ?? '',
    categories: filter.category ? [...filter.category] : [],
    tags: filter.tag !== null ? [filter.tag] : [],
  }
}
