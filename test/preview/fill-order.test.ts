import { describe, expect, it } from 'vitest'
import { estimateRows } from '../../src-renderer/features/preview/estimate-rows'
import { fillOrder, overlapsWindow } from '../../src-renderer/features/preview/fill-order'

/** Blocks of two lines each with a blank line between: block i spans lines 3i…3i+2. */
const spans = (n: number) => Array.from({ length: n }, (_, i) => ({ startLine: i * 3, endLine: i * 3 + 2 }))

describe('fillOrder', () => {
  it('puts the blocks in view first, top to bottom, then the rest outward, below first on a tie', () => {
    // Lines 9…13 show blocks 3 (9–10) and 4 (12–13); blocks 5 and 2 are one line away, 6 and 1 four.
    expect(fillOrder(spans(10), { fromLine: 9, toLine: 14 })).toEqual([3, 4, 5, 2, 6, 1, 7, 0, 8, 9])
  })

  it('starts at the top for a window at the top, and lists every block once', () => {
    const order = fillOrder(spans(50), { fromLine: 0, toLine: 7 })
    expect(order.slice(0, 4)).toEqual([0, 1, 2, 3])
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i))
  })

  it('goes upward from a window past the last block', () => {
    expect(fillOrder(spans(4), { fromLine: 100, toLine: 160 })).toEqual([3, 2, 1, 0])
  })

  it('leaves out blocks that are not wanted', () => {
    expect(fillOrder(spans(6), { fromLine: 0, toLine: 4 }, (index) => index % 2 === 0)).toEqual([0, 2, 4])
  })

  it('counts a block as in view when any of its lines is', () => {
    expect(overlapsWindow({ startLine: 5, endLine: 8 }, { fromLine: 7, toLine: 20 })).toBe(true)
    expect(overlapsWindow({ startLine: 5, endLine: 8 }, { fromLine: 8, toLine: 20 })).toBe(false)
    expect(overlapsWindow({ startLine: 20, endLine: 21 }, { fromLine: 8, toLine: 20 })).toBe(false)
  })
})

describe('estimateRows', () => {
  it.each([
    ['one short line', 'A short paragraph.', 1],
    ['a long Latin line wraps', 'word '.repeat(40), 3],
    ['CJK characters are twice as wide', '扩散模型逐步加噪'.repeat(10), 3],
    ['blank lines take no room', 'a\n\n\nb', 2],
    ['code lines never wrap', '```ts\n' + `${'x'.repeat(300)}\n`.repeat(3) + '```', 5],
    ['an empty block still takes a row', '', 1],
  ])('%s', (_name, text, rows) => {
    expect(estimateRows(text)).toBe(rows)
  })
})
