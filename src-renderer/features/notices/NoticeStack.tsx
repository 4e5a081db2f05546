import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CloseIcon, WarningIcon } from '../../ui/Icons'
import type { Notice } from './useNotices'

const visibleMs = 9000

function NoticeToast({ notice, onDismiss }: { notice: Notice; onDismiss: (id: number) => void }) {
  const { t } = useTranslation()
  useEffect(() => {
    const timer = setTimeout(() => onDismiss(notice.id), visibleMs)
    return () => clearTimeout(timer)
  }, [notice.id, onDismiss])

  return (
    <div className="notice" role="status" data-testid="notice">
      <WarningIcon className="notice__icon" size={15} />
      <p className="notice__message">{notice.message}</p>
      <button type="button" className="icon-button notice__close" aria-label={t('notices.dismiss')} onClick={() => onDismiss(notice.id)}>
        <CloseIcon size={14} />
      </button>
    </div>
  )
}

/** Transient messages in the bottom-right corner; each fades after a few seconds or on dismiss. */
export function NoticeStack({ notices, onDismiss }: { notices: Notice[]; onDismiss: (id: number) => void }) {
  if (notices.length === 0) return null
  return (
    <div className="notice-stack" aria-live="polite">
      {notices.map((notice) => (
        <NoticeToast key={notice.id} notice={notice} onDismiss={onDismiss} />
      ))}
    </div>
  )
}
