import './recovery.css'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import { ModalFrame } from '../../ui/ModalFrame'
import { DiffView } from '../history/DiffView'
import { formatExactTime, formatSavedTime } from '../history/saved-time'
import { backupDiff } from './backup-diff'
import { backupPreview, backupTitle } from './backup-preview'
import type { BackupOffer, RecoveryOffer } from './useRecoveryOffer'

/** Props of {@link RecoveryDialog}. */
export interface RecoveryDialogProps {
  recovery: RecoveryOffer
  /** The vault's posts, for titles. */
  posts: readonly PostSummary[]
}

function OfferPreview({ offer }: { offer: BackupOffer }) {
  const { t } = useTranslation()
  const { text, diskText, entry } = offer
  const parts = useMemo(() => (text !== null && typeof diskText === 'string' ? backupDiff(diskText, text) : null), [text, diskText])
  if (!parts || text === null) {
    return (
      <pre className="recovery-offer__preview" data-testid="recovery-preview">
        {text === null ? entry.preview : backupPreview(text)}
      </pre>
    )
  }
  const isSame = parts.every((part) => part.type === 'same')
  return (
    <div className="recovery-offer__diff" data-testid="recovery-preview">
      <p className="recovery-offer__legend">{isSame ? t('recovery.sameAsDisk') : t('recovery.legend')}</p>
      {!isSame && <DiffView parts={parts} context={1} />}
    </div>
  )
}

function OfferRow({ offer, title, recovery }: { offer: BackupOffer; title: string; recovery: RecoveryOffer }) {
  const { t, i18n } = useTranslation()
  const [isConfirmingDiscard, setIsConfirmingDiscard] = useState(false)
  const { entry, text, state, message } = offer
  const isBusy = state === 'busy' || text === null
  return (
    <li className="recovery-offer" data-testid="recovery-offer" data-path={entry.path}>
      <div className="recovery-offer__head">
        <div className="recovery-offer__names">
          <span className="recovery-offer__title">{title}</span>
          <span className="recovery-offer__path">{entry.path}</span>
        </div>
        <span className="recovery-offer__time" title={formatExactTime(entry.savedAtMs, i18n.language)}>
          {t('recovery.savedAt', { time: formatSavedTime(entry.savedAtMs, Date.now(), i18n.language) })}
          <span aria-hidden="true"> · </span>
          {t('recovery.characters', { count: entry.length })}
        </span>
      </div>
      <OfferPreview offer={offer} />
      {message && (
        <p className={state === 'missing' ? 'recovery-offer__message recovery-offer__message--missing' : 'recovery-offer__message'} role="alert">
          {state === 'missing' ? `${t('recovery.missing')} ${message}` : message}
        </p>
      )}
      <div className="recovery-offer__actions">
        {isConfirmingDiscard ? (
          <>
            <span className="recovery-offer__confirm">{t('recovery.confirmDiscard')}</span>
            <button type="button" className="button" onClick={() => setIsConfirmingDiscard(false)}>
              {t('recovery.keep')}
            </button>
            <button type="button" className="button button--danger" disabled={isBusy} onClick={() => void recovery.discard(entry.id)} data-testid="recovery-discard-confirm">
              {t('recovery.discardForGood')}
            </button>
          </>
        ) : (
          <>
            <button type="button" className="button button--quiet" disabled={isBusy} onClick={() => setIsConfirmingDiscard(true)} data-testid="recovery-discard">
              {t('recovery.discard')}
            </button>
            {state === 'missing' ? (
              <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void recovery.recreate(entry.id)} data-testid="recovery-recreate">
                {t('recovery.recreate')}
              </button>
            ) : (
              <button type="button" className="button button--primary" disabled={isBusy} onClick={() => void recovery.restore(entry.id)} data-testid="recovery-restore">
                {state === 'busy' ? t('recovery.restoring') : t('recovery.restore')}
              </button>
            )}
          </>
        )}
      </div>
    </li>
  )
}

/**
 * Offers to restore the unsaved edits a crash or a kill left behind: one row per
 * post with when it was backed up, how long it is and the start of its text, and
 * Restore or Discard (after a second click). "Decide later" keeps the backups for
 * the next start. Shown only while there is something to offer.
 */
export function RecoveryDialog({ recovery, posts }: RecoveryDialogProps) {
  const { t } = useTranslation()
  const { offers } = recovery

  const titleOf = (offer: BackupOffer) =>
    posts.find((post) => post.path === offer.entry.path)?.title || (offer.text !== null ? backupTitle(offer.text) : null) || offer.entry.path

  return (
    <ModalFrame className="recovery-dialog" testId="recovery-dialog" labelledBy="recovery-heading" describedBy="recovery-intro" onClose={recovery.dismiss}>
      <div className="recovery-dialog__body">
        <h2 id="recovery-heading" className="dialog__title recovery-dialog__title">
          {t('recovery.title')}
        </h2>
        <p id="recovery-intro" className="recovery-dialog__intro">
          {t('recovery.intro', { count: offers.length })}
        </p>
        <ul className="recovery-dialog__list">
          {offers.map((offer) => (
            <OfferRow key={offer.entry.id} offer={offer} title={titleOf(offer)} recovery={recovery} />
          ))}
        </ul>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={recovery.dismiss} data-testid="recovery-later">
            {t('recovery.later')}
          </button>
        </div>
      </div>
    </ModalFrame>
  )
}
