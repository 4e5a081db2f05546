import { describe, expect, it } from 'vitest'
import { buildFacets } from '../../src-renderer/features/feed/feed-facets'
import { localIso, summary } from './summaries'

describe('buildFacets', () => {
  const facets = buildFacets([
    summary('a.md', { date: localIso(2024, 3, 1), categories: [['数学', '概率论'], ['数学', '线性代数']], tags: ['x', 'y'] }),
    summary('ml/b.md', { date: localIso(2024, 3, 9), categories: [['机器学习']], tags: ['x'] }),
    summary('ml/deep/c.md', { date: localIso(2023, 12, 31), categories: [['数学']], tags: ['x'] }),
  ])

  it('builds the category tree, counting a post once per node', () => {
    expect(facets.categories.map((c) => [c.name, c.count])).toEqual([['数学', 2], ['机器学习', 1]])
    expect(facets.categories[0].children.map((c) => [c.path.join('/'), c.count])).toEqual([['数学/概率论', 1], ['数学/线性代数', 1]])
  })

  it('counts tags, most used first', () => {
    expect(facets.tags).toEqual([{ name: 'x', count: 3 }, { name: 'y', count: 1 }])
  })

  it('builds the folder tree and counts top-level posts apart', () => {
    expect(facets.rootCount).toBe(1)
    expect(facets.folders).toEqual([
      { name: 'ml', path: 'ml', count: 2, children: [{ name: 'deep', path: 'ml/deep', count: 1, children: [] }] },
    ])
  })

  it('builds the archive by year and month, newest first', () => {
    expect(facets.archive).toEqual([
      { year: 2024, count: 2, months: [{ month: 3, count: 2 }] },
      { year: 2023, count: 1, months: [{ month: 12, count: 1 }] },
    ])
  })
})
