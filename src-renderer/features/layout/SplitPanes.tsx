import { useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { clampSplitRatio, DEFAULT_VIEW_PREFERENCES, type EditorLayout } from './view-preferences'

/** Props of {@link SplitPanes}. */
export interface SplitPanesProps {
  layout: EditorLayout
  /** The editor's share of the width in the split layout. */
  ratio: number
  onRatio: (ratio: number) => void
  /** Shown at the left edge whatever the layout, when given. */
  outline: ReactNode
  /** Always mounted (hidden in the preview-only layout) so the editor keeps its state. */
  editor: ReactNode
  /** Mounted only when the layout shows it. */
  preview: ReactNode
  /** Receives the editor column's element (for scroll sync). */
  editorRef?: (element: HTMLDivElement | null) => void
}

/**
 * Lays out the outline, the editor and the preview for `layout`. In the split
 * layout a divider between editor and preview can be dragged, moved with the arrow
 * keys, or double-clicked to even the split.
 */
export function SplitPanes({ layout, ratio, onRatio, outline, editor, preview, editorRef }: SplitPanesProps) {
  const rootRef = useRef<HTMLDivElement>(null)
  const { t } = useTranslation()
  const isSplit = layout === 'split'
  const columns = [outline ? 'var(--outline-width)' : null, layout === 'preview' ? null : `minmax(0, ${isSplit ? ratio : 1}fr)`]
  if (isSplit) columns.push('1px')
  if (layout !== 'editor') columns.push(`minmax(0, ${isSplit ? 1 - ratio : 1}fr)`)

  const ratioAt = (clientX: number) => {
    const root = rootRef.current
    const editorColumn = root?.querySelector<HTMLElement>('.split-panes__editor')
    if (!root || !editorColumn) return ratio
    const left = editorColumn.getBoundingClientRect().left
    const right = root.getBoundingClientRect().right
    return clampSplitRatio((clientX - left) / Math.max(1, right - left))
  }

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return
    event.preventDefault()
    event.currentTarget.setPointerCapture(event.pointerId)
  }
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    if (event.currentTarget.hasPointerCapture(event.pointerId)) onRatio(ratioAt(event.clientX))
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowLeft' ? -0.05 : event.key === 'ArrowRight' ? 0.05 : 0
    if (step === 0) return
    event.preventDefault()
    onRatio(clampSplitRatio(ratio + step))
  }

  return (
    <div ref={rootRef} className={`split-panes split-panes--${layout}`} style={{ gridTemplateColumns: columns.filter(Boolean).join(' ') }}>
      {outline && <div className="split-panes__outline">{outline}</div>}
      <div className="split-panes__editor" ref={editorRef} hidden={layout === 'preview'}>
        {editor}
      </div>
      {isSplit && (
        <div
          className="split-panes__divider"
          role="separator"
          aria-orientation="vertical"
          aria-label={t('view.resizeSplit')}
          aria-valuemin={25}
          aria-valuemax={75}
          aria-valuenow={Math.round(ratio * 100)}
          tabIndex={0}
          data-testid="split-divider"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onKeyDown={onKeyDown}
          onDoubleClick={() => onRatio(DEFAULT_VIEW_PREFERENCES.splitRatio)}
        />
      )}
      {layout !== 'editor' && <div className="split-panes__preview">{preview}</div>}
    </div>
  )
}
