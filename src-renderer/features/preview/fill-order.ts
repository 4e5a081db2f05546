/** How many source lines the first screen of a preview shows at most: the blocks covering them render first. */
export const SCREEN_LINES = 60

/** A range of source lines in view, zero-based, `toLine` exclusive. */
export interface LineWindow {
  fromLine: number
  toLine: number
}

/** Where a block sits in the source, zero-based, `endLine` exclusive. */
export interface LineSpan {
  startLine: number
  endLine: number
}

/** The window of a preview scrolled to its top. */
export const TOP_WINDOW: LineWindow = { fromLine: 0, toLine: SCREEN_LINES }

/** Whether `block` shows any line of `window`. */
export function overlapsWindow(block: LineSpan, window: LineWindow): boolean {
  return block.startLine < window.toLine && block.endLine > window.fromLine
}

/**
 * The order in which to render `blocks` (in document order) so the ones in view
 * come first: the blocks overlapping `window` top to bottom, then the others by
 * their distance in lines from the window, nearer first, the block below winning a
 * tie (reading goes down). Only indices for which `isWanted` holds are listed.
 */
export function fillOrder(blocks: readonly LineSpan[], window: LineWindow, isWanted: (index: number) => boolean = () => true): number[] {
  const order: number[] = []
  // First block that ends after the window starts: the window's first block, or the first one below it.
  let lo = 0
  let hi = blocks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (blocks[mid].endLine <= window.fromLine) lo = mid + 1
    else hi = mid
  }
  let below = lo
  while (below < blocks.length && overlapsWindow(blocks[below], window)) {
    if (isWanted(below)) order.push(below)
    below++
  }
  let above = lo - 1
  while (below < blocks.length || above >= 0) {
    const downDistance = below < blocks.length ? blocks[below].startLine - window.toLine : Infinity
    const upDistance = above >= 0 ? window.fromLine - blocks[above].endLine : Infinity
    const index = downDistance <= upDistance ? below++ : above--
    if (isWanted(index)) order.push(index)
  }
  return order
}
