import { describe, expect, it } from 'vitest'
import { highlightSegments } from '../../src-renderer/features/search/highlight-segments'
import type { TextRange } from '../../src-shared/search/search-types'

const render = (text: string, ranges: TextRange[]) => highlightSegments(text, ranges).map((s) => (s.isMatch ? `[${s.text}]` : s.text)).join('')

describe('highlightSegments', () => {
  it.each<[string, string, TextRange[], string]>([
    ['no ranges', '扩散模型', [], '扩散模型'],
    ['a Chinese match in the middle', '扩散模型的前向过程', [[2, 4]], '扩散[模型]的前向过程'],
    ['matches at both ends', 'score matching', [[0, 5], [9, 14]], '[score] mat[ching]'],
    ['unsorted ranges', 'abcdef', [[4, 5], [0, 1]], '[a]bcd[e]f'],
    ['overlapping ranges merge', 'abcdef', [[1, 3], [2, 5]], 'a[bcde]f'],
    ['touching ranges merge', 'abcdef', [[1, 2], [2, 3]], 'a[bc]def'],
    ['ranges past the end are clamped', 'abc', [[1, 99]], 'a[bc]'],
    ['empty and negative ranges are dropped', 'abc', [[1, 1], [-5, 0]], 'abc'],
    ['a formula token', 'let $\\alpha$ be', [[5, 11]], 'let $[\\alpha]$ be'],
  ])('%s', (_name, text, ranges, expected) => {
    expect(render(text, ranges)).toBe(expected)
  })

  it('always returns at least one segment, so empty text still renders', () => {
    expect(highlightSegments('', [])).toEqual([{ text: '', isMatch: false }])
  })

  it('keeps the text whole: the segments join back to it', () => {
    const text = 'Gumbel-softmax 的温度 τ 与 重参数化'
    const joined = highlightSegments(text, [[0, 6], [15, 17], [20, 24]]).map((s) => s.text).join('')
    expect(joined).toBe(text)
  })
})
