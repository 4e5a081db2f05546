import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import type { DocumentSession } from '../editor/document-session'
import { RecoveryDialog } from './RecoveryDialog'
import { useRecoveryOffer } from './useRecoveryOffer'

/** Props of {@link RecoveryOfferDialog}. */
export interface RecoveryOfferDialogProps {
  session: DocumentSession
  posts: readonly PostSummary[]
  /** Shows the editor after a restored post was opened in `session`. */
  onOpened: () => void
}

/**
 * Mount once per open vault: looks for backups left by a crash and, when there are
 * any, shows the {@link RecoveryDialog} until each is restored or discarded, or the
 * person decides later.
 */
export function RecoveryOfferDialog({ session, posts, onOpened }: RecoveryOfferDialogProps) {
  const { t } = useTranslation()
  const recovery = useRecoveryOffer(session, onOpened, t('recovery.unsaved'))
  return recovery.offers.length > 0 ? <RecoveryDialog recovery={recovery} posts={posts} /> : null
}
