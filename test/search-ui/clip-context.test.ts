import { describe, expect, it } from 'vitest'
import { clipContext } from '../../src-renderer/features/links/clip-context'
import type { TextRange } from '../../src-shared/search/search-types'

/** `text` with every `[[…]]` and `[…](…)` link as a range. */
function withLinks(text: string): [string, TextRange[]] {
  return [text, [...text.matchAll(/\[\[[^\]]*\]\]|\[[^\]]*\]\([^)]*\)/g)].map((match): TextRange => [match.index, match.index + match[0].length])]
}

const marked = ({ text, ranges }: { text: string; ranges: TextRange[] }) => ranges.map(([from, to]) => text.slice(from, to))

describe('clipContext', () => {
  it.each([
    ['leaves a link near the start alone', 'See [[A]] here', 'See [[A]] here'],
    ['leaves nearby links alone', 'Heading: [[A#x]]. Alias: [[A#y|the y]]. Relative: [r](a.md#z).', 'Heading: [[A#x]]. Alias: [[A#y|the y]]. Relative: [r](a.md#z).'],
    ['cuts a long English lead-in between words', `${'Some words come first and '.repeat(4)}then [[A]] shows.`, '…and Some words come first and then [[A]] shows.'],
    ['cuts a long Chinese lead-in by half as many characters', `${'很长的上下文'.repeat(10)}见 [[KL 散度]]。`, '…的上下文很长的上下文很长的上下文见 [[KL 散度]]。'],
    ['leaves out the middle between English links far apart, between words', `See [[A]] and then ${'a lot of unrelated words '.repeat(4)}before [[B]] ends it.`, 'See [[A]] and then a … before [[B]] ends it.'],
    ['leaves out the middle between Chinese links far apart, with a bare ellipsis', `参见[[甲]]以及后面${'一段很长而且无关的文字'.repeat(3)}之后的[[乙]]。`, '参见[[甲]]以及后面一段…的文字之后的[[乙]]。'],
    ['does both for a line of mixed scripts', `${'前言很长'.repeat(12)}见 [[Diffusion]]，${'然后是 some text '.repeat(4)}再见 [[扩散模型]]。`, '…前言很长前言很长前言很长前言很长见 [[Diffusion]]，然后是 … text 再见 [[扩散模型]]。'],
  ])('%s', (_name, line, expected) => {
    const [text, ranges] = withLinks(line)
    const clipped = clipContext(text, ranges)
    expect(clipped.text).toBe(expected)
    expect(marked(clipped)).toEqual(marked({ text, ranges }))
  })

  it('takes its budgets in columns, a Chinese character counting two', () => {
    const text = `${'很长的上下文'.repeat(20)}见 [[KL 散度]]。`
    const start = text.indexOf('[[')
    const clipped = clipContext(text, [[start, start + 9]], { lead: 10 })
    expect(clipped.text.startsWith('…')).toBe(true)
    expect(clipped.text.slice(clipped.ranges[0][0], clipped.ranges[0][1])).toBe('[[KL 散度]]')
    expect(clipped.ranges[0][0]).toBe(6)
  })

  it('never splits a surrogate pair', () => {
    const text = `${'𝛼'.repeat(30)}[[x]]${'𝛽'.repeat(30)}[[y]]`
    const clipped = clipContext(text, withLinks(text)[1], { lead: 5, maxGap: 8, keep: 3 })
    expect(clipped.text).toBe(`…${'𝛼'.repeat(5)}[[x]]${'𝛽'.repeat(3)} … ${'𝛽'.repeat(3)}[[y]]`)
  })

  it('moves the ranges in the order given', () => {
    const [text, ranges] = withLinks(`[[A]] ${'x'.repeat(80)} [[B]]`)
    const clipped = clipContext(text, [ranges[1], ranges[0]])
    expect(marked(clipped)).toEqual(['[[B]]', '[[A]]'])
  })

  it('gives the text unchanged for no ranges', () => {
    expect(clipContext('plain', [])).toEqual({ text: 'plain', ranges: [] })
  })
})
