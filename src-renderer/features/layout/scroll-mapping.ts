/** Where one preview block comes from and where it sits in the preview's scrolled content. */
export interface BlockBox {
  /** First source line, zero-based. */
  startLine: number
  /** One past the last source line. */
  endLine: number
  /** Offset of the block's top from the top of the scrolled content, in pixels. */
  top: number
  height: number
}

/**
 * The preview's blocks in document order, read on demand: a long post has
 * thousands of blocks, and the mapping only looks at a logarithmic few of them.
 */
export interface BlockLayout {
  readonly length: number
  box(index: number): BlockBox
}

/** A {@link BlockLayout} over plain boxes (for tests, or boxes measured up front). */
export function boxLayout(boxes: readonly BlockBox[]): BlockLayout {
  return { length: boxes.length, box: (index) => boxes[index] }
}

/** Index of the last block for which `isAtOrBefore` holds (they hold for a prefix), or -1. */
function lastIndexWhere(layout: BlockLayout, isAtOrBefore: (box: BlockBox) => boolean): number {
  let lo = 0
  let hi = layout.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (isAtOrBefore(layout.box(mid))) {
      found = mid
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found
}

function interpolate(from: number, to: number, fromValue: number, toValue: number, at: number): number {
  if (to <= from) return fromValue
  return fromValue + ((at - from) / (to - from)) * (toValue - fromValue)
}

/**
 * Where in the preview a source position shows: `line` is zero-based and may carry
 * a fraction (12.5 is halfway through line 12). Inside a block the offset moves
 * through the block in proportion to its lines; between blocks (blank lines, front
 * matter) it moves through the gap. Null when there are no blocks.
 */
export function previewOffsetForLine(layout: BlockLayout, line: number): number | null {
  if (layout.length === 0) return null
  const index = lastIndexWhere(layout, (box) => box.startLine <= line)
  if (index < 0) {
    const first = layout.box(0)
    return interpolate(0, first.startLine, 0, first.top, Math.max(0, line))
  }
  const box = layout.box(index)
  const bottom = box.top + box.height
  if (line < box.endLine) return interpolate(box.startLine, box.endLine, box.top, bottom, line)
  if (index + 1 >= layout.length) return bottom
  const next = layout.box(index + 1)
  return interpolate(box.endLine, next.startLine, bottom, next.top, line)
}

/**
 * The source position (zero-based line with a fraction) shown at `offset` pixels
 * into the preview's content: the inverse of {@link previewOffsetForLine}.
 * Null when there are no blocks.
 */
export function lineForPreviewOffset(layout: BlockLayout, offset: number): number | null {
  if (layout.length === 0) return null
  const index = lastIndexWhere(layout, (box) => box.top <= offset)
  if (index < 0) {
    const first = layout.box(0)
    return interpolate(0, first.top, 0, first.startLine, Math.max(0, offset))
  }
  const box = layout.box(index)
  const bottom = box.top + box.height
  if (offset < bottom) return interpolate(box.top, bottom, box.startLine, box.endLine, offset)
  if (index + 1 >= layout.length) return box.endLine
  const next = layout.box(index + 1)
  return interpolate(bottom, next.top, box.endLine, next.startLine, offset)
}
