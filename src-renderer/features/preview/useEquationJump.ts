import { useCallback, useEffect, useRef, type RefObject } from 'react'
import { SCREEN_LINES, type LineWindow } from './fill-order'
import { PLACEHOLDER_CLASS } from './patch-blocks'

const INPUT_EVENTS = ['wheel', 'keydown', 'touchstart'] as const

/** What {@link useEquationJump} returns. */
export interface EquationJump {
  /** Scrolls to the equation labelled `label`; false when no block has that label. */
  jump: (label: string) => boolean
  /** Call after every render or fill: finishes a jump to an equation that was a placeholder. */
  afterRender: () => void
}

/**
 * Scrolls the preview to an equation by its `\label` (an `\eqref` click). An
 * equation not rendered yet is a placeholder carrying its labels: the jump goes to
 * the placeholder, asks for its lines to be rendered next (`onFocus`), and lands on
 * the rendered equation when it arrives, unless the person scrolled or typed in the
 * meantime.
 */
export function useEquationJump(root: RefObject<HTMLElement | null>, onFocus: (window: LineWindow) => void): EquationJump {
  const waiting = useRef<string | null>(null)

  const find = useCallback(
    (label: string) =>
      Array.from(root.current?.querySelectorAll<HTMLElement>('[data-eq-labels]') ?? []).find((element) =>
        (element.dataset.eqLabels ?? '').split(' ').includes(label),
      ),
    [root],
  )

  const jump = useCallback(
    (label: string) => {
      const target = find(label)
      if (!target) return false
      if (!target.classList.contains(PLACEHOLDER_CLASS)) {
        waiting.current = null
        target.scrollIntoView({ block: 'center', behavior: 'smooth' })
        return true
      }
      waiting.current = label
      target.scrollIntoView({ block: 'center' })
      const line = Number(target.dataset.sourceLine)
      onFocus({ fromLine: Math.max(0, line - SCREEN_LINES / 2), toLine: line + SCREEN_LINES / 2 })
      return true
    },
    [find, onFocus],
  )

  const afterRender = useCallback(() => {
    const label = waiting.current
    if (label === null) return
    const target = find(label)
    if (!target) {
      waiting.current = null
      return
    }
    if (target.classList.contains(PLACEHOLDER_CLASS)) return
    waiting.current = null
    target.scrollIntoView({ block: 'center' })
  }, [find])

  useEffect(() => {
    const element = root.current
    if (!element) return
    const cancel = () => {
      waiting.current = null
    }
    for (const name of INPUT_EVENTS) element.ownerDocument.addEventListener(name, cancel, { passive: true, capture: true })
    return () => {
      for (const name of INPUT_EVENTS) element.ownerDocument.removeEventListener(name, cancel, { capture: true })
    }
  }, [root])

  return { jump, afterRender }
}
