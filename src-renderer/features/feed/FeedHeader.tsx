import { useTranslation } from 'react-i18next'
import type { FeedLayout, FeedSort } from '../../../src-shared/model/settings'
import { NewPostIcon } from '../../ui/Icons'
import { SettingsIcon } from './FeedIcons'

/** Props of {@link FeedHeader}. */
export interface FeedHeaderProps {
  /** Posts shown (after filters) and in the vault (after the drafts setting). */
  count: number
  total: number
  isFiltered: boolean
  sort: FeedSort
  layout: FeedLayout
  onSort: (sort: FeedSort) => void
  onLayout: (layout: FeedLayout) => void
  onNewPost: () => void
  onSettings: () => void
}

/** The feed's title bar: "Latest" with the post count, the order and layout switches, settings and "New post". */
export function FeedHeader({ count, total, isFiltered, sort, layout, onSort, onLayout, onNewPost, onSettings }: FeedHeaderProps) {
  const { t } = useTranslation()
  return (
    <header className="feed-header">
      <div className="feed-header__titles">
        <h1 className="feed-header__title">{t('feed.title')}</h1>
        <span className="feed-header__count" data-testid="feed-count" data-count={count}>
          {isFiltered ? t('feed.filteredSubtitle', { count: total, shown: count }) : t('feed.subtitle', { count })}
        </span>
      </div>
      <div className="feed-header__controls">
        <div className="segmented" role="group" aria-label={t('feed.sortLabel')}>
          {(['date', 'updated'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="segmented__option"
              aria-pressed={sort === value}
              data-testid={`feed-sort-${value}`}
              onClick={() => onSort(value)}
            >
              {t(value === 'date' ? 'feed.sortDate' : 'feed.sortUpdated')}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('feed.layoutLabel')}>
          {(['pages', 'scroll'] as const).map((value) => (
            <button
              key={value}
              type="button"
              className="segmented__option"
              aria-pressed={layout === value}
              data-testid={`feed-layout-${value}`}
              onClick={() => onLayout(value)}
            >
              {t(value === 'pages' ? 'feed.layoutPages' : 'feed.layoutScroll')}
            </button>
          ))}
        </div>
        <button type="button" className="icon-button" title={t('feed.settings')} aria-label={t('feed.settings')} data-testid="feed-settings" onClick={onSettings}>
          <SettingsIcon size={16} />
        </button>
        <button type="button" className="button button--primary" data-testid="feed-new-post" onClick={onNewPost}>
          <NewPostIcon size={14} />
          {t('feed.newPost')}
        </button>
      </div>
    </header>
  )
}
