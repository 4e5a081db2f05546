import type { PostSummary } from '../../../src-shared/model/post'
import type { DraftMode } from '../../../src-shared/model/settings'
import { localYearMonth } from './post-dates'

/**
 * What the feed is narrowed to. Every field is optional (null): the filters combine
 * with "and". Drafts are governed separately by the {@link DraftMode} setting.
 */
export interface FeedFilter {
  /** A category hierarchy prefix, root first: `['数学']` also matches `['数学', '概率论']`. */
  category: readonly string[] | null
  tag: string | null
  /**
   * A vault-relative folder with `/` separators: posts in it and in its subfolders.
   * `''` means posts directly at the top of the vault.
   */
  folder: string | null
  /** The local calendar year of the date written. */
  year: number | null
  /** With {@link year}: the month, 1–12. */
  month: number | null
}

/** No filter: every post (drafts per the setting). */
export const EMPTY_FILTER: FeedFilter = Object.freeze({ category: null, tag: null, folder: null, year: null, month: null })

/** True when no field of `filter` narrows the feed. */
export function isFilterEmpty(filter: FeedFilter): boolean {
  return filter.category === null && filter.tag === null && filter.folder === null && filter.year === null
}

/** The folder of a vault-relative post path (`''` at the top of the vault). */
export function postFolder(path: string): string {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? '' : path.slice(0, slash)
}

/** Whether `post` belongs in a feed filtered by `filter` with drafts `drafts`. */
export function matchesFilter(post: PostSummary, filter: FeedFilter, drafts: DraftMode): boolean {
  if (drafts === 'hide' && post.isDraft) return false
  if (filter.tag !== null && !post.tags.includes(filter.tag)) return false
  if (filter.category !== null && !post.categories.some((path) => startsWith(path, filter.category!))) return false
  if (filter.folder !== null && !isInFolder(post.path, filter.folder)) return false
  if (filter.year !== null) {
    const when = localYearMonth(post.date)
    if (when === null || when.year !== filter.year) return false
    if (filter.month !== null && when.month !== filter.month) return false
  }
  return true
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  if (path.length < prefix.length) return false
  for (let i = 0; i < prefix.length; i++) if (path[i] !== prefix[i]) return false
  return true
}

function isInFolder(path: string, folder: string): boolean {
  if (folder === '') return !path.includes('/')
  return path.startsWith(`${folder}/`)
}
