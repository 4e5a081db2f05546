import { describe, expect, it } from 'vitest'
import { groupBacklinks } from '../../src-renderer/features/links/group-backlinks'
import type { Backlink } from '../../src-shared/search/link-types'

const link = (sourcePath: string, line: number, column = 0): Backlink => ({
  sourcePath, sourceTitle: sourcePath.toUpperCase(), kind: 'wiki', line, column, context: `line ${line}`, contextRange: [0, 4],
})

describe('groupBacklinks', () => {
  it('groups by source post in order of first appearance, links by position', () => {
    const groups = groupBacklinks([link('b.md', 9), link('a.md', 3), link('b.md', 2, 5), link('b.md', 2, 1)])
    expect(groups.map((group) => group.sourcePath)).toEqual(['b.md', 'a.md'])
    expect(groups[0].links.map((l) => [l.line, l.column])).toEqual([[2, 1], [2, 5], [9, 0]])
    expect(groups[0].sourceTitle).toBe('B.MD')
  })

  it('gives no groups for no backlinks', () => {
    expect(groupBacklinks([])).toEqual([])
  })
})
