import { useCallback, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { createMacroSet } from '../../../src-shared/markdown/macros'
import type { PostSummary } from '../../../src-shared/model/post'
import { EmptyState } from '../../ui/EmptyState'
import { FileTextIcon, NewPostIcon } from '../../ui/Icons'
import { useFolderPreamble } from '../preview/useFolderPreamble'
import { SettingsDialog } from '../settings/SettingsDialog'
import { useSettings } from '../settings/useSettings'
import { ActiveFilters } from './ActiveFilters'
import { FeedCardList } from './FeedCardList'
import { FeedFilters } from './FeedFilters'
import { FeedHeader } from './FeedHeader'
import { FeedPagination } from './FeedPagination'
import { buildFacets } from './feed-facets'
import { EMPTY_FILTER, isFilterEmpty, type FeedFilter } from './feed-filter'
import { clampPage, pageCount } from './pagination'
import { createExcerptRenderer } from './render-excerpt'
import { selectFeed } from './select-feed'

/** Props of {@link Feed}. */
export interface FeedProps {
  /** Every post of the vault, as the metadata has them (kept live by `vaultChanged`). */
  posts: PostSummary[]
  filter: FeedFilter
  onFilter: (filter: FeedFilter) => void
  /** False while the editor covers the feed; the feed stays mounted and keeps its place. */
  isActive: boolean
  openPath: string | null
  /** Changing it moves the keyboard focus into the cards. */
  focusToken: number
  onOpenPost: (path: string, fromKeyboard: boolean) => void
  /** "New post", to be created where the feed is filtered (see `newPostTarget`). */
  onNewPost: () => void
}

/**
 * Lemma's home: the latest posts as cards, newest first by date written or last
 * update, in numbered pages or one continuous scroll, narrowed by the filter panel.
 * Everything shown comes from the post summaries main keeps in its metadata; no file
 * is read to show the feed. Excerpt HTML (with KaTeX formulas) is made for the cards
 * in view only and cached.
 */
export function Feed({ posts, filter, onFilter, isActive, openPath, focusToken, onOpenPost, onNewPost }: FeedProps) {
  const { t, i18n } = useTranslation()
  const { settings, update } = useSettings()
  const { feedSort: sort, feedDrafts: drafts, feedLayout: layout, feedPageSize: pageSize } = settings
  const [page, setPage] = useState(1)
  const [isSettingsOpen, setIsSettingsOpen] = useState(false)
  // Excerpts use the folder's macros (`.lemma/macros.tex`), as the preview does.
  const preamble = useFolderPreamble(null)
  const macros = useMemo(() => createMacroSet({ preamble }), [preamble])
  const renderer = useMemo(() => createExcerptRenderer({ macros }), [macros])
  const language = i18n.language
  const markers = useMemo(
    () => ({ code: i18n.t('feed.codeMarker', { lng: language }), image: i18n.t('feed.imageMarker', { lng: language }) }),
    [i18n, language],
  )

  const countable = useMemo(() => (drafts === 'hide' ? posts.filter((post) => !post.isDraft) : posts), [posts, drafts])
  const facets = useMemo(() => buildFacets(countable), [countable])
  const hasDrafts = useMemo(() => posts.some((post) => post.isDraft), [posts])
  const items = useMemo(() => selectFeed(posts, { filter, sort, drafts }), [posts, filter, sort, drafts])

  // Another filter, order or page size starts again at page one.
  const queryKey = JSON.stringify([filter, sort, drafts, pageSize, layout])
  const [pageQuery, setPageQuery] = useState(queryKey)
  if (pageQuery !== queryKey) {
    setPageQuery(queryKey)
    setPage(1)
  }
  const pages = layout === 'pages' ? pageCount(items.length, pageSize) : 1
  const current = clampPage(page, pages)
  const shown = useMemo(
    () => (layout === 'pages' ? items.slice((current - 1) * pageSize, current * pageSize) : items),
    [items, layout, current, pageSize],
  )
  const onPageStep = useCallback((step: -1 | 1) => setPage((n) => clampPage(clampPage(n, pages) + step, pages)), [pages])
  const onCategory = useCallback((path: readonly string[]) => onFilter({ ...EMPTY_FILTER, category: path }), [onFilter])
  const onTag = useCallback((tag: string) => onFilter({ ...EMPTY_FILTER, tag }), [onFilter])

  let body
  if (posts.length === 0) {
    body = (
      <EmptyState
        icon={<FileTextIcon size={30} />}
        title={t('feed.empty')}
        testId="feed-empty"
        actions={
          <button type="button" className="button button--primary" onClick={onNewPost}>
            <NewPostIcon size={14} />
            {t('feed.newPost')}
          </button>
        }
      >
        <p>{t('feed.emptyHint')}</p>
      </EmptyState>
    )
  } else if (items.length === 0) {
    body = (
      <EmptyState
        icon={<FileTextIcon size={30} />}
        title={t('feed.noMatches')}
        testId="feed-no-matches"
        actions={
          <button type="button" className="button" onClick={() => onFilter(EMPTY_FILTER)}>
            {t('feed.clearFilters')}
          </button>
        }
      >
        <p>{t('feed.noMatchesHint')}</p>
      </EmptyState>
    )
  } else {
    body = (
      <FeedCardList
        posts={shown}
        renderer={renderer}
        markers={markers}
        sort={sort}
        openPath={openPath}
        resetKey={`${queryKey}|${current}`}
        isActive={isActive}
        focusToken={focusToken}
        onOpen={onOpenPost}
        onCategory={onCategory}
        onTag={onTag}
        onPageStep={layout === 'pages' ? onPageStep : undefined}
        footer={layout === 'pages' ? <FeedPagination page={current} pageCount={pages} onPage={(n) => setPage(clampPage(n, pages))} /> : null}
      />
    )
  }

  return (
    <section className="feed" aria-label={t('feed.title')} data-testid="feed" data-page={current} data-pages={pages}>
      <FeedHeader
        count={items.length}
        total={countable.length}
        isFiltered={!isFilterEmpty(filter)}
        sort={sort}
        layout={layout}
        onSort={(feedSort) => update({ feedSort })}
        onLayout={(feedLayout) => update({ feedLayout })}
        onNewPost={onNewPost}
        onSettings={() => setIsSettingsOpen(true)}
      />
      <div className="feed__body">
        <div className="feed__main">
          <ActiveFilters filter={filter} onFilter={onFilter} />
          {body}
        </div>
        <FeedFilters
          facets={facets}
          filter={filter}
          onFilter={onFilter}
          drafts={drafts}
          onDrafts={(feedDrafts) => update({ feedDrafts })}
          hasDrafts={hasDrafts}
        />
      </div>
      {isSettingsOpen && <SettingsDialog onClose={() => setIsSettingsOpen(false)} />}
    </section>
  )
}
