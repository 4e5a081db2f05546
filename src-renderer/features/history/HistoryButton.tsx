import './history.css'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HistoryEntry } from '../../../src-shared/model/history'
import { api } from '../../ipc'
import type { DocumentHandle } from '../editor/useDocument'
import { HistoryDialog } from './HistoryDialog'
import { HistoryIcon } from './HistoryIcon'
import { formatSavedTime } from './saved-time'

/** Props of {@link HistoryButton}. */
export interface HistoryButtonProps {
  handle: DocumentHandle
  notify: (message: string) => void
}

/**
 * The editor header's way into the open post's local history: a button, and the
 * history dialog while it is open. A restore saves any edits first, then writes the
 * version through `history.restore` (a newer file on disk opens the conflict view).
 */
export function HistoryButton({ handle, notify }: HistoryButtonProps) {
  const { t, i18n } = useTranslation()
  const [isOpen, setIsOpen] = useState(false)
  const { snapshot, session } = handle
  const document = snapshot.document
  if (!document) return null
  const path = document.summary.path

  const restore = async (entry: HistoryEntry, text: string): Promise<string | null> => {
    const outcome = await session.restoreVersion(text, (baseHash) => api.history.restore(path, entry.id, baseHash))
    if (!outcome.ok) return outcome.reason === 'unsaved' ? t('history.unsaved') : outcome.message
    setIsOpen(false)
    if (session.getSnapshot().save.type === 'idle') notify(t('history.restored', { time: formatSavedTime(entry.savedAtMs, Date.now(), i18n.language) }))
    return null
  }

  return (
    <>
      <button
        type="button"
        className="icon-button history-button"
        title={t('history.buttonTitle')}
        aria-label={t('history.button')}
        data-testid="history-button"
        onClick={() => setIsOpen(true)}
      >
        <HistoryIcon size={16} />
      </button>
      {isOpen && (
        <HistoryDialog path={path} title={document.summary.title || path} currentHash={document.hash} onRestore={restore} onClose={() => setIsOpen(false)} />
      )}
    </>
  )
}
