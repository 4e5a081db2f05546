import { memo, useLayoutEffect, useRef, useState, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import type { FeedSort } from '../../../src-shared/model/settings'
import { WarningIcon } from '../../ui/Icons'
import { ConflictCopyBadge } from '../conflict/ConflictCopyBadge'
import { postDay } from '../posts/format-post-date'
import { ClockIcon } from './FeedIcons'
import { formatCardDate } from './post-dates'
import { readingMinutes } from './reading-time'
import { sortDate } from './sort-feed'

/** Props of {@link FeedCard}. */
export interface FeedCardProps {
  post: PostSummary
  /** The element id, referenced by the list's `aria-activedescendant`. */
  id: string
  /** The excerpt as HTML, made by an `ExcerptRenderer` (escaped text and KaTeX output only). */
  excerptHtml: string
  /** Which date the card shows: written, or last updated. */
  sort: FeedSort
  isSelected: boolean
  /** Whether this post is the one open in the editor. */
  isOpen: boolean
  onOpen: (path: string) => void
  onCategory: (path: readonly string[]) => void
  onTag: (tag: string) => void
}

/**
 * One post in the feed, as a blog shows it: date and category path, title, the
 * excerpt with typeset formulas, then tags and reading length. A click opens the
 * post; a category or tag narrows the feed to it instead. Long excerpts are clipped
 * with a fade.
 */
export const FeedCard = memo(function FeedCard({ post, id, excerptHtml, sort, isSelected, isOpen, onOpen, onCategory, onTag }: FeedCardProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const excerptRef = useRef<HTMLDivElement>(null)
  const [isClipped, setIsClipped] = useState(false)

  useLayoutEffect(() => {
    const element = excerptRef.current
    if (!element) return
    // Clipped only when the box reached its height limit: a formula's descent may overflow a short excerpt by a pixel or two.
    const check = () => {
      const limit = parseFloat(getComputedStyle(element).maxHeight)
      setIsClipped(element.scrollHeight > element.clientHeight + 1 && element.clientHeight >= limit - 1)
    }
    check()
    // KaTeX's fonts change the formulas' size once they load.
    let isCurrent = true
    void document.fonts.ready.then(() => isCurrent && check())
    return () => {
      isCurrent = false
    }
  }, [excerptHtml])

  const iso = sortDate(post, sort)
  const date = formatCardDate(iso, locale)
  const minutes = readingMinutes(post.wordCount)
  const warnings = post.warnings.map((warning) => warning.message).join('\n')
  const className = ['feed-card', isSelected && 'feed-card--selected', isOpen && 'feed-card--open', post.isDraft && 'feed-card--draft']
    .filter(Boolean)
    .join(' ')
  // Categories and tags filter the feed; they are not separate tab stops (the filter panel is).
  const stop = (run: () => void) => (event: MouseEvent) => {
    event.stopPropagation()
    run()
  }

  return (
    <article
      id={id}
      className={className}
      role="option"
      aria-selected={isSelected}
      aria-current={isOpen ? 'true' : undefined}
      aria-labelledby={`${id}-title`}
      data-testid="feed-card"
      data-path={post.path}
      onClick={() => onOpen(post.path)}
    >
      <div className="feed-card__meta">
        <time className="feed-card__date" dateTime={postDay(iso)} data-testid="feed-card-date">
          {sort === 'updated' ? t('feed.updatedOn', { date }) : date}
        </time>
        {post.categories.map((path) => (
          <button
            key={path.join('\u0000')}
            type="button"
            tabIndex={-1}
            className="feed-card__category"
            data-testid="feed-card-category"
            onClick={stop(() => onCategory(path))}
          >
            {path.join(' / ')}
          </button>
        ))}
        {post.conflictCopyOf && <ConflictCopyBadge of={post.conflictCopyOf} className="feed-card__conflict-copy" />}
        {post.isDraft && (
          <span className="badge badge--draft feed-card__draft" data-testid="feed-card-draft">
            {t('app.draft')}
          </span>
        )}
        {warnings && (
          <span className="feed-card__warning" title={warnings} aria-label={t('feed.warnings', { messages: warnings })}>
            <WarningIcon size={13} />
          </span>
        )}
      </div>
      <h3 id={`${id}-title`} className="feed-card__title" data-testid="feed-card-title">
        {post.title || t('app.untitled')}
      </h3>
      {post.excerpt !== '' && (
        <div
          ref={excerptRef}
          className={isClipped ? 'feed-card__excerpt feed-card__excerpt--clipped' : 'feed-card__excerpt'}
          data-testid="feed-card-excerpt"
          // Built by excerptToHtml: escaped text, marker spans and KaTeX output only.
          dangerouslySetInnerHTML={{ __html: excerptHtml }}
        />
      )}
      <div className="feed-card__footer">
        <div className="feed-card__tags">
          {post.tags.map((tag) => (
            <button key={tag} type="button" tabIndex={-1} className="feed-card__tag" data-testid="feed-card-tag" onClick={stop(() => onTag(tag))}>
              #{tag}
            </button>
          ))}
        </div>
        <span className="feed-card__length" data-testid="feed-card-length">
          <ClockIcon size={12} />
          {t('feed.words', { count: post.wordCount })}
          <span aria-hidden="true"> · </span>
          {t('feed.readingTime', { count: minutes })}
        </span>
      </div>
    </article>
  )
})
