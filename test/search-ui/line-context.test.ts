import { describe, expect, it } from 'vitest'
import { mergeLineContext } from '../../src-renderer/features/links/line-context'
import type { Backlink } from '../../src-shared/search/link-types'

/**
 * The backlink to `target` in `line`, with the window of context main keeps: up to
 * `radius` characters either side of the link, trimmed.
 */
function linkIn(line: string, target: string, radius = 80): Backlink {
  const column = line.indexOf(target)
  const from = Math.max(0, column - radius)
  const raw = line.slice(from, Math.min(line.length, column + target.length + radius))
  const context = raw.trimStart()
  const start = column - from - (raw.length - context.length)
  const to = Math.min(line.length, column + target.length + radius)
  return {
    sourcePath: 'a.md', sourceTitle: 'A', kind: 'wiki', line: 1, column, context: context.trimEnd(), contextRange: [start, start + target.length],
    isCutBefore: line.slice(0, from).trim() !== '', isCutAfter: line.slice(to).trim() !== '',
  }
}

describe('mergeLineContext', () => {
  it.each([
    ['one link keeps its own context', 'See [[A]] here.', ['[[A]]'], 80, 'See [[A]] here.'],
    ['overlapping windows give the line once', 'Heading: [[A#x]]. Alias: [[A#y|y]]. Relative: [r](a.md).', ['[[A#x]]', '[[A#y|y]]', '[r](a.md)'], 80, 'Heading: [[A#x]]. Alias: [[A#y|y]]. Relative: [r](a.md).'],
    ['Chinese windows overlap the same way', '见 [[扩散模型#前向过程]]，以及 [[扩散模型#损失|损失]]。', ['[[扩散模型#前向过程]]', '[[扩散模型#损失|损失]]'], 80, '见 [[扩散模型#前向过程]]，以及 [[扩散模型#损失|损失]]。'],
    ['disjoint English windows are joined with a spaced ellipsis', `[[A]] first ${'filler words '.repeat(3)}last [[B]]`, ['[[A]]', '[[B]]'], 8, '[[A]] first f … ds last [[B]]'],
    ['disjoint Chinese windows are joined with a bare ellipsis', `[[甲]]之后是很长的一段${'中文'.repeat(10)}最后是[[乙]]`, ['[[甲]]', '[[乙]]'], 3, '[[甲]]之后是…最后是[[乙]]'],
  ])('%s', (_name, line, targets, radius, expected) => {
    const merged = mergeLineContext(targets.map((target) => linkIn(line, target, radius)))
    expect(merged.text).toBe(expected)
    expect(merged.ranges.map(([from, to]) => merged.text.slice(from, to))).toEqual(targets)
  })

  it.each([
    ['cut after', '[[A]] then jump down](#far-section) and more', ['[[A]]'], 20, '[[A]] then jump down](#fa…'],
    ['cut before', 'a long lead-in before the link [[A]]', ['[[A]]'], 10, '…the link [[A]]'],
    ['cut on both sides, two links', `lead ${'x'.repeat(20)} [[A]] mid [[B]] ${'y'.repeat(20)} tail`, ['[[A]]', '[[B]]'], 6, '…xxxxx [[A]] mid [[B]] yyyyy…'],
    ['not cut where only spaces were left out', '   [[A]]   ', ['[[A]]'], 1, '[[A]]'],
  ])('marks where main cut the line with an ellipsis: %s', (_name, line, targets, radius, expected) => {
    const merged = mergeLineContext(targets.map((target) => linkIn(line, target, radius)))
    expect(merged.text).toBe(expected)
    expect(merged.ranges.map(([from, to]) => merged.text.slice(from, to))).toEqual(targets)
  })

  it('gives the ranges in the order of the links given, whatever their columns', () => {
    const line = 'x [[A]] y [[B]] z'
    const merged = mergeLineContext([linkIn(line, '[[B]]'), linkIn(line, '[[A]]')])
    expect(merged.ranges).toEqual([[10, 15], [2, 7]])
  })
})
