import './conflict.css'
import { useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SaveConflict } from '../../../src-shared/model/save-conflict'
import { DialogHeader } from '../../ui/DialogHeader'
import { WarningIcon } from '../../ui/Icons'
import { ModalFrame } from '../../ui/ModalFrame'
import { formatSavedClock } from '../history/saved-time'
import { MergeCompare } from './MergeCompare'

/** Props of {@link ConflictDialog}. */
export interface ConflictDialogProps {
  conflict: SaveConflict
  /** The editor's text when the dialog opened: "mine". */
  mine: string
  title: string
  /** Writes `text` (mine, possibly edited here) over the disk's version. */
  onKeepMine: (text: string) => Promise<boolean>
  onTakeTheirs: () => Promise<boolean>
  onMerge: () => Promise<boolean>
  /** Closes without deciding; `edited` is mine as edited here, or null when untouched. */
  onLater: (edited: string | null) => void
}

type Tab = 'compare' | 'merged'

/**
 * Both versions of a post changed on disk while it had unsaved edits, side by side
 * with the differences aligned, and the three ways out: keep mine (written over the
 * disk's version), take theirs (loaded into the editor, undoably), or merge both
 * (when the two sets of changes touch different lines). Mine can be edited here, and
 * the arrows between the sides copy a change of theirs into it. Nothing is written
 * until a button says so.
 */
export function ConflictDialog({ conflict, mine, title, onKeepMine, onTakeTheirs, onMerge, onLater }: ConflictDialogProps) {
  const { t, i18n } = useTranslation()
  const [tab, setTab] = useState<Tab>('compare')
  const [edited, setEdited] = useState<string | null>(null)
  // The left side as the compare view is (re)made with it: mine, with edits made before switching tabs.
  const [compareSeed, setCompareSeed] = useState(mine)
  const [isBusy, setIsBusy] = useState(false)
  const editedRef = useRef<string | null>(null)
  const canMerge = conflict.merged !== null
  const diskTime = formatSavedClock(conflict.disk.summary.mtimeMs, Date.now(), i18n.language)
  const unchangedPhrase = t('conflict.unchangedPhrase')
  const phrases = useMemo(() => ({ '$ unchanged lines': unchangedPhrase }), [unchangedPhrase])

  const run = async (action: () => Promise<boolean>) => {
    setIsBusy(true)
    try {
      await action()
    } finally {
      setIsBusy(false)
    }
  }
  const later = () => onLater(editedRef.current !== null && editedRef.current !== mine ? editedRef.current : null)
  const onLeftChange = (text: string) => {
    editedRef.current = text
    setEdited(text === mine ? null : text)
  }

  return (
    <ModalFrame
      className="conflict-dialog"
      testId="conflict-view"
      labelledBy="conflict-heading"
      describedBy="conflict-subtitle"
      onClose={() => {
        if (!isBusy) later()
      }}
    >
      <DialogHeader
        icon={<WarningIcon size={18} />}
        tone="warning"
        titleId="conflict-heading"
        title={t('conflict.title', { title })}
        subtitleId="conflict-subtitle"
        subtitle={t('conflict.subtitle')}
      >
        {canMerge && (
          <div className="segmented" role="group" aria-label={t('conflict.viewLabel')}>
            <button type="button" aria-pressed={tab === 'compare'} className="segmented__option" onClick={() => {
                setCompareSeed(editedRef.current ?? mine)
                setTab('compare')
              }} data-testid="conflict-tab-compare">
              {t('conflict.tabCompare')}
            </button>
            <button type="button" aria-pressed={tab === 'merged'} className="segmented__option" onClick={() => setTab('merged')} data-testid="conflict-tab-merged">
              {t('conflict.tabMerged')}
            </button>
          </div>
        )}
      </DialogHeader>
      <div className="conflict-dialog__sides" aria-hidden="true">
        <div className="conflict-dialog__side conflict-dialog__side--mine">
          <span className="conflict-dialog__side-name">{t('conflict.mine')}</span>
          <span className="conflict-dialog__side-hint">{edited !== null && tab === 'compare' ? t('conflict.mineEdited') : t('conflict.mineHint')}</span>
        </div>
        <div className={tab === 'compare' ? 'conflict-dialog__side conflict-dialog__side--theirs' : 'conflict-dialog__side conflict-dialog__side--merged'}>
          <span className="conflict-dialog__side-name">{tab === 'compare' ? t('conflict.theirs') : t('conflict.merged')}</span>
          <span className="conflict-dialog__side-hint">{tab === 'compare' ? t('conflict.theirsHint', { time: diskTime }) : t('conflict.mergedHint')}</span>
        </div>
      </div>
      <div className="conflict-dialog__compare">
        {tab === 'compare' ? (
          <MergeCompare
            left={compareSeed}
            right={conflict.disk.text}
            leftLabel={t('conflict.mine')}
            rightLabel={t('conflict.theirs')}
            isLeftEditable
            copyLabel={t('conflict.copyChange')}
            phrases={phrases}
            onLeftChange={onLeftChange}
          />
        ) : (
          <MergeCompare
            left={edited ?? mine}
            right={conflict.merged ?? ''}
            leftLabel={t('conflict.mine')}
            rightLabel={t('conflict.merged')}
            isLeftEditable={false}
            copyLabel={t('conflict.copyChange')}
            phrases={phrases}
          />
        )}
      </div>
      <footer className="conflict-dialog__footer">
        <p className="conflict-dialog__note" data-testid="conflict-note">
          {edited !== null ? t('conflict.editedNote') : canMerge ? t('conflict.mergeNote') : t('conflict.mergeUnavailable')}
        </p>
        <div className="conflict-dialog__actions">
          <button type="button" className="button" disabled={isBusy} onClick={later} data-testid="conflict-later">
            {t('conflict.later')}
          </button>
          <button type="button" className="button" disabled={isBusy} onClick={() => void run(onTakeTheirs)} title={t('conflict.takeTheirsHint')} data-testid="conflict-take-theirs">
            {t('conflict.takeTheirs')}
          </button>
          <button
            type="button"
            className={canMerge && edited === null ? 'button' : 'button button--primary'}
            disabled={isBusy}
            onClick={() => void run(() => onKeepMine(editedRef.current ?? mine))}
            title={t('conflict.keepMineHint')}
            autoFocus={!canMerge}
            data-testid="conflict-keep-mine"
          >
            {edited !== null ? t('conflict.keepEdited') : t('conflict.keepMine')}
          </button>
          <button
            type="button"
            className={canMerge && edited === null ? 'button button--primary' : 'button'}
            disabled={isBusy || !canMerge || edited !== null}
            onClick={() => void run(onMerge)}
            title={canMerge ? t('conflict.mergeHint') : t('conflict.mergeUnavailable')}
            autoFocus={canMerge}
            data-testid="conflict-merge"
          >
            {t('conflict.merge')}
          </button>
        </div>
      </footer>
    </ModalFrame>
  )
}
