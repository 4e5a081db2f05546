import { describe, expect, it } from 'vitest'
import { boxLayout, lineForPreviewOffset, previewOffsetForLine, type BlockBox } from '../../src-renderer/features/layout/scroll-mapping'

// A heading (lines 4–4), a paragraph (6–8), a tall formula (10–14) and an image (16–16).
const boxes: BlockBox[] = [
  { startLine: 4, endLine: 5, top: 24, height: 40 },
  { startLine: 6, endLine: 9, top: 80, height: 90 },
  { startLine: 10, endLine: 15, top: 186, height: 400 },
  { startLine: 16, endLine: 17, top: 600, height: 300 },
]
const layout = boxLayout(boxes)

describe('previewOffsetForLine', () => {
  it.each([
    ['the first line of a block', 6, 80],
    ['the middle of a tall formula', 12.5, 186 + 200],
    ['the start of an image', 16, 600],
    ['a blank line between blocks', 9.5, 170 + 8],
    ['front matter above every block', 2, 12],
    ['past the last block', 40, 900],
  ])('maps %s', (_name, line, offset) => {
    expect(previewOffsetForLine(layout, line)).toBeCloseTo(offset)
  })

  it('has nothing to map to in an empty preview', () => {
    expect(previewOffsetForLine(boxLayout([]), 3)).toBeNull()
    expect(lineForPreviewOffset(boxLayout([]), 3)).toBeNull()
  })
})

describe('lineForPreviewOffset', () => {
  it.each([
    ['the top of the content', 0, 0],
    ['the top of a block', 80, 6],
    ['inside a tall formula', 386, 12.5],
    ['the gap after a block', 178, 9.5],
    ['below the last block', 5000, 17],
  ])('maps %s', (_name, offset, line) => {
    expect(lineForPreviewOffset(layout, offset)).toBeCloseTo(line)
  })

  it('inverts previewOffsetForLine inside blocks and gaps', () => {
    for (let line = 4; line < 17; line += 0.25) {
      const offset = previewOffsetForLine(layout, line) as number
      expect(lineForPreviewOffset(layout, offset)).toBeCloseTo(line)
    }
  })

  it('looks at only a logarithmic number of blocks', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ startLine: i * 2, endLine: i * 2 + 1, top: i * 30, height: 20 }))
    let reads = 0
    const counting = { length: many.length, box: (index: number) => (reads++, many[index]) }
    expect(lineForPreviewOffset(counting, 30 * 70_000 + 10)).toBeCloseTo(140_000.5)
    expect(reads).toBeLessThan(60)
  })
})
