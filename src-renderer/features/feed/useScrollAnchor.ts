import type { Virtualizer } from '@tanstack/react-virtual'
import { useCallback, useLayoutEffect, useRef, type RefObject } from 'react'

/** The card at the top of the view, and how far its top sits from the view's top. */
interface Anchor {
  key: string
  offset: number
}

/**
 * Keeps the reader's place in a virtualized list whose items change under it: after
 * `keys` change (a post added, edited, re-dated or removed), the card that was at
 * the top of the view is put back where it was, so a new post above it never pushes
 * the text being read down. At the very top, new posts simply appear. When `resetKey`
 * changes (another page, filter or order), the list goes back to the top instead.
 * While `isActive` is false (the feed hidden behind the editor) the place is only
 * remembered, and it is restored, anchored the same way, when the list shows again.
 * Call the returned function on every scroll.
 */
export function useScrollAnchor(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  scrollRef: RefObject<HTMLDivElement | null>,
  keys: readonly string[],
  resetKey: string,
  isActive: boolean,
): () => void {
  const anchor = useRef<Anchor | null>(null)
  const savedOffset = useRef(0)
  const lastReset = useRef(resetKey)
  const wasActive = useRef(isActive)

  const record = useCallback(() => {
    const element = scrollRef.current
    if (!element || !wasActive.current) return
    const top = element.scrollTop
    savedOffset.current = top
    if (top < 1) {
      anchor.current = null
      return
    }
    const first = virtualizer.getVirtualItems().find((item) => item.end > top)
    anchor.current = first ? { key: String(first.key), offset: first.start - top } : null
  }, [virtualizer, scrollRef])

  const restore = useCallback(() => {
    const element = scrollRef.current
    if (!element) return
    const held = anchor.current
    const index = held ? keys.indexOf(held.key) : -1
    // Not `measurementsCache`: rows measured for the first time while this render
    // committed have changed the sizes since, and this recomputes with them.
    const start = index === -1 ? undefined : virtualizer.getOffsetForIndex(index, 'start')?.[0]
    const target = held && start !== undefined ? Math.max(0, start - held.offset) : savedOffset.current
    if (Math.abs(target - element.scrollTop) > 0.5) virtualizer.scrollToOffset(target)
  }, [keys, virtualizer, scrollRef])

  useLayoutEffect(() => {
    if (lastReset.current !== resetKey) {
      lastReset.current = resetKey
      anchor.current = null
      savedOffset.current = 0
      if (isActive) virtualizer.scrollToOffset(0)
      return
    }
    if (isActive && anchor.current) restore()
  }, [keys, resetKey, isActive, virtualizer, restore])

  useLayoutEffect(() => {
    if (isActive && !wasActive.current) restore()
    wasActive.current = isActive
  }, [isActive, restore])

  return record
}
