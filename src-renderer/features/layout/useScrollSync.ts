import type { EditorView } from '@codemirror/view'
import { useCallback, useEffect, useRef } from 'react'
import { editorTopLine, scrollEditorToLine } from './editor-scroll'
import { measurePreviewBlocks } from './preview-scroll'
import { lineForPreviewOffset, previewOffsetForLine } from './scroll-mapping'

/** Which side the person is scrolling; the other side follows it. */
export type ScrollDriver = 'editor' | 'preview'

/** What {@link useScrollSync} needs: the editor, the preview's scrolling element and its block container. */
export interface ScrollSyncTargets {
  view: EditorView | null
  /** The element of the editor pane that receives the person's input (wheel, pointer, keys). */
  editorHost: HTMLElement | null
  previewScroller: HTMLElement | null
  /** The element whose children are the preview's blocks. */
  previewBlocks: HTMLElement | null
  /** False unless both sides are visible (the split layout). */
  isActive: boolean
}

/** Lets the owner re-align the follower after it changed something itself. */
export interface ScrollSyncHandle {
  /** Aligns the follower now (after a render, a layout switch, an outline jump). */
  sync: () => void
  /** Makes `driver` lead, e.g. before scrolling it programmatically. */
  setDriver: (driver: ScrollDriver) => void
}

const INPUT_EVENTS = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const

/**
 * Keeps the editor and the preview scrolled to the same place, both ways. The
 * side the person last used (wheel, pointer, keys) leads; scroll events of the
 * side that follows are ignored, so the two never chase each other. Positions map
 * through the preview blocks' source lines, interpolated within a block and within
 * the gap between blocks, so tall formulas and images stay aligned. At most one
 * alignment per animation frame.
 */
export function useScrollSync(targets: ScrollSyncTargets): ScrollSyncHandle {
  const driver = useRef<ScrollDriver>('editor')
  const frame = useRef(0)
  const latest = useRef(targets)
  useEffect(() => {
    latest.current = targets
  })

  const align = useCallback(() => {
    frame.current = 0
    const { view, previewScroller, previewBlocks, isActive } = latest.current
    if (!isActive || !view || !previewScroller || !previewBlocks) return
    const layout = measurePreviewBlocks(previewScroller, previewBlocks)
    if (driver.current === 'editor') {
      const offset = previewOffsetForLine(layout, editorTopLine(view))
      if (offset !== null && Math.abs(previewScroller.scrollTop - offset) > 1) previewScroller.scrollTop = offset
    } else {
      const line = lineForPreviewOffset(layout, previewScroller.scrollTop)
      if (line !== null) scrollEditorToLine(view, line)
    }
  }, [])

  const sync = useCallback(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(align)
  }, [align])

  const setDriver = useCallback((next: ScrollDriver) => {
    driver.current = next
  }, [])

  const { view, editorHost, previewScroller, isActive } = targets
  useEffect(() => {
    if (!isActive || !view || !editorHost || !previewScroller) return
    const editorInput = () => setDriver('editor')
    const previewInput = () => setDriver('preview')
    const onEditorScroll = () => driver.current === 'editor' && sync()
    const onPreviewScroll = () => driver.current === 'preview' && sync()
    for (const name of INPUT_EVENTS) {
      editorHost.addEventListener(name, editorInput, { passive: true, capture: true })
      previewScroller.addEventListener(name, previewInput, { passive: true, capture: true })
    }
    view.scrollDOM.addEventListener('scroll', onEditorScroll, { passive: true })
    previewScroller.addEventListener('scroll', onPreviewScroll, { passive: true })
    sync()
    return () => {
      for (const name of INPUT_EVENTS) {
        editorHost.removeEventListener(name, editorInput, { capture: true })
        previewScroller.removeEventListener(name, previewInput, { capture: true })
      }
      view.scrollDOM.removeEventListener('scroll', onEditorScroll)
      previewScroller.removeEventListener('scroll', onPreviewScroll)
      cancelAnimationFrame(frame.current)
      frame.current = 0
    }
  }, [view, editorHost, previewScroller, isActive, sync, setDriver])

  return { sync, setDriver }
}
