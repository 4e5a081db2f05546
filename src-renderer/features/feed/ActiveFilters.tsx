import { useTranslation } from 'react-i18next'
import { CloseIcon } from '../../ui/Icons'
import { EMPTY_FILTER, type FeedFilter } from './feed-filter'
import { formatArchiveMonth, formatYear } from './post-dates'

/** Props of {@link ActiveFilters}. */
export interface ActiveFiltersProps {
  filter: FeedFilter
  onFilter: (filter: FeedFilter) => void
}

/** The filters in effect as removable chips, plus "Clear filters"; nothing when none is. */
export function ActiveFilters({ filter, onFilter }: ActiveFiltersProps) {
  const { t, i18n } = useTranslation()
  const chips: Array<{ kind: string; label: string; value: string; clear: Partial<FeedFilter> }> = []
  if (filter.category) chips.push({ kind: 'category', label: t('filters.chipCategory'), value: filter.category.join(' / '), clear: { category: null } })
  if (filter.tag !== null) chips.push({ kind: 'tag', label: t('filters.chipTag'), value: `#${filter.tag}`, clear: { tag: null } })
  if (filter.folder !== null) {
    chips.push({ kind: 'folder', label: t('filters.chipFolder'), value: filter.folder === '' ? t('filters.rootFolder') : filter.folder, clear: { folder: null } })
  }
  if (filter.year !== null) {
    const value = filter.month === null ? formatYear(filter.year, i18n.language) : formatArchiveMonth(filter.year, filter.month, i18n.language)
    chips.push({ kind: 'date', label: t('filters.chipDate'), value, clear: { year: null, month: null } })
  }
  if (chips.length === 0) return null
  return (
    <div className="active-filters" data-testid="active-filters">
      {chips.map((chip) => (
        <span key={chip.kind} className="active-filters__chip" data-testid={`active-filter-${chip.kind}`}>
          <span className="active-filters__kind">{chip.label}</span>
          <span className="active-filters__value">{chip.value}</span>
          <button
            type="button"
            className="active-filters__remove"
            aria-label={t('feed.removeFilter', { name: chip.value })}
            onClick={() => onFilter({ ...filter, ...chip.clear })}
          >
            <CloseIcon size={12} />
          </button>
        </span>
      ))}
      {chips.length > 1 && (
        <button type="button" className="active-filters__clear" data-testid="clear-filters" onClick={() => onFilter(EMPTY_FILTER)}>
          {t('feed.clearFilters')}
        </button>
      )}
    </div>
  )
}
