import { describe, expect, it } from 'vitest'
import { groupBacklinks } from '../../src-renderer/features/links/group-backlinks'
import type { Backlink } from '../../src-shared/search/link-types'

const link = (sourcePath: string, line: number, column = 0): Backlink => ({
  sourcePath, sourceTitle: sourcePath.toUpperCase(), kind: 'wiki', line, column, context: `line ${line}`, contextRange: [0, 4], isCutBefore: false, isCutAfter: false,
})

/** The backlink to `target` in `line` (the whole line as its context), as main reports it. */
const linkIn = (line: string, target: string, lineNumber = 6): Backlink => {
  const column = line.indexOf(target)
  return { sourcePath: 'index.md', sourceTitle: 'Index', kind: 'wiki', line: lineNumber, column, context: line, contextRange: [column, column + target.length], isCutBefore: false, isCutAfter: false }
}

const marked = (text: string, ranges: readonly [number, number][]) => ranges.map(([from, to]) => text.slice(from, to))

describe('groupBacklinks', () => {
  it('groups by source post in order of first appearance, lines in order', () => {
    const groups = groupBacklinks([link('b.md', 9), link('a.md', 3), link('b.md', 2, 5), link('b.md', 4, 1)])
    expect(groups.map((group) => group.sourcePath)).toEqual(['b.md', 'a.md'])
    expect(groups[0].lines.map((entry) => entry.line)).toEqual([2, 4, 9])
    expect(groups[0].sourceTitle).toBe('B.MD')
  })

  it('gives no groups for no backlinks', () => {
    expect(groupBacklinks([])).toEqual([])
  })

  it('makes a line holding several links one entry, links by column, all marked', () => {
    const line = 'Heading: [[A#x]]. Alias: [[A#y|the y]]. Relative: [r](a.md#z).'
    const links = ['[r](a.md#z)', '[[A#x]]', '[[A#y|the y]]'].map((target) => linkIn(line, target))
    const [group] = groupBacklinks(links)
    expect(group.lines).toHaveLength(1)
    const [entry] = group.lines
    expect(entry.links.map((l) => l.column)).toEqual([9, 25, 50])
    expect(entry.context).toBe(line)
    expect(marked(entry.context, entry.ranges)).toEqual(['[[A#x]]', '[[A#y|the y]]', '[r](a.md#z)'])
  })

  it('keeps links on different lines of a post apart', () => {
    const first = linkIn('See [[A]].', '[[A]]', 3)
    const second = linkIn('And [[A]] again.', '[[A]]', 8)
    expect(groupBacklinks([second, first])[0].lines.map((entry) => [entry.line, entry.context])).toEqual([[3, 'See [[A]].'], [8, 'And [[A]] again.']])
  })
})
