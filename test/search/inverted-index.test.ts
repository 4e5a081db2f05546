import { describe, expect, it } from 'vitest'
import { analyzePost } from '../../src-main/search/analyze-post'
import { decodeIndex, encodeIndex } from '../../src-main/search/index-file'
import { SegmentBuilder } from '../../src-main/search/index-segment'
import { InvertedIndex } from '../../src-main/search/inverted-index'
import { requiredTokens } from '../../src-main/search/execute-query'
import { bestIndices } from '../../src-main/search/top-k'
import { parseQuery } from '../../src-shared/search/parse-query'

const post = (text: string, title = '') => analyzePost({ title, tags: [], categories: [], text })

function matchPaths(index: InvertedIndex, query: string): string[] {
  const { ids } = index.match(requiredTokens(parseQuery(query)))
  return ids.map((id) => index.post(id)!.path).sort()
}

function sample(): InvertedIndex {
  const index = new InvertedIndex()
  index.put('a.md', post('扩散模型的核心 of the gradient', 'Diffusion'))
  index.put('b.md', post('offset and the softmax \\alpha_t'))
  index.put('c.md', post('梯度下降 x_i'))
  return index
}

describe('the inverted index', () => {
  it('matches words inside words, as rg would', () => {
    const index = sample()
    expect(matchPaths(index, 'max')).toEqual(['b.md'])
    expect(matchPaths(index, 'radi')).toEqual(['a.md'])
    expect(matchPaths(index, 'x')).toEqual(['b.md', 'c.md'])
    expect(matchPaths(index, '\\alpha')).toEqual(['b.md'])
    expect(matchPaths(index, '型的核')).toEqual(['a.md'])
    expect(matchPaths(index, '梯')).toEqual(['c.md'])
  })

  it('expands a word correctly after a one-letter query primed the cache', () => {
    const index = sample()
    expect(matchPaths(index, 'o')).toEqual(['a.md', 'b.md'])
    expect(matchPaths(index, 'of')).toEqual(['a.md', 'b.md'])
    expect(matchPaths(index, 'off')).toEqual(['b.md'])
  })

  it('replaces and removes posts, and answers the same after compaction', () => {
    const index = sample()
    index.put('a.md', post('now about softmax only'))
    index.remove('c.md')
    const before = ['max', 'gradient', '梯度', 'the', 'softmax'].map((query) => matchPaths(index, query))
    expect(before).toEqual([['a.md', 'b.md'], [], [], ['b.md'], ['a.md', 'b.md']])
    index.compact()
    expect(['max', 'gradient', '梯度', 'the', 'softmax'].map((query) => matchPaths(index, query))).toEqual(before)
    expect(index.size).toBe(2)
    expect(index.churn).toBe(0)
  })

  it('scores a title match above many body matches', () => {
    const index = new InvertedIndex()
    index.put('body.md', post('gradient '.repeat(30)))
    index.put('title.md', post('once gradient', 'Gradient'))
    const { ids, scores } = index.match(requiredTokens(parseQuery('gradient')))
    const byPath = Object.fromEntries(ids.map((id, i) => [index.post(id)!.path, scores[i]]))
    expect(byPath['title.md']).toBeGreaterThan(byPath['body.md'])
  })
})

describe('the index file', () => {
  it('round-trips a segment and its header', () => {
    const builder = new SegmentBuilder()
    builder.addPost(0, post('alpha beta 扩散').weights)
    builder.addPost(1, post('beta gamma').weights)
    builder.addPost(300, post('beta').weights)
    const segment = builder.finish()
    const decoded = decodeIndex<{ note: string }>(encodeIndex({ note: '笔记' }, segment))
    expect(decoded?.header).toEqual({ note: '笔记' })
    expect(decoded?.segment.terms).toEqual(segment.terms)
    expect([...decoded!.segment.ids]).toEqual([...segment.ids])
    expect([...decoded!.segment.weights]).toEqual([...segment.weights])
    expect([...decoded!.segment.offsets]).toEqual([...segment.offsets])
  })

  it('refuses damaged or foreign bytes', () => {
    const builder = new SegmentBuilder()
    builder.addPost(0, post('alpha').weights)
    const bytes = encodeIndex({}, builder.finish())
    expect(decodeIndex(bytes.subarray(0, bytes.length - 3))).toBeNull()
    expect(decodeIndex(Buffer.from('{"posts": {}}'))).toBeNull()
    expect(decodeIndex(new Uint8Array(0))).toBeNull()
  })
})

describe('picking the best hits', () => {
  it('returns the same order through the heap as through a full sort', () => {
    const scores = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 101)
    const isBetter = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a < b)
    const full = bestIndices(1000, 1000, isBetter)
    expect(bestIndices(1000, 20, isBetter)).toEqual(full.slice(0, 20))
    expect(bestIndices(1000, 0, isBetter)).toEqual([])
    expect(bestIndices(3, 10, isBetter)).toEqual(bestIndices(3, 3, isBetter))
  })
})
