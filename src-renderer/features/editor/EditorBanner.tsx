import { useState, type ReactNode } from 'react'
import { WarningIcon } from '../../ui/Icons'

/** A button of an {@link EditorBanner}: its label and the async work it starts. */
export interface BannerAction {
  label: string
  run: () => Promise<unknown>
  testId?: string
  isPrimary?: boolean
}

/** Props of {@link EditorBanner}. */
export interface EditorBannerProps {
  tone: 'warning' | 'error'
  children: ReactNode
  actions: BannerAction[]
  testId?: string
}

/**
 * A strip above the editor that explains a problem without blocking typing, with
 * buttons to resolve it. Buttons are disabled while one of them runs.
 */
export function EditorBanner({ tone, children, actions, testId }: EditorBannerProps) {
  const [isBusy, setIsBusy] = useState(false)
  const run = async (action: BannerAction) => {
    setIsBusy(true)
    try {
      await action.run()
    } finally {
      setIsBusy(false)
    }
  }
  return (
    <div className={`editor-banner editor-banner--${tone}`} role="alert" data-testid={testId}>
      <WarningIcon className="editor-banner__icon" size={16} />
      <div className="editor-banner__text">{children}</div>
      <div className="editor-banner__actions">
        {actions.map((action) => (
          <button
            key={action.label}
            type="button"
            className={action.isPrimary ? 'button button--primary' : 'button'}
            disabled={isBusy}
            data-testid={action.testId}
            onClick={() => void run(action)}
          >
            {action.label}
          </button>
        ))}
      </div>
    </div>
  )
}
