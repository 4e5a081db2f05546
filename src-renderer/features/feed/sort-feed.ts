import type { PostSummary } from '../../../src-shared/model/post'
import type { FeedSort } from '../../../src-shared/model/settings'

/** The ISO date a post is ordered by under `sort`. */
export function sortDate(post: Pick<PostSummary, 'date' | 'updated'>, sort: FeedSort): string {
  return sort === 'updated' ? post.updated : post.date
}

/**
 * Orders posts newest first by the date written or the last update, then by path so
 * posts of the same moment keep a stable order. Returns a new array. Dates are
 * compared as ISO text, which orders them correctly since main writes them all in
 * the same `toISOString` form.
 */
export function sortFeed<T extends Pick<PostSummary, 'date' | 'updated' | 'path'>>(posts: readonly T[], sort: FeedSort): T[] {
  const key = sort === 'updated' ? 'updated' : 'date'
  return [...posts].sort((a, b) => {
    const x = a[key]
    const y = b[key]
    if (x !== y) return x < y ? 1 : -1
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0
  })
}
