import { useTranslation } from 'react-i18next'
import { CloseIcon } from '../../ui/Icons'
import { LinkIcon } from '../search/SearchIcons'
import type { TitleChange } from './useTitleChangeOffer'

/** Props of {@link TitleChangeOfferCard}. */
export interface TitleChangeOfferCardProps {
  change: TitleChange
  /** Opens the rename dialog to review and apply the link updates. */
  onReview: () => void
  onDismiss: () => void
}

/**
 * A card in the corner after a post's title changed while links still use the old
 * title: it says how many, and offers to review the update or keep the links.
 */
export function TitleChangeOfferCard({ change, onReview, onDismiss }: TitleChangeOfferCardProps) {
  const { t } = useTranslation()
  return (
    <div className="offer-card" role="status" data-testid="title-change-offer">
      <LinkIcon className="offer-card__icon" size={15} />
      <div className="offer-card__text">
        <strong>{t('rename.offerTitle')}</strong>
        <p>{t('rename.offerText', { count: change.plan.linkCount, files: change.plan.files.length, old: change.oldTitle })}</p>
        <div className="offer-card__actions">
          <button type="button" className="button button--primary" data-testid="title-change-review" onClick={onReview}>
            {t('rename.offerReview')}
          </button>
          <button type="button" className="button" onClick={onDismiss}>
            {t('rename.offerKeep')}
          </button>
        </div>
      </div>
      <button type="button" className="icon-button offer-card__close" aria-label={t('rename.offerKeep')} onClick={onDismiss}>
        <CloseIcon size={14} />
      </button>
    </div>
  )
}
