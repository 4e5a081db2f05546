import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DocumentSession, DocumentSnapshot } from '../editor/document-session'
import { EditorBanner, type BannerAction } from '../editor/EditorBanner'

/** Props of {@link DocumentBanners}. */
export interface DocumentBannersProps {
  snapshot: DocumentSnapshot
  session: DocumentSession
  /** Opens the conflict view. */
  onResolve: () => void
  /** Opens the "Save as…" dialog. */
  onSaveAs: () => void
  /** Called after a banner's action, to give the focus back to the text. */
  onDone: () => void
}

/**
 * The strip above the editor while the open post cannot be saved as usual: changed
 * on disk (opens the conflict view), deleted on disk (save again, save as, or
 * discard after a second click), or a failed save with main's message (disk full,
 * read-only, folder unplugged). The text stays in the editor in every case.
 */
export function DocumentBanners({ snapshot, session, onResolve, onSaveAs, onDone }: DocumentBannersProps) {
  const { t } = useTranslation()
  const [isConfirmingDiscard, setIsConfirmingDiscard] = useState(false)
  const then = (action: () => Promise<unknown>) => async () => {
    await action()
    onDone()
  }
  const { save, document } = snapshot
  if (!document) return null

  if (save.type === 'conflict') {
    const actions: BannerAction[] = save.conflict
      ? [{ label: t('conflict.resolve'), run: async () => onResolve(), testId: 'conflict-resolve', isPrimary: true }]
      : [
          { label: t('conflict.takeTheirs'), run: then(session.takeTheirs), testId: 'conflict-reload' },
          { label: t('conflict.keepMine'), run: then(session.keepMine), testId: 'conflict-overwrite', isPrimary: true },
        ]
    return (
      <EditorBanner tone="warning" testId="conflict-banner" actions={actions}>
        <strong>{t('conflict.bannerTitle')}</strong> {t('conflict.bannerText')}
      </EditorBanner>
    )
  }

  if (save.type === 'missing') {
    const actions: BannerAction[] = isConfirmingDiscard
      ? [
          { label: t('deleted.keep'), run: async () => setIsConfirmingDiscard(false), testId: 'deleted-keep' },
          { label: t('deleted.confirmDiscard'), run: async () => session.close(), testId: 'deleted-discard-confirm', isPrimary: true },
        ]
      : [
          { label: t('deleted.discard'), run: async () => setIsConfirmingDiscard(true), testId: 'deleted-discard' },
          { label: t('deleted.saveAs'), run: async () => onSaveAs(), testId: 'deleted-save-as' },
          { label: t('deleted.saveAgain'), run: then(session.saveAgain), testId: 'deleted-save-again', isPrimary: true },
        ]
    return (
      <EditorBanner tone="error" testId="deleted-banner" actions={actions}>
        <strong>{t('deleted.title', { path: document.summary.path })}</strong>{' '}
        {isConfirmingDiscard ? t('deleted.confirmText') : (save.message ?? t('deleted.text'))}
      </EditorBanner>
    )
  }

  if (save.type === 'failed') {
    return (
      <EditorBanner tone="error" testId="save-error-banner" actions={[{ label: t('saveFailed.retry'), run: then(session.save), testId: 'save-retry' }]}>
        <strong>{t('saveFailed.title')}</strong> {save.message}
      </EditorBanner>
    )
  }
  return null
}
