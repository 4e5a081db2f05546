import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DraftMode } from '../../../src-shared/model/settings'
import { FacetTree, type FacetNode } from './FacetTree'
import type { CategoryNode, FeedFacets, FolderNode } from './feed-facets'
import type { FeedFilter } from './feed-filter'
import { formatMonthName, formatYear } from './post-dates'

/** Props of {@link FeedFilters}. */
export interface FeedFiltersProps {
  facets: FeedFacets
  filter: FeedFilter
  onFilter: (filter: FeedFilter) => void
  drafts: DraftMode
  onDrafts: (drafts: DraftMode) => void
  /** Whether the vault has any draft (the drafts switch is shown only then). */
  hasDrafts: boolean
}

/** How many tags show before "All n tags". */
const TAGS_SHOWN = 24
const CATEGORY_SEPARATOR = '\u203a'

/**
 * The feed's side panel, as a blog's sidebar: categories as a tree, the archive by
 * year and month, tags, folders, and whether drafts show, each with post counts.
 * Choosing an entry narrows the feed to it; choosing it again clears that filter.
 */
export function FeedFilters({ facets, filter, onFilter, drafts, onDrafts, hasDrafts }: FeedFiltersProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const [isAllTags, setIsAllTags] = useState(false)

  const categories = useMemo(() => {
    const paths = new Map<string, string[]>()
    const convert = (nodes: CategoryNode[]): FacetNode[] =>
      nodes.map((node) => {
        const key = node.path.join(CATEGORY_SEPARATOR)
        paths.set(key, node.path)
        return { key, label: node.name, count: node.count, children: convert(node.children) }
      })
    return { nodes: convert(facets.categories), paths }
  }, [facets.categories])

  const folders = useMemo(() => {
    const convert = (nodes: FolderNode[]): FacetNode[] =>
      nodes.map((node) => ({ key: node.path, label: node.name, count: node.count, children: convert(node.children) }))
    const nodes = convert(facets.folders)
    return facets.rootCount > 0 && nodes.length > 0
      ? [{ key: '', label: t('filters.rootFolder'), count: facets.rootCount, children: [] }, ...nodes]
      : nodes
  }, [facets.folders, facets.rootCount, t])

  const archive = useMemo<FacetNode[]>(
    () =>
      facets.archive.map((year) => ({
        key: String(year.year),
        label: formatYear(year.year, locale),
        count: year.count,
        children: year.months.map((month) => ({
          key: monthKey(year.year, month.month),
          label: formatMonthName(month.month, locale),
          count: month.count,
          children: [],
        })),
      })),
    [facets.archive, locale],
  )

  const archiveKey = filter.year === null ? null : filter.month === null ? String(filter.year) : monthKey(filter.year, filter.month)
  const tags = isAllTags ? facets.tags : facets.tags.slice(0, TAGS_SHOWN)

  return (
    <aside className="feed-filters" aria-label={t('filters.label')} data-testid="feed-filters">
      {hasDrafts && (
        <section className="feed-filters__section">
          <h3 className="feed-filters__heading">{t('filters.drafts')}</h3>
          <div className="segmented segmented--small" role="group" aria-label={t('filters.drafts')}>
            {(['show', 'hide'] as const).map((mode) => (
              <button
                key={mode}
                type="button"
                className="segmented__option"
                aria-pressed={drafts === mode}
                data-testid={`drafts-${mode}`}
                onClick={() => onDrafts(mode)}
              >
                {t(mode === 'show' ? 'filters.draftsShow' : 'filters.draftsHide')}
              </button>
            ))}
          </div>
        </section>
      )}
      {categories.nodes.length > 0 && (
        <section className="feed-filters__section">
          <h3 className="feed-filters__heading">{t('filters.categories')}</h3>
          <FacetTree
            nodes={categories.nodes}
            activeKey={filter.category ? filter.category.join(CATEGORY_SEPARATOR) : null}
            separator={CATEGORY_SEPARATOR}
            testId="filter-category"
            onSelect={(key) => onFilter({ ...filter, category: key === null ? null : (categories.paths.get(key) ?? null) })}
          />
        </section>
      )}
      {archive.length > 0 && (
        <section className="feed-filters__section">
          <h3 className="feed-filters__heading">{t('filters.archive')}</h3>
          <FacetTree
            nodes={archive}
            activeKey={archiveKey}
            separator="-"
            testId="filter-archive"
            onSelect={(key) => onFilter({ ...filter, ...parseArchiveKey(key) })}
          />
        </section>
      )}
      {facets.tags.length > 0 && (
        <section className="feed-filters__section">
          <h3 className="feed-filters__heading">{t('filters.tags')}</h3>
          <div className="tag-cloud">
            {tags.map((tag) => (
              <button
                key={tag.name}
                type="button"
                className="tag-cloud__tag"
                aria-pressed={filter.tag === tag.name}
                data-testid="filter-tag"
                data-key={tag.name}
                onClick={() => onFilter({ ...filter, tag: filter.tag === tag.name ? null : tag.name })}
              >
                {tag.name}
                <span className="tag-cloud__count">{tag.count}</span>
              </button>
            ))}
          </div>
          {facets.tags.length > TAGS_SHOWN && (
            <button type="button" className="feed-filters__more" data-testid="filter-tags-all" onClick={() => setIsAllTags(!isAllTags)}>
              {isAllTags ? t('filters.fewerTags') : t('filters.allTags', { count: facets.tags.length })}
            </button>
          )}
        </section>
      )}
      {folders.length > 0 && (
        <section className="feed-filters__section">
          <h3 className="feed-filters__heading">{t('filters.folders')}</h3>
          <FacetTree
            nodes={folders}
            activeKey={filter.folder}
            separator="/"
            testId="filter-folder"
            onSelect={(key) => onFilter({ ...filter, folder: key })}
          />
        </section>
      )}
    </aside>
  )
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`
}

function parseArchiveKey(key: string | null): Pick<FeedFilter, 'year' | 'month'> {
  const match = key === null ? null : /^(\d+)(?:-(\d{2}))?$/.exec(key)
  if (!match) return { year: null, month: null }
  return { year: Number(match[1]), month: match[2] === undefined ? null : Number(match[2]) }
}
