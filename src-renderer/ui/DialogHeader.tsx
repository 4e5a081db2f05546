import type { ReactNode } from 'react'

/** Props of {@link DialogHeader}. */
export interface DialogHeaderProps {
  /** The icon in the tinted square on the left. */
  icon: ReactNode
  /** `accent` for tools (history), `warning` for something that needs a decision (a conflict). */
  tone: 'accent' | 'warning'
  /** Id of the heading, for the dialog's `aria-labelledby`. */
  titleId: string
  title: ReactNode
  /** Id of the subtitle, for the dialog's `aria-describedby`. */
  subtitleId?: string
  subtitle: ReactNode
  /** A rule under the header, when the body below has no edge of its own. */
  isDivided?: boolean
  /** Controls on the right (a close button, view switches). */
  children?: ReactNode
}

/** The header of a large dialog: an icon, a one-line title, a subtitle, and controls on the right. */
export function DialogHeader({ icon, tone, titleId, title, subtitleId, subtitle, isDivided = false, children }: DialogHeaderProps) {
  return (
    <header className={isDivided ? 'dialog-header dialog-header--divided' : 'dialog-header'}>
      <span className={`dialog-header__icon dialog-header__icon--${tone}`}>{icon}</span>
      <div className="dialog-header__heading">
        <h2 id={titleId} className="dialog-header__title">
          {title}
        </h2>
        <p id={subtitleId} className="dialog-header__subtitle">
          {subtitle}
        </p>
      </div>
      {children}
    </header>
  )
}
