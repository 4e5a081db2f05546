import type { PostSummary } from './post'

/**
 * Orders posts newest first by the date written, then by path so that the order is
 * stable for posts written at the same moment. Returns a new array.
 */
export function sortNewestFirst<T extends Pick<PostSummary, 'date' | 'path'>>(posts: readonly T[]): T[] {
  return [...posts].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
