import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseQuery } from '../../src-shared/search/parse-query'
import { analyzePost } from '../../src-main/search/analyze-post'
import { buildInWorker, resolveSearchWorkerEntry, splitIntoShares } from '../../src-main/search/build-in-worker'
import { buildSearchIndex, type BuiltIndex } from '../../src-main/search/build-search-index'
import { SegmentBuilder, type IndexSegment } from '../../src-main/search/index-segment'
import { InvertedIndex, type IndexedPost } from '../../src-main/search/inverted-index'
import { mergeBuiltIndexes } from '../../src-main/search/merge-built-indexes'
import { PostAnalyzer } from '../../src-main/search/post-analyzer'
import { analyzeFile, type PostMeta } from '../../src-main/search/search-document'
import { decodeText } from '../../src-main/vault/text-codec'
import { generateCorpus } from '../support/corpus'
import { ALL_ORACLE_QUERIES } from './oracle-queries'
import { vaultPosts } from './vault-posts'

let root: string
let metas: PostMeta[]
let reference: BuiltIndex

/** The straightforward build: each post's `analyzePost`, added to a builder in order. */
function straightforwardBuild(): BuiltIndex {
  const builder = new SegmentBuilder()
  const posts: IndexedPost[] = []
  const docs = metas.map((meta, id) => {
    const { doc, analyzed } = analyzeFile(meta, decodeText(readFileSync(join(root, meta.path))).text)
    builder.addPost(id, analyzed.weights, analyzed.junctions)
    posts.push({ path: meta.path, length: analyzed.length, date: meta.date })
    return doc
  })
  return { segment: builder.finish(), posts, docs }
}

function expectSameSegment(actual: IndexSegment, expected: IndexSegment): void {
  expect(actual.terms).toEqual(expected.terms)
  expect([...actual.offsets]).toEqual([...expected.offsets])
  expect(Buffer.from(actual.ids.buffer, actual.ids.byteOffset, actual.ids.byteLength).equals(Buffer.from(expected.ids.buffer, expected.ids.byteOffset, expected.ids.byteLength))).toBe(true)
  expect(Buffer.from(actual.weights).equals(Buffer.from(expected.weights))).toBe(true)
  expect([...actual.signatures.common]).toEqual([...expected.signatures.common])
  expect([...actual.signatures.offsets]).toEqual([...expected.signatures.offsets])
  expect(Buffer.from(actual.signatures.bytes).equals(Buffer.from(expected.signatures.bytes))).toBe(true)
}

function expectSameIndex(actual: BuiltIndex, expected: BuiltIndex): void {
  expectSameSegment(actual.segment, expected.segment)
  expect(actual.posts).toEqual(expected.posts)
  expect(actual.docs).toEqual(expected.docs)
  const actualIndex = new InvertedIndex(actual.segment, actual.posts)
  const expectedIndex = new InvertedIndex(expected.segment, expected.posts)
  for (const query of ALL_ORACLE_QUERIES) {
    const tokens = parseQuery(query).clauses.flatMap((clause) => clause.tokens)
    const found = actualIndex.match(tokens)
    const wanted = expectedIndex.match(tokens)
    expect([...found.ids], query).toEqual([...wanted.ids])
    expect([...found.scores], query).toEqual([...wanted.scores])
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lemma-build-'))
  generateCorpus(600, 11, root)
  metas = await vaultPosts(root)
  reference = straightforwardBuild()
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
  await rm(`${root}.manifest.json`, { force: true })
})

describe('the fast post analyzer', () => {
  it.each([
    ['words, commands and bigrams', 'KL散度 \\alpha \\Sigma_t ＼beta ＫＬ fp16 x2 x2 x2'],
    ['folding beyond ASCII', 'Café naïve ΣΑΣ ΟΔΟΣ İstanbul ﬁne'],
    ['characters outside the BMP', '𠀀𠀁 a𠀀 𠀀'],
    ['long runs cut into pieces', `${'a'.repeat(70)}B ${'é'.repeat(80)}`],
    ['counts that saturate', 'the '.repeat(100)],
    ['two-unit terms of every kind', 'kl KL \\a 散度 a1 é1 的'],
    ['a word NFKC starts with a CJK character', '㊀abc cab 一a ㊀'],
  ])('gives what analyzePost gives: %s', (_, text) => {
    const post = { title: 'Title 标题 KL', tags: ['概率', 'ML'], categories: [['数学', 'Notes']], text }
    const analyzer = new PostAnalyzer()
    // Twice: the second post finds every term already numbered.
    for (let round = 0; round < 2; round++) {
      const fast = analyzer.analyze(post)
      const expected = analyzePost(post)
      expect([...fast.terms].map((number, i) => [analyzer.table.terms[number], fast.weights[i]])).toEqual([...expected.weights])
      expect(fast.length).toBe(expected.length)
      expect([...fast.junctions].sort()).toEqual([...expected.junctions].sort())
    }
  })
})

describe('building the index', () => {
  it('builds the same index as adding each post analyzePost gives', async () => {
    expectSameIndex(await buildSearchIndex(root, metas), reference)
  })

  it('builds the same index from consecutive shares, merged', async () => {
    const shares = splitIntoShares(metas, 3, 280)
    expect(shares).toHaveLength(2)
    expect(shares.flat()).toEqual(metas)
    const sample = shares[0]
    const parts = await Promise.all(shares.map((share, k) => buildSearchIndex(root, share, { sample: k === 0 ? undefined : sample })))
    expectSameIndex(mergeBuiltIndexes(parts), reference)
  })

  it('builds the same index in two worker threads', async () => {
    const entry = resolveSearchWorkerEntry()
    expect(entry?.type).toBe('typescript')
    const progress: number[] = []
    const built = await buildInWorker(root, metas, { entry, workers: 2, minPostsForWorker: 1, minPostsPerWorker: 280, onProgress: (done) => progress.push(done) })
    expect(built.mode).toBe('worker')
    expect(progress.at(-1)).toBe(metas.length)
    expectSameIndex(built, reference)
  }, 60_000)

  it('refuses to merge shares that picked different common keys', async () => {
    const [first, second] = splitIntoShares(metas, 2, 280)
    const parts = await Promise.all([buildSearchIndex(root, first), buildSearchIndex(root, second, { sample: first })])
    parts[1].segment.signatures.common = Uint32Array.from([1, 2, 3])
    expect(() => mergeBuiltIndexes(parts)).toThrow(/common junction keys/)
  })
})

describe('splitting a vault into shares', () => {
  const sized = (sizes: number[]) => sizes.map((size, i) => ({ size, i }))

  it('balances bytes, not posts, and keeps the order', () => {
    expect(splitIntoShares(sized([200, 1, 1, 1, 1, 1]), 2, 1).map((share) => share.length)).toEqual([1, 5])
    const shares = splitIntoShares(sized([100, 1, 1, 1, 1, 1, 1, 1, 1, 100]), 2, 2)
    expect(shares.map((share) => share.map((item) => item.i))).toEqual([[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]])
  })

  it('keeps every share at the minimum, and gives one share when there are too few posts', () => {
    expect(splitIntoShares(sized([1, 1, 1, 1, 1, 100]), 3, 2).map((share) => share.length)).toEqual([2, 2, 2])
    expect(splitIntoShares(sized([1, 1, 1]), 4, 2)).toHaveLength(1)
  })
})
