import './indexing.css'
import { useTranslation } from 'react-i18next'
import { progressView } from './index-progress-view'
import { useIndexProgress } from './useIndexProgress'

/**
 * A small card at the bottom of the sidebar while the vault is being indexed:
 * "Indexing posts 1,234 / 10,000" over a progress bar (or "Scanning the folder…"
 * before the total is known). Posts already indexed are listed meanwhile; the card
 * goes away when indexing is done.
 */
export function IndexProgressBar() {
  const { t } = useTranslation()
  const view = progressView(useIndexProgress())
  if (!view.isVisible) return null
  const label = view.phase === 'scanning' ? t('indexing.scanning') : t('indexing.indexing')
  const count = view.phase === 'indexing' ? t('indexing.count', { done: view.done, total: view.total }) : ''
  return (
    <div className="index-progress" role="status" aria-live="polite" data-testid="index-progress" data-phase={view.phase}>
      <div className="index-progress__row">
        <span className="index-progress__label">{label}</span>
        <span className="index-progress__count" data-testid="index-progress-count">
          {count}
        </span>
      </div>
      <div
        className={view.fraction === null ? 'index-progress__track index-progress__track--busy' : 'index-progress__track'}
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={view.total || undefined}
        aria-valuenow={view.fraction === null ? undefined : view.done}
      >
        <div className="index-progress__bar" style={view.fraction === null ? undefined : { width: `${(view.fraction * 100).toFixed(2)}%` }} />
      </div>
    </div>
  )
}
