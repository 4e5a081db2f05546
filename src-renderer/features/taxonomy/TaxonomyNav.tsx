import './taxonomy.css'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ChevronRightIcon } from '../feed/FeedIcons'
import { FacetTree } from '../feed/FacetTree'
import { EMPTY_FILTER, type FeedFilter } from '../feed/feed-filter'
import { CATEGORY_SEPARATOR, TAG_SEPARATOR, toFacetNodes } from './taxonomy-nodes'
import { useTaxonomy } from './useTaxonomy'

/** Props of {@link TaxonomyNav}. */
export interface TaxonomyNavProps {
  /** Changes whenever posts change, so the counts are asked again. */
  refreshKey: unknown
  /** The feed's filter, to mark the category or tag it shows (only while the feed is shown). */
  filter: FeedFilter | null
  /** Shows the feed narrowed to `filter` (cleared when the active entry is chosen again). */
  onFilter: (filter: FeedFilter) => void
}

type Section = 'categories' | 'tags'
const OPEN_KEY = 'lemma:taxonomy-open'

function readOpen(): Record<Section, boolean> {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(OPEN_KEY) ?? 'null')
    if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>
      return { categories: record.categories !== false, tags: record.tags === true }
    }
  } catch {
    // Unreadable: the defaults.
  }
  return { categories: true, tags: false }
}

/**
 * The sidebar's categories (a tree of the hierarchies) and tags (nested at `/`),
 * each with post counts. Choosing one shows the feed filtered by it, the same
 * filter as the feed's own panel; choosing it again clears the filter. Each
 * section folds, and remembers whether it is open.
 */
export function TaxonomyNav({ refreshKey, filter, onFilter }: TaxonomyNavProps) {
  const { t } = useTranslation()
  const taxonomy = useTaxonomy(refreshKey)
  const [open, setOpen] = useState(readOpen)
  const categories = useMemo(() => toFacetNodes(taxonomy?.categories ?? [], CATEGORY_SEPARATOR), [taxonomy])
  const tags = useMemo(() => toFacetNodes(taxonomy?.tags ?? [], TAG_SEPARATOR), [taxonomy])
  if (!taxonomy || (categories.length === 0 && tags.length === 0)) return null

  const toggle = (section: Section) => {
    const next = { ...open, [section]: !open[section] }
    setOpen(next)
    try {
      localStorage.setItem(OPEN_KEY, JSON.stringify(next))
    } catch {
      // Not remembered, still toggled.
    }
  }

  const sections = [
    {
      id: 'categories' as const,
      label: t('taxonomy.categories'),
      nodes: categories,
      separator: CATEGORY_SEPARATOR,
      testId: 'nav-category',
      activeKey: filter?.category ? filter.category.join(CATEGORY_SEPARATOR) : null,
      select: (key: string) => ({ ...EMPTY_FILTER, category: key.split(CATEGORY_SEPARATOR) }),
    },
    {
      id: 'tags' as const,
      label: t('taxonomy.tags'),
      nodes: tags,
      separator: TAG_SEPARATOR,
      testId: 'nav-tag',
      activeKey: filter?.tag ?? null,
      select: (key: string) => ({ ...EMPTY_FILTER, tag: key }),
    },
  ].filter((section) => section.nodes.length > 0)

  return (
    <div className="taxonomy" data-testid="taxonomy">
      {sections.map((section) => (
        <section key={section.id} className="taxonomy__section" aria-label={section.label}>
          <button
            type="button"
            className="taxonomy__header"
            aria-expanded={open[section.id]}
            data-testid={`taxonomy-${section.id}`}
            onClick={() => toggle(section.id)}
          >
            <ChevronRightIcon size={11} className="taxonomy__chevron" />
            <span>{section.label}</span>
            <span className="sidebar__count">{section.nodes.length}</span>
          </button>
          {open[section.id] && (
            <div className="taxonomy__tree">
              <FacetTree
                nodes={section.nodes}
                activeKey={section.activeKey}
                separator={section.separator}
                testId={section.testId}
                onSelect={(key) => onFilter(key === null ? EMPTY_FILTER : section.select(key))}
              />
            </div>
          )}
        </section>
      ))}
    </div>
  )
}
