import type { ReactNode } from 'react'

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  icon?: ReactNode
  title: string
  children?: ReactNode
  /** Buttons or links under the text. */
  actions?: ReactNode
  className?: string
  testId?: string
}

/** A centred illustration, heading and hint for a screen or panel with nothing to show yet. */
export function EmptyState({ icon, title, children, actions, className, testId }: EmptyStateProps) {
  return (
    <div className={className ? `empty-state ${className}` : 'empty-state'} data-testid={testId}>
      {icon && <div className="empty-state__icon">{icon}</div>}
      <h2 className="empty-state__title">{title}</h2>
      {children && <div className="empty-state__text">{children}</div>}
      {actions && <div className="empty-state__actions">{actions}</div>}
    </div>
  )
}
