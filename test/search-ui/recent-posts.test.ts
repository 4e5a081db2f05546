import { describe, expect, it } from 'vitest'
import { parseRecent, recentKey, withExisting, withRecent, withRenamed } from '../../src-renderer/features/quick-open/recent-posts'

describe('the recent posts list', () => {
  it('moves an opened post to the front without duplicating it', () => {
    expect(withRecent(['a.md', 'b.md', 'c.md'], 'c.md')).toEqual(['c.md', 'a.md', 'b.md'])
    expect(withRecent([], 'a.md')).toEqual(['a.md'])
  })

  it('keeps at most the limit, dropping the oldest', () => {
    expect(withRecent(['a', 'b', 'c'], 'd', 3)).toEqual(['d', 'a', 'b'])
  })

  it('follows a renamed post in place, once', () => {
    expect(withRenamed(['a.md', 'b.md'], 'b.md', 'x/b2.md')).toEqual(['a.md', 'x/b2.md'])
    expect(withRenamed(['b.md', 'a.md', 'new.md'], 'b.md', 'new.md')).toEqual(['new.md', 'a.md'])
    expect(withRenamed(['a.md'], 'zzz.md', 'y.md')).toEqual(['a.md'])
  })

  it('leaves out posts that no longer exist', () => {
    const existing = new Set(['a.md'])
    expect(withExisting(['gone.md', 'a.md'], (path) => existing.has(path))).toEqual(['a.md'])
  })

  it('reads a stored list, tolerating anything malformed', () => {
    expect(parseRecent(null)).toEqual([])
    expect(parseRecent('not json')).toEqual([])
    expect(parseRecent('{"a":1}')).toEqual([])
    expect(parseRecent(JSON.stringify(['a.md', 3, '', 'a.md', '笔记/b.md']))).toEqual(['a.md', '笔记/b.md'])
    expect(parseRecent(JSON.stringify(['a', 'b', 'c']), 2)).toEqual(['a', 'b'])
  })

  it('stores each vault separately', () => {
    expect(recentKey('/notes')).not.toBe(recentKey('/other'))
  })
})
