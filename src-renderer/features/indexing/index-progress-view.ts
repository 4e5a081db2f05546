import type { IndexProgress } from '../../../src-shared/model/index-progress'

/** What the indexing indicator shows: hidden, or a bar that is determinate or not. */
export type ProgressView = { isVisible: false } | { isVisible: true; phase: 'scanning' | 'indexing'; done: number; total: number; fraction: number | null }

/**
 * The indicator for `progress`: hidden when indexing is done (or unknown) and while
 * a warm open has nothing to parse; while scanning, or indexing without a total yet,
 * a bar with no fraction; otherwise `done / total`, clamped to [0, 1].
 */
export function progressView(progress: IndexProgress | null): ProgressView {
  if (!progress || progress.phase === 'done') return { isVisible: false }
  if (progress.phase === 'indexing' && progress.total === 0) return { isVisible: false }
  const fraction = progress.phase === 'indexing' ? Math.min(1, Math.max(0, progress.done / progress.total)) : null
  return { isVisible: true, phase: progress.phase, done: progress.done, total: progress.total, fraction }
}
