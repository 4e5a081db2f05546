import { useEffect, type RefObject } from 'react'
import { measurePreviewBlocks } from '../layout/preview-scroll'
import { lineForPreviewOffset } from '../layout/scroll-mapping'
import type { LineWindow } from './fill-order'

/**
 * While the preview still has placeholders (`isFilling`), reports the source lines
 * in view whenever whatever scrolls the preview moves (the person, scroll sync, a
 * jump), at most once per frame, so the blocks there are rendered next. The
 * scrolling element is found from the scroll event (any ancestor of `blocks`).
 */
export function useFillFocus(blocks: RefObject<HTMLElement | null>, isFilling: boolean, onFocus: (window: LineWindow) => void): void {
  useEffect(() => {
    const container = blocks.current
    if (!isFilling || !container) return
    const document = container.ownerDocument
    let frame = 0
    let scroller: HTMLElement | null = null
    const report = () => {
      frame = 0
      if (!scroller || !scroller.isConnected) return
      const layout = measurePreviewBlocks(scroller, container)
      const from = lineForPreviewOffset(layout, scroller.scrollTop)
      const to = lineForPreviewOffset(layout, scroller.scrollTop + scroller.clientHeight)
      if (from !== null && to !== null) onFocus({ fromLine: Math.floor(from), toLine: Math.ceil(to) + 1 })
    }
    // Scroll events do not bubble, but they can be caught on the way down.
    const onScroll = (event: Event) => {
      const target = event.target
      if (!(target instanceof HTMLElement) || !target.contains(container)) return
      scroller = target
      if (frame === 0) frame = requestAnimationFrame(report)
    }
    document.addEventListener('scroll', onScroll, { capture: true, passive: true })
    return () => {
      document.removeEventListener('scroll', onScroll, { capture: true })
      cancelAnimationFrame(frame)
    }
  }, [blocks, isFilling, onFocus])
}
