import { describe, expect, it } from 'vitest'
import { analyzePost } from '../../src-main/search/analyze-post'
import { decodeIndex, encodeIndex } from '../../src-main/search/index-file'
import { SegmentBuilder } from '../../src-main/search/index-segment'
import { InvertedIndex } from '../../src-main/search/inverted-index'
import { requiredTokens } from '../../src-main/search/execute-query'
import { bestByScore } from '../../src-main/search/top-k'
import { parseQuery } from '../../src-shared/search/parse-query'

const post = (text: string, title = '') => analyzePost({ title, tags: [], categories: [], text })

function matchPaths(index: InvertedIndex, query: string): string[] {
  const { ids } = index.match(requiredTokens(parseQuery(query)))
  return Array.from(ids, (id) => index.post(id)!.path).sort()
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
    const byPath = Object.fromEntries(Array.from(ids, (id, i) => [index.post(id)!.path, scores[i]]))
    expect(byPath['title.md']).toBeGreaterThan(byPath['body.md'])
  })
})

describe('matching and scoring', () => {
  it('pins the words of a quoted phrase: inner words whole, edge words open outward', () => {
    const index = new InvertedIndex()
    index.put('apart.md', post('softmax of theta and other things'))
    index.put('together.md', post('blockchain of the rules'))
    expect(matchPaths(index, 'of the r')).toEqual(['apart.md', 'together.md'])
    expect(matchPaths(index, '"of the r"')).toEqual(['together.md'])
    expect(matchPaths(index, '"chain of th"')).toEqual(['together.md'])
    expect(matchPaths(index, '"softmax of"')).toEqual(['apart.md'])
    expect(matchPaths(index, '"max of"')).toEqual(['apart.md'])
    expect(matchPaths(index, '"soft of"')).toEqual([])
  })

  it('finds a lone Chinese character through its presence term, in bigrams and alone', () => {
    const index = new InvertedIndex()
    index.put('bigram.md', post('信息熵的定义'))
    index.put('alone.md', post('熵 is entropy'))
    index.put('none.md', post('信息论'))
    expect(matchPaths(index, '熵')).toEqual(['alone.md', 'bigram.md'])
    expect(matchPaths(index, '"x 熵 y"')).toEqual([])
  })

  it('skips a token every post has without changing which posts match', () => {
    const index = new InvertedIndex()
    for (let i = 0; i < 1200; i++) index.put(`p${i}.md`, post(i % 3 === 0 ? `x gradient ${i}` : `x plain ${i}`))
    const withEveryPost = matchPaths(index, 'gradient x')
    expect(withEveryPost).toEqual(matchPaths(index, 'gradient'))
    expect(withEveryPost).toHaveLength(400)
    // A removed post leaves its postings until compaction: the shortcut must not apply then.
    index.remove('p0.md')
    expect(matchPaths(index, 'gradient x')).toHaveLength(399)
    index.compact()
    expect(matchPaths(index, 'gradient x')).toHaveLength(399)
  })

  it('orders equal scores by date through the date keys, newest first', () => {
    const index = new InvertedIndex()
    index.put('old.md', post('same words'), '2020-01-01T00:00:00.000Z')
    index.put('new.md', post('same words'), '2024-01-01T00:00:00.000Z')
    index.put('bad.md', post('same words'), 'not a date')
    const dates = index.dateKeys()
    expect(dates[index.idOf('new.md')!]).toBeGreaterThan(dates[index.idOf('old.md')!])
    expect(dates[index.idOf('bad.md')!]).toBe(-Infinity)
  })
})

describe('the index file', () => {
  it('round-trips a segment, its header and its phrase signatures', () => {
    const builder = new SegmentBuilder()
    builder.addPost(0, post('alpha beta 扩散').weights, post('alpha beta 扩散').junctions)
    builder.addPost(1, post('beta gamma').weights, post('beta gamma').junctions)
    // Enough posts with `beta` that its ids are stored as a bitmap, and a gap of ids without it.
    for (let id = 2; id < 300; id++) builder.addPost(id, post(id % 7 === 0 ? 'beta delta' : 'beta').weights)
    builder.addPost(300, post('beta').weights)
    builder.addPost(1000, post('beta epsilon').weights, post('beta epsilon').junctions)
    const segment = builder.finish()
    const decoded = decodeIndex<{ note: string }>(encodeIndex({ note: '笔记' }, segment))
    expect(decoded?.header).toEqual({ note: '笔记' })
    expect(decoded?.segment.terms).toEqual(segment.terms)
    expect([...decoded!.segment.ids]).toEqual([...segment.ids])
    expect([...decoded!.segment.weights]).toEqual([...segment.weights])
    expect([...decoded!.segment.offsets]).toEqual([...segment.offsets])
    expect([...decoded!.segment.signatures.common]).toEqual([...segment.signatures.common])
    expect([...decoded!.segment.signatures.offsets]).toEqual([...segment.signatures.offsets])
    expect([...decoded!.segment.signatures.bytes]).toEqual([...segment.signatures.bytes])
    expect(decoded!.segment.signatures.offsets).toHaveLength(1002)
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
  it.each([
    ['a small page of many entries', 1000, 20],
    ['most entries', 1000, 600],
    ['more than there are', 3, 10],
    ['nothing', 1000, 0],
  ])('returns the same order as a full sort: %s', (_, length, count) => {
    const scores = Float64Array.from({ length }, (_, i) => (i * 7919) % 101)
    const isBetterTie = (a: number, b: number) => a > b
    const full = Array.from({ length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || b - a)
    expect(Array.from(bestByScore(scores, length, count, isBetterTie))).toEqual(full.slice(0, count))
  })
})
