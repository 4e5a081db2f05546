import type { PostSummary } from '../../../src-shared/model/post'
import type { DraftMode, FeedSort } from '../../../src-shared/model/settings'
import { matchesFilter, type FeedFilter } from './feed-filter'
import { sortFeed } from './sort-feed'

/** How the feed is narrowed and ordered. */
export interface FeedQuery {
  filter: FeedFilter
  sort: FeedSort
  drafts: DraftMode
}

/** The posts of the feed for `query`: filtered by {@link matchesFilter}, then ordered by {@link sortFeed}. */
export function selectFeed(posts: readonly PostSummary[], query: FeedQuery): PostSummary[] {
  return sortFeed(
    posts.filter((post) => matchesFilter(post, query.filter, query.drafts)),
    query.sort,
  )
}
