import { describe, expect, it } from 'vitest'
import { diffLines, diffRows, diffStats, unfold } from '../../src-renderer/features/history/diff-rows'
import type { DiffPart } from '../../src-shared/model/history'

const lines = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `line ${from + i}\n`).join('')
const part = (type: DiffPart['type'], text: string): DiffPart => ({ type, text, lineCount: text.split('\n').length - (text.endsWith('\n') ? 1 : 0) })

describe('diffRows', () => {
  it('numbers lines in the old and the new text', () => {
    const rows = diffLines([part('same', 'a\n'), part('removed', 'b\n'), part('added', 'B\nB2\n'), part('same', 'c')])
    expect(rows).toEqual([
      { type: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { type: 'removed', text: 'b', oldLine: 2, newLine: null },
      { type: 'added', text: 'B', oldLine: null, newLine: 2 },
      { type: 'added', text: 'B2', oldLine: null, newLine: 3 },
      { type: 'same', text: 'c', oldLine: 3, newLine: 4 },
    ])
  })

  it('folds long unchanged runs and keeps context around changes', () => {
    const parts = [part('same', lines(1, 10)), part('added', 'new\n'), part('same', lines(11, 20))]
    const rows = diffRows(parts, 2)
    expect(rows[0]).toEqual({ type: 'fold', count: 8, oldLine: 1 })
    expect(rows.slice(1, 6).map((row) => (row.type === 'fold' ? 'fold' : row.text))).toEqual(['line 9', 'line 10', 'new', 'line 11', 'line 12'])
    expect(rows[6]).toEqual({ type: 'fold', count: 8, oldLine: 13 })
    expect(unfold(parts, rows[6] as { type: 'fold'; count: number; oldLine: number }).map((line) => line.text)).toEqual(
      Array.from({ length: 8 }, (_, i) => `line ${13 + i}`),
    )
  })

  it('shows short unchanged runs instead of folding them', () => {
    const rows = diffRows([part('removed', 'x\n'), part('same', lines(1, 8)), part('added', 'y\n')], 3, 4)
    expect(rows.every((row) => row.type !== 'fold')).toBe(true)
    expect(rows).toHaveLength(10)
  })

  it('folds everything when nothing changed, and counts changes', () => {
    expect(diffRows([part('same', lines(1, 6))])).toEqual([{ type: 'fold', count: 6, oldLine: 1 }])
    expect(diffStats([part('removed', 'a\nb\n'), part('added', 'c\n'), part('same', 'd\n')])).toEqual({ added: 1, removed: 2 })
  })
})
