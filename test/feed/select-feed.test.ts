import { describe, expect, it } from 'vitest'
import { EMPTY_FILTER, matchesFilter, postFolder, type FeedFilter } from '../../src-renderer/features/feed/feed-filter'
import { selectFeed } from '../../src-renderer/features/feed/select-feed'
import { newPostTarget } from '../../src-renderer/features/feed/new-post-target'
import { localIso, summary } from './summaries'

const posts = [
  summary('a.md', { date: localIso(2024, 3, 1), updated: localIso(2025, 1, 1), categories: [['数学', '概率论']], tags: ['gumbel'] }),
  summary('ml/b.md', { date: localIso(2024, 5, 1), updated: localIso(2024, 5, 2), categories: [['机器学习']], tags: ['gumbel', 'vae'] }),
  summary('ml/deep/c.md', { date: localIso(2023, 12, 31), updated: localIso(2023, 12, 31), categories: [['数学']], isDraft: true }),
  summary('mlx/d.md', { date: localIso(2024, 5, 1), updated: localIso(2024, 6, 1) }),
]
const paths = (filter: Partial<FeedFilter>, drafts: 'show' | 'hide' = 'show', sort: 'date' | 'updated' = 'date') =>
  selectFeed(posts, { filter: { ...EMPTY_FILTER, ...filter }, sort, drafts }).map((p) => p.path)

describe('selectFeed', () => {
  it('orders newest first by date written, ties by path', () => {
    expect(paths({})).toEqual(['ml/b.md', 'mlx/d.md', 'a.md', 'ml/deep/c.md'])
  })

  it('orders by last update', () => {
    expect(paths({}, 'show', 'updated')).toEqual(['a.md', 'mlx/d.md', 'ml/b.md', 'ml/deep/c.md'])
  })

  it('hides drafts when asked', () => {
    expect(paths({}, 'hide')).not.toContain('ml/deep/c.md')
  })

  it.each<[string, Partial<FeedFilter>, string[]]>([
    ['a category and its subcategories', { category: ['数学'] }, ['a.md', 'ml/deep/c.md']],
    ['a subcategory', { category: ['数学', '概率论'] }, ['a.md']],
    ['a tag', { tag: 'gumbel' }, ['ml/b.md', 'a.md']],
    ['a folder and its subfolders, not a sibling with the same prefix', { folder: 'ml' }, ['ml/b.md', 'ml/deep/c.md']],
    ['the top of the vault', { folder: '' }, ['a.md']],
    ['a year', { year: 2024 }, ['ml/b.md', 'mlx/d.md', 'a.md']],
    ['a month', { year: 2024, month: 3 }, ['a.md']],
    ['several filters at once', { tag: 'gumbel', year: 2024, month: 5 }, ['ml/b.md']],
  ])('filters by %s', (_name, filter, expected) => {
    expect(paths(filter)).toEqual(expected)
  })
})

describe('postFolder and matchesFilter', () => {
  it('reads the folder of a path', () => {
    expect(postFolder('a/b/c.md')).toBe('a/b')
    expect(postFolder('c.md')).toBe('')
  })

  it('matches every post with no filter', () => {
    expect(posts.every((post) => matchesFilter(post, EMPTY_FILTER, 'show'))).toBe(true)
  })
})

describe('newPostTarget', () => {
  it('puts a new post where the feed is filtered', () => {
    expect(newPostTarget({ ...EMPTY_FILTER, folder: 'ml', category: ['数学', '概率论'], tag: 'vae', year: 2020 })).toEqual({
      folder: 'ml',
      categories: ['数学', '概率论'],
      tags: ['vae'],
    })
    expect(newPostTarget(EMPTY_FILTER)).toEqual({ folder: '', categories: [], tags: [] })
  })
})
