import { useTranslation } from 'react-i18next'
import { ChevronLeftIcon, ChevronRightIcon } from './FeedIcons'
import { pageNumbers } from './pagination'

/** Props of {@link FeedPagination}. */
export interface FeedPaginationProps {
  page: number
  pageCount: number
  onPage: (page: number) => void
}

/** The blog-style bar of page numbers under the cards: ‹ 1 2 3 4 5 … 50 ›. Hidden when there is one page. */
export function FeedPagination({ page, pageCount, onPage }: FeedPaginationProps) {
  const { t } = useTranslation()
  if (pageCount <= 1) return null
  return (
    <nav className="feed-pagination" aria-label={t('pagination.label')} data-testid="feed-pagination">
      <button
        type="button"
        className="feed-pagination__step"
        disabled={page <= 1}
        data-testid="page-previous"
        onClick={() => onPage(page - 1)}
      >
        <ChevronLeftIcon size={14} />
        {t('pagination.previous')}
      </button>
      <ol className="feed-pagination__pages">
        {pageNumbers(page, pageCount).map((entry, index) =>
          entry === 'gap' ? (
            <li key={`gap-${index}`} className="feed-pagination__gap" aria-hidden="true">
              …
            </li>
          ) : (
            <li key={entry}>
              <button
                type="button"
                className={entry === page ? 'feed-pagination__page feed-pagination__page--current' : 'feed-pagination__page'}
                aria-current={entry === page ? 'page' : undefined}
                aria-label={t('pagination.page', { page: entry })}
                data-testid="page-button"
                data-page={entry}
                onClick={() => onPage(entry)}
              >
                {entry}
              </button>
            </li>
          ),
        )}
      </ol>
      <button
        type="button"
        className="feed-pagination__step"
        disabled={page >= pageCount}
        data-testid="page-next"
        onClick={() => onPage(page + 1)}
      >
        {t('pagination.next')}
        <ChevronRightIcon size={14} />
      </button>
    </nav>
  )
}
