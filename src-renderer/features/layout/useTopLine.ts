import type { EditorView } from '@codemirror/view'
import { useEffect, useState } from 'react'
import { editorTopLine } from './editor-scroll'
import { measurePreviewBlocks } from './preview-scroll'
import { lineForPreviewOffset } from './scroll-mapping'

const READING_OFFSET = 48

/** Where to read the position from: the editor, or the preview when only it is shown. */
export interface TopLineSource {
  view: EditorView | null
  previewScroller: HTMLElement | null
  previewBlocks: HTMLElement | null
  isPreviewOnly: boolean
  /** False stops listening (e.g. while the outline is hidden). */
  isEnabled: boolean
}

/**
 * The zero-based source line at the top of what the person is reading (a little
 * below the top edge): the editor's, or the preview's in the preview-only layout.
 * Updated at most once per frame while scrolling, and only when it changes.
 */
export function useTopLine({ view, previewScroller, previewBlocks, isPreviewOnly, isEnabled }: TopLineSource): number {
  const [line, setLine] = useState(0)

  useEffect(() => {
    const target = isPreviewOnly ? previewScroller : view?.scrollDOM
    if (!isEnabled || !target) return
    let frame = 0
    const read = () => {
      frame = 0
      let top: number | null = null
      // A heading just below the top edge is the one being read.
      if (!isPreviewOnly && view) top = editorTopLine(view, READING_OFFSET)
      else if (previewScroller && previewBlocks) top = lineForPreviewOffset(measurePreviewBlocks(previewScroller, previewBlocks), previewScroller.scrollTop + READING_OFFSET)
      if (top !== null) setLine(Math.floor(top))
    }
    const onScroll = () => {
      if (frame === 0) frame = requestAnimationFrame(read)
    }
    target.addEventListener('scroll', onScroll, { passive: true })
    onScroll()
    return () => {
      target.removeEventListener('scroll', onScroll)
      cancelAnimationFrame(frame)
    }
  }, [view, previewScroller, previewBlocks, isPreviewOnly, isEnabled])

  return line
}
