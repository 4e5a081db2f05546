import { useEffect, useRef } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { externalHost } from './post-links'

/** Props of {@link ExternalLinkPrompt}. */
export interface ExternalLinkPromptProps {
  /** The `http(s):` or `mailto:` URL a link in the post leads to. */
  url: string
  onOpen: () => void
  onCancel: () => void
}

/**
 * Asks before a link in a post leaves the app: "Open arxiv.org in your browser?",
 * with the full address below, since link text can claim anything. Mount it to
 * show it; Open is focused, Escape or a click outside cancels.
 */
export function ExternalLinkPrompt({ url, onOpen, onCancel }: ExternalLinkPromptProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const { t } = useTranslation()
  const isMail = url.toLowerCase().startsWith('mailto:')
  const host = externalHost(url)

  useEffect(() => {
    const dialog = dialogRef.current
    if (dialog && !dialog.open) dialog.showModal()
    return () => dialog?.close()
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className="dialog external-link-prompt"
      aria-labelledby="external-link-heading"
      data-testid="external-link-prompt"
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onCancel()
      }}
    >
      <div className="dialog__body">
        <h2 id="external-link-heading" className="dialog__title">
          <Trans
            i18nKey={isMail ? 'externalLink.mailTitle' : 'externalLink.openTitle'}
            values={{ host }}
            components={{ host: <span className="external-link-prompt__host" /> }}
          />
        </h2>
        <p className="external-link-prompt__url" data-testid="external-link-url" title={url}>
          {url}
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onCancel} data-testid="external-link-cancel">
            {t('externalLink.cancel')}
          </button>
          <button type="button" className="button button--primary" onClick={onOpen} autoFocus data-testid="external-link-open">
            {isMail ? t('externalLink.openMail') : t('externalLink.open')}
          </button>
        </div>
      </div>
    </dialog>
  )
}
