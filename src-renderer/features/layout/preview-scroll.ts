import type { BlockBox, BlockLayout } from './scroll-mapping'

/**
 * The layout of the preview's blocks inside `scroller`, read lazily: `container`
 * holds groups of blocks (see patch-blocks.ts), each carrying
 * `data-source-line`/`data-source-end-line`. A group the browser skips because it
 * is far from view (`content-visibility: auto`) is not laid out, and reading its
 * blocks' boxes would force that; its blocks get equal shares of the group's box
 * instead, which is where the browser has placed them for now.
 */
export function measurePreviewBlocks(scroller: HTMLElement, container: HTMLElement): BlockLayout {
  const chunks = Array.from(container.children) as HTMLElement[]
  const starts: number[] = []
  let length = 0
  for (const chunk of chunks) {
    starts.push(length)
    length += chunk.childElementCount
  }
  const base = scroller.getBoundingClientRect().top - scroller.scrollTop
  const measured = new Map<number, BlockBox>()
  const chunkBoxes = new Map<number, { top: number; height: number; isSkipped: boolean }>()

  const chunkBox = (index: number) => {
    let box = chunkBoxes.get(index)
    if (!box) {
      const chunk = chunks[index]
      const rect = chunk.getBoundingClientRect()
      const first = chunk.firstElementChild
      const isSkipped = first !== null && typeof first.checkVisibility === 'function' && !first.checkVisibility({ contentVisibilityAuto: true })
      box = { top: rect.top - base, height: rect.height, isSkipped }
      chunkBoxes.set(index, box)
    }
    return box
  }

  return {
    length,
    box(index) {
      let box = measured.get(index)
      if (box) return box
      let lo = 0
      let hi = chunks.length - 1
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (starts[mid] <= index) lo = mid
        else hi = mid - 1
      }
      const chunk = chunks[lo]
      const element = chunk.children[index - starts[lo]] as HTMLElement
      const lines = { startLine: Number(element.dataset.sourceLine), endLine: Number(element.dataset.sourceEndLine) }
      const group = chunkBox(lo)
      if (group.isSkipped) {
        const share = group.height / chunk.childElementCount
        box = { ...lines, top: group.top + (index - starts[lo]) * share, height: share }
      } else {
        const rect = element.getBoundingClientRect()
        box = { ...lines, top: rect.top - base, height: rect.height }
      }
      measured.set(index, box)
      return box
    },
  }
}
