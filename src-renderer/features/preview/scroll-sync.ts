import { BLOCK_CLASS } from './patch-blocks'

/**
 * The element that best shows source line `line` (zero-based): the innermost
 * `data-line-offset` element of the block holding the line that starts at or before
 * it, or the block itself. Null when the preview has no blocks.
 */
export function elementForLine(container: HTMLElement, line: number): HTMLElement | null {
  const blocks = container.children
  let lo = 0
  let hi = blocks.length - 1
  let block: HTMLElement | null = null
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    const candidate = blocks[mid] as HTMLElement
    if (Number(candidate.dataset.sourceLine) <= line) {
      block = candidate
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  block ??= (blocks[0] as HTMLElement | undefined) ?? null
  if (!block) return null
  const offset = line - Number(block.dataset.sourceLine)
  let best: HTMLElement = block
  let bestOffset = -1
  for (const element of Array.from(block.querySelectorAll<HTMLElement>('[data-line-offset]'))) {
    const at = Number(element.dataset.lineOffset)
    if (at <= offset && at >= bestOffset) {
      best = element
      bestOffset = at
    }
  }
  return best
}

/** The source line (zero-based) an element of the preview shows, or null outside any block. */
export function lineOfElement(element: Element): number | null {
  const block = element.closest<HTMLElement>(`.${BLOCK_CLASS}`)
  if (!block) return null
  const inner = element.closest<HTMLElement>('[data-line-offset]')
  const offset = inner && block.contains(inner) ? Number(inner.dataset.lineOffset) : 0
  return Number(block.dataset.sourceLine) + offset
}
