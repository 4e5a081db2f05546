import { CJK, classifyCodePoint } from '../../src-shared/search/char-class'
import type { QueryToken } from '../../src-shared/search/parse-query'
import type { AnalyzedPost } from './analyze-post'
import { SegmentBuilder, emptySegment, type IndexSegment } from './index-segment'
import { TermExpander, type Vocabulary } from './term-expansion'
import { inverseDocumentFrequency, postingScore } from './term-weight'

/** The posts that matched every token of a query, with their scores (unordered). */
export interface MatchSet {
  ids: number[]
  scores: Float64Array
}

/** What the index keeps per post: its path and token count. Post ids index this array. */
export interface IndexedPost {
  path: string
  length: number
}

/**
 * A full-text inverted index over posts identified by path. Posts are numbered in
 * the order they arrive; a packed {@link IndexSegment} holds the postings of the
 * posts present at the last build or {@link compact}, a small map holds those of
 * posts added since, and replaced or removed posts are tombstoned until the next
 * compaction. Because new posts always get higher numbers, every term's postings
 * stay sorted across both parts.
 */
export class InvertedIndex {
  private segment: IndexSegment
  private delta = new Map<string, number[]>()
  private deltaPostings = 0
  private posts: Array<IndexedPost | null>
  private readonly idByPath = new Map<string, number>()
  private liveCount = 0
  private totalLength = 0
  private words: string[] = []
  private commands: string[] = []
  private cjk: string[] = []
  private vocabularyGeneration = 0
  private readonly expander = new TermExpander()
  private scratch = new Scratch(0)

  /** An index holding `segment`, whose post `i` is `posts[i]` (null for a removed post). */
  constructor(segment: IndexSegment = emptySegment(), posts: Array<IndexedPost | null> = []) {
    this.segment = segment
    this.posts = posts
    for (let id = 0; id < posts.length; id++) {
      const post = posts[id]
      if (post === null) continue
      this.idByPath.set(post.path, id)
      this.liveCount++
      this.totalLength += post.length
    }
    for (const term of segment.terms) this.addToVocabulary(term)
  }

  /** Posts in the index. */
  get size(): number {
    return this.liveCount
  }

  /** Postings added or tombstoned since the last compaction, against those packed. */
  get churn(): number {
    return this.deltaPostings / Math.max(1, this.segment.ids.length)
  }

  /** The post with number `id`, or null when it was removed. */
  post(id: number): IndexedPost | null {
    return this.posts[id] ?? null
  }

  /** The number of the post at `path`. */
  idOf(path: string): number | undefined {
    return this.idByPath.get(path)
  }

  /** Every indexed path. */
  paths(): string[] {
    return [...this.idByPath.keys()]
  }

  /** Adds a post, or replaces the one at the same path. */
  put(path: string, analyzed: AnalyzedPost): void {
    this.remove(path)
    const id = this.posts.length
    this.posts.push({ path, length: analyzed.length })
    this.idByPath.set(path, id)
    this.liveCount++
    this.totalLength += analyzed.length
    for (const [term, weight] of analyzed.weights) {
      let list = this.delta.get(term)
      if (list === undefined) {
        list = []
        this.delta.set(term, list)
        if (!this.segment.termNumbers.has(term)) this.addToVocabulary(term)
      }
      list.push(id, weight)
    }
    this.deltaPostings += analyzed.weights.size
  }

  /** Removes the post at `path`; false when there was none. */
  remove(path: string): boolean {
    const id = this.idByPath.get(path)
    if (id === undefined) return false
    const post = this.posts[id]
    this.idByPath.delete(path)
    this.posts[id] = null
    this.liveCount--
    this.totalLength -= post?.length ?? 0
    this.deltaPostings += post?.length ?? 0
    return true
  }

  /** The vocabulary used to expand query tokens, and its generation. */
  vocabulary(): Vocabulary {
    const segment = this.segment
    const delta = this.delta
    return { words: this.words, commands: this.commands, cjk: this.cjk, has: (term) => segment.termNumbers.has(term) || delta.has(term) }
  }

  /**
   * The posts matching every token (AND), each token matching any of its
   * expansions (OR), scored by summing, per token, the best BM25 score among the
   * expansions it matched, weighted by how exact the match was. Tokens with the
   * fewest postings are intersected first, and the scan stops once nothing is left.
   */
  match(tokens: QueryToken[]): MatchSet {
    const vocabulary = this.vocabulary()
    const groups = tokens.map((token) => {
      const expansions = this.expander.expand(token, vocabulary, this.vocabularyGeneration)
      let cost = 0
      for (const expansion of expansions) cost += this.documentFrequency(expansion.term)
      return { expansions, cost }
    })
    groups.sort((a, b) => a.cost - b.cost)
    const scratch = this.prepareScratch()
    const averageLength = this.liveCount === 0 ? 1 : Math.max(1, this.totalLength / this.liveCount)
    const documentCount = Math.max(1, this.liveCount)
    const query = scratch.nextStamp()
    let survivors = 0
    for (let g = 0; g < groups.length; g++) {
      const pass: Pass = { group: g, query, stamp: scratch.nextStamp(), touched: 0, averageLength }
      for (const { term, quality } of groups[g].expansions) {
        const idf = inverseDocumentFrequency(this.documentFrequency(term), documentCount) * quality
        const number = this.segment.termNumbers.get(term)
        if (number !== undefined) {
          const { offsets, ids, weights } = this.segment
          for (let at = offsets[number], end = offsets[number + 1]; at < end; at++) this.score(scratch, pass, ids[at], weights[at], idf)
        }
        const added = this.delta.get(term)
        if (added !== undefined) for (let at = 0; at < added.length; at += 2) this.score(scratch, pass, added[at], added[at + 1], idf)
      }
      const touched = scratch.touched
      for (let i = 0; i < pass.touched; i++) {
        const id = touched[i]
        if (g === 0) {
          scratch.query[id] = query
          scratch.hits[id] = 1
          scratch.scores[id] = scratch.best[id]
        } else {
          scratch.hits[id]++
          scratch.scores[id] += scratch.best[id]
        }
      }
      survivors = pass.touched
      if (survivors === 0) break
    }
    const ids: number[] = new Array(survivors)
    const scores = new Float64Array(survivors)
    for (let i = 0; i < survivors; i++) {
      ids[i] = scratch.touched[i]
      scores[i] = scratch.scores[ids[i]]
    }
    return { ids, scores }
  }

  private score(scratch: Scratch, pass: Pass, id: number, weight: number, idf: number): void {
    if (pass.group > 0 && (scratch.query[id] !== pass.query || scratch.hits[id] !== pass.group)) return
    const post = this.posts[id]
    if (post === null) return
    const score = postingScore(weight, idf, post.length, pass.averageLength)
    if (scratch.mark[id] !== pass.stamp) {
      scratch.mark[id] = pass.stamp
      scratch.best[id] = score
      scratch.touched[pass.touched++] = id
    } else if (score > scratch.best[id]) {
      scratch.best[id] = score
    }
  }

  /**
   * Packs every live post into one segment, renumbering posts densely, and drops
   * tombstones. Costs about 50 ms per million postings; worth it once
   * {@link churn} grows, and before persisting.
   */
  compact(): void {
    const renumber = new Int32Array(this.posts.length).fill(-1)
    const posts: IndexedPost[] = []
    for (let id = 0; id < this.posts.length; id++) {
      const post = this.posts[id]
      if (post === null) continue
      renumber[id] = posts.length
      posts.push(post)
    }
    const builder = new SegmentBuilder()
    const { terms, offsets, ids, weights } = this.segment
    for (let t = 0; t < terms.length; t++) {
      const term = terms[t]
      for (let at = offsets[t]; at < offsets[t + 1]; at++) {
        const id = renumber[ids[at]]
        if (id !== -1) builder.addPosting(term, id, weights[at])
      }
      const added = this.delta.get(term)
      if (added !== undefined) appendDelta(builder, term, added, renumber)
    }
    for (const [term, added] of this.delta) {
      if (!this.segment.termNumbers.has(term)) appendDelta(builder, term, added, renumber)
    }
    this.segment = builder.finish()
    this.delta = new Map()
    this.deltaPostings = 0
    this.posts = posts
    this.idByPath.clear()
    for (let id = 0; id < posts.length; id++) this.idByPath.set(posts[id].path, id)
    this.words = []
    this.commands = []
    this.cjk = []
    for (const term of this.segment.terms) this.addToVocabulary(term)
    this.vocabularyGeneration++
  }

  /** The packed segment and post table, compacted first; for persisting. */
  snapshot(): { segment: IndexSegment; posts: IndexedPost[] } {
    if (this.delta.size > 0 || this.posts.length !== this.liveCount) this.compact()
    return { segment: this.segment, posts: this.posts as IndexedPost[] }
  }

  private documentFrequency(term: string): number {
    const number = this.segment.termNumbers.get(term)
    const packed = number === undefined ? 0 : this.segment.offsets[number + 1] - this.segment.offsets[number]
    return packed + (this.delta.get(term)?.length ?? 0) / 2
  }

  private addToVocabulary(term: string): void {
    const first = term.charCodeAt(0)
    if (first === 1) return
    if (first === 0x5c) this.commands.push(term)
    else if (classifyCodePoint(term.codePointAt(0) ?? 0) === CJK) this.cjk.push(term)
    else this.words.push(term)
    this.vocabularyGeneration++
  }

  private prepareScratch(): Scratch {
    if (this.scratch.size < this.posts.length) this.scratch = new Scratch(Math.max(this.posts.length * 2, 1024))
    return this.scratch
  }
}

/** The state of one token's pass over its postings. */
interface Pass {
  group: number
  query: number
  stamp: number
  touched: number
  averageLength: number
}

/** Per-post working arrays reused across queries; a stamp marks which entries are current. */
class Scratch {
  readonly touched: Int32Array
  readonly mark: Uint32Array
  readonly query: Uint32Array
  readonly hits: Uint16Array
  readonly best: Float64Array
  readonly scores: Float64Array
  private stamp = 0

  constructor(readonly size: number) {
    this.touched = new Int32Array(size)
    this.mark = new Uint32Array(size)
    this.query = new Uint32Array(size)
    this.hits = new Uint16Array(size)
    this.best = new Float64Array(size)
    this.scores = new Float64Array(size)
  }

  nextStamp(): number {
    if (this.stamp === 0xffffffff) {
      this.mark.fill(0)
      this.query.fill(0)
      this.stamp = 0
    }
    return ++this.stamp
  }
}

function appendDelta(builder: SegmentBuilder, term: string, added: number[], renumber: Int32Array): void {
  for (let at = 0; at < added.length; at += 2) {
    const id = renumber[added[at]]
    if (id !== -1) builder.addPosting(term, id, added[at + 1])
  }
}
