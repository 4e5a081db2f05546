import './conflict-copy.css'
import { useTranslation } from 'react-i18next'

/** Props of {@link ConflictCopyBadge}. */
export interface ConflictCopyBadgeProps {
  /** The post the file is a conflict copy of (`PostSummary.conflictCopyOf`). */
  of: string
  className?: string
}

/** A small badge marking a sync tool's conflict copy of another post, naming it in the tooltip. */
export function ConflictCopyBadge({ of, className }: ConflictCopyBadgeProps) {
  const { t } = useTranslation()
  const title = t('conflictCopy.title', { path: of })
  return (
    <span className={['badge', 'badge--conflict-copy', className].filter(Boolean).join(' ')} title={title} aria-label={title} data-testid="conflict-copy-badge">
      {t('conflictCopy.badge')}
    </span>
  )
}
