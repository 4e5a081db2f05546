import './history.css'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HistoryEntry } from '../../../src-shared/model/history'
import { DialogHeader } from '../../ui/DialogHeader'
import { ModalFrame } from '../../ui/ModalFrame'
import { DiffView } from './DiffView'
import { diffStats } from './diff-rows'
import { HistoryIcon } from './HistoryIcon'
import { formatExactTime, formatSavedClock, formatSavedTime, formatSize } from './saved-time'
import { useHistory } from './useHistory'

/** Props of {@link HistoryDialog}. */
export interface HistoryDialogProps {
  path: string
  title: string
  /** The hash of the post's text on disk, to mark the current version. */
  currentHash: string
  /** Restores a version; resolves to an error message to show, or null when done. */
  onRestore: (entry: HistoryEntry, text: string) => Promise<string | null>
  onClose: () => void
}

/**
 * The local history of one post: its saved versions newest first, and for the one
 * selected either its changes up to the file on disk now (a line diff) or its full
 * text, with a button to restore it. Restoring goes through the usual conflict check
 * and is one undoable step in the editor.
 */
export function HistoryDialog({ path, title, currentHash, onRestore, onClose }: HistoryDialogProps) {
  const { t, i18n } = useTranslation()
  const locale = i18n.language
  const { entries, selectedId, select, detail, error } = useHistory(path, currentHash)
  const [mode, setMode] = useState<'changes' | 'text'>('changes')
  const [isRestoring, setIsRestoring] = useState(false)
  const [restoreError, setRestoreError] = useState<string | null>(null)
  const [now] = useState(() => Date.now())
  const selected = entries?.find((entry) => entry.id === selectedId) ?? null
  const isCurrent = selected?.hash === currentHash
  const stats = detail ? diffStats(detail.parts) : null

  const restore = async () => {
    if (!selected || !detail || detail.id !== selected.id) return
    setIsRestoring(true)
    setRestoreError(null)
    const failure = await onRestore(selected, detail.text)
    setIsRestoring(false)
    if (failure) setRestoreError(failure)
  }

  return (
    <ModalFrame className="history-dialog" testId="history-dialog" labelledBy="history-heading" onClose={onClose} closesOnBackdrop>
      <DialogHeader
        icon={<HistoryIcon size={17} />}
        tone="accent"
        titleId="history-heading"
        title={t('history.title', { title })}
        subtitle={t('history.subtitle')}
        isDivided
      >
        <button type="button" className="button" onClick={onClose} data-testid="history-close">
          {t('history.close')}
        </button>
      </DialogHeader>
      <div className="history-dialog__body">
        <ol className="history-list" aria-label={t('history.versions')} data-testid="history-list">
          {entries?.map((entry) => (
            <li key={entry.id}>
              <button
                type="button"
                className={entry.id === selectedId ? 'history-entry history-entry--selected' : 'history-entry'}
                aria-current={entry.id === selectedId ? 'true' : undefined}
                title={formatExactTime(entry.savedAtMs, locale)}
                data-testid="history-entry"
                onClick={() => {
                  setRestoreError(null)
                  select(entry.id)
                }}
              >
                <span className="history-entry__time">{formatSavedClock(entry.savedAtMs, now, locale)}</span>
                <span className="history-entry__meta">
                  {formatSavedTime(entry.savedAtMs, now, locale)}
                  <span aria-hidden="true">·</span>
                  {formatSize(entry.size, locale)}
                  {entry.hash === currentHash && <span className="badge history-entry__current">{t('history.current')}</span>}
                </span>
              </button>
            </li>
          ))}
        </ol>
        <section className="history-detail" aria-live="polite">
          {entries && entries.length === 0 && !error ? (
            <p className="history-detail__empty" data-testid="history-empty">
              {t('history.empty')}
            </p>
          ) : (
            <>
              <div className="history-detail__toolbar">
                <div className="segmented" role="group" aria-label={t('history.showLabel')}>
                  <button type="button" className="segmented__option" aria-pressed={mode === 'changes'} onClick={() => setMode('changes')} data-testid="history-mode-changes">
                    {t('history.changes')}
                  </button>
                  <button type="button" className="segmented__option" aria-pressed={mode === 'text'} onClick={() => setMode('text')} data-testid="history-mode-text">
                    {t('history.fullText')}
                  </button>
                </div>
                {stats && mode === 'changes' && (
                  <span className="history-detail__stats" aria-label={t('history.statsLabel', { added: stats.added, removed: stats.removed })}>
                    <span className="history-detail__removed">−{stats.removed}</span>
                    <span className="history-detail__added">+{stats.added}</span>
                  </span>
                )}
                <span className="history-detail__spacer" />
                <button
                  type="button"
                  className="button button--primary"
                  disabled={!detail || !selected || isCurrent || isRestoring}
                  title={isCurrent ? t('history.isCurrent') : t('history.restoreHint')}
                  onClick={() => void restore()}
                  data-testid="history-restore"
                >
                  {isRestoring ? t('history.restoring') : t('history.restore')}
                </button>
              </div>
              {(restoreError ?? error) && (
                <p className="history-detail__error" role="alert" data-testid="history-error">
                  {restoreError ?? error}
                </p>
              )}
              {mode === 'changes' && <p className="history-detail__legend">{t('history.legend')}</p>}
              <div className="history-detail__content">
                {!detail ? null : mode === 'text' ? (
                  <pre className="history-detail__text" data-testid="history-text">
                    {detail.text}
                  </pre>
                ) : stats && stats.added + stats.removed === 0 ? (
                  <p className="history-detail__empty">{t('history.noChanges')}</p>
                ) : (
                  <DiffView key={detail.id} parts={detail.parts} />
                )}
              </div>
            </>
          )}
        </section>
      </div>
    </ModalFrame>
  )
}
