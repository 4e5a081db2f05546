import { memo } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import { WarningIcon } from '../../ui/Icons'
import { ConflictCopyBadge } from '../conflict/ConflictCopyBadge'
import { formatPostDate, postDay } from './format-post-date'
import { firstCategoryLabel, warningsTooltip } from './post-meta'

/** Props of {@link PostListItem}. */
export interface PostListItemProps {
  post: PostSummary
  /** The element id, referenced by the list's `aria-activedescendant`. */
  id: string
  /** The keyboard selection of the list. */
  isSelected: boolean
  /** Whether this post is the one in the editor. */
  isOpen: boolean
  /** The row's offset from the top of the list, in CSS pixels. */
  top: number
  height: number
  onPick: (path: string) => void
}

/** One row of the post list: title, date, first category, and draft and warning marks. */
export const PostListItem = memo(function PostListItem({ post, id, isSelected, isOpen, top, height, onPick }: PostListItemProps) {
  const { t } = useTranslation()
  const category = firstCategoryLabel(post)
  const warnings = warningsTooltip(post)
  const className = ['post-item', isSelected && 'post-item--selected', isOpen && 'post-item--open'].filter(Boolean).join(' ')
  return (
    <div
      id={id}
      className={className}
      role="option"
      aria-selected={isSelected}
      aria-current={isOpen ? 'true' : undefined}
      data-testid="post-item"
      data-path={post.path}
      style={{ transform: `translateY(${top}px)`, height }}
      onClick={() => onPick(post.path)}
    >
      <div className="post-item__title-row">
        <span className="post-item__title" data-testid="post-title" title={post.title}>
          {post.title || t('app.untitled')}
        </span>
        {warnings && (
          <span className="post-item__warning" title={warnings} aria-label={`Warnings: ${warnings}`} data-testid="post-warning">
            <WarningIcon size={13} />
          </span>
        )}
      </div>
      <div className="post-item__meta">
        <time className="post-item__date" dateTime={postDay(post.date)}>
          {formatPostDate(post.date)}
        </time>
        {category && (
          <>
            <span className="post-item__dot" aria-hidden="true">
              ·
            </span>
            <span className="post-item__category" title={category}>
              {category}
            </span>
          </>
        )}
        {post.conflictCopyOf && <ConflictCopyBadge of={post.conflictCopyOf} className="post-item__conflict-copy" />}
        {post.isDraft && (
          <span className="badge badge--draft post-item__draft" data-testid="draft-badge">
            {t('app.draft')}
          </span>
        )}
      </div>
    </div>
  )
})
