import { useCallback, useEffect, useRef, type RefObject } from 'react'
import type { EditorIntegration, RevealedPlace } from '../links/editor-integration'
import { BLOCK_CLASS, PLACEHOLDER_CLASS } from './patch-blocks'

/** Room left above a revealed heading, in pixels. */
const HEADING_MARGIN = 12
const HEADING = /^H[1-6]$/
const INPUT_EVENTS = ['wheel', 'pointerdown', 'keydown', 'touchstart'] as const

/**
 * Scrolls the preview along when the app reveals a place in the editor
 * (`integration.onRevealed`): a heading a link named goes to the top of
 * `scroller`, the top of a post (a missing heading) to the top. A heading whose
 * block is not rendered yet (the post is still opening, or filling in) waits for
 * the render that brings it, the preview scrolled to its placeholder meanwhile (so
 * it is rendered next): call the returned function after each render or fill with
 * the blocks' container. Scrolling or clicking the preview cancels a waiting heading.
 */
export function usePreviewReveal(integration: EditorIntegration | null, scroller: RefObject<HTMLElement | null>): (blocks: HTMLElement) => void {
  const pending = useRef<RevealedPlace | null>(null)
  const shown = useRef<HTMLElement | null>(null)

  const apply = useCallback(() => {
    const place = pending.current
    const element = scroller.current
    const blocks = shown.current
    if (!place || !element || !blocks) return
    if (!place.isHeading) {
      if (place.line === 0) element.scrollTop = 0
      pending.current = null
      return
    }
    const block = blocks.querySelector<HTMLElement>(`.${BLOCK_CLASS}[data-source-line="${place.line}"]`)
    if (!block) return
    const isPlaceholder = block.classList.contains(PLACEHOLDER_CLASS)
    if (!isPlaceholder && !HEADING.test(block.firstElementChild?.tagName ?? '')) return
    element.scrollTop += block.getBoundingClientRect().top - element.getBoundingClientRect().top - HEADING_MARGIN
    if (!isPlaceholder) pending.current = null
  }, [scroller])

  useEffect(() => {
    if (!integration) return
    return integration.onRevealed((place) => {
      pending.current = place
      apply()
    })
  }, [integration, apply])

  useEffect(() => {
    const element = scroller.current
    if (!element) return
    const cancel = () => {
      pending.current = null
    }
    for (const name of INPUT_EVENTS) element.addEventListener(name, cancel, { passive: true, capture: true })
    return () => {
      for (const name of INPUT_EVENTS) element.removeEventListener(name, cancel, { capture: true })
    }
  }, [scroller])

  return useCallback(
    (blocks: HTMLElement) => {
      shown.current = blocks
      apply()
    },
    [apply],
  )
}
