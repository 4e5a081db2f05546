import { CJK, classifyCodePoint } from '../../src-shared/search/char-class'
import type { QueryToken } from '../../src-shared/search/parse-query'
import type { AnalyzedPost } from './analyze-post'
import { SegmentBuilder, emptySegment, type IndexSegment } from './index-segment'
import { phraseJunctionKeys } from './junction-keys'
import { mayHaveKeys, signatureOf } from './phrase-signatures'
import { Scratch, bestOfListsPass, singleListPass } from './match-passes'
import { TermExpander, type Expansion, type Vocabulary } from './term-expansion'
import { NO_LENGTH_CLASS, inverseDocumentFrequency, lengthClass, scoreTable } from './term-weight'

/** The posts that matched every token of a query, with their scores (unordered). */
export interface MatchSet {
  ids: Int32Array
  scores: Float64Array
}

/** What the index keeps per post. Post ids index an array of these. */
export interface IndexedPost {
  path: string
  /** Tokens in the text, for BM25's length normalisation. */
  length: number
  /** The post's date (ISO), which orders equal scores newest first. */
  date: string
}

/**
 * From this many posts on, a term every post has weighs under 1/10,000 of a rare
 * term: a token matching it adds nothing worth a pass over its list.
 */
const NEGLIGIBLE_IDF_POSTS = 1000

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
  private deltaSignatures = new Map<number, Uint8Array>()
  private commonJunctions: Set<number>
  private posts: Array<IndexedPost | null>
  private readonly idByPath = new Map<string, number>()
  private liveCount = 0
  private totalLength = 0
  private words: string[] = []
  private commands: string[] = []
  private vocabularyGeneration = 0
  private readonly expander = new TermExpander()
  private scratch = new Scratch(0)
  private dates = new Float64Array(0)
  private classes = new Uint8Array(0)
  private classesKey = ''
  private scores: Float32Array = new Float32Array(0)
  private scoresKey = -1
  private changes = 0

  /** An index holding `segment`, whose post `i` is `posts[i]` (null for a removed post). */
  constructor(segment: IndexSegment = emptySegment(), posts: Array<IndexedPost | null> = []) {
    this.segment = segment
    this.commonJunctions = new Set(segment.signatures.common)
    this.posts = posts
    this.dates = new Float64Array(Math.max(1024, posts.length * 2))
    for (let id = 0; id < posts.length; id++) {
      const post = posts[id]
      if (post === null) continue
      this.dates[id] = dateKey(post.date)
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

  /**
   * The post table: entry `id` is the post numbered `id`, null once removed. A
   * compaction installs a new table instead of renumbering this one, so a query may
   * keep it across an await and still read the posts it matched (or see them removed).
   */
  table(): ReadonlyArray<IndexedPost | null> {
    return this.posts
  }

  /**
   * Per post number, its date as milliseconds (-Infinity when it does not parse),
   * for ordering equal scores without comparing strings. Kept like {@link table}:
   * entries of existing posts never change, a compaction installs a new array.
   */
  dateKeys(): Float64Array {
    return this.dates
  }

  /** The number of the post at `path`. */
  idOf(path: string): number | undefined {
    return this.idByPath.get(path)
  }

  /** Every indexed path. */
  paths(): string[] {
    return [...this.idByPath.keys()]
  }

  /**
   * Counts every change of the posts or their numbering (put, remove, compact):
   * anything remembered per post number holds only while this stays the same.
   */
  get generation(): number {
    return this.changes
  }

  /** Adds a post dated `date`, or replaces the one at the same path. */
  put(path: string, analyzed: AnalyzedPost, date = ''): void {
    this.remove(path)
    this.changes++
    const id = this.posts.length
    this.posts.push({ path, length: analyzed.length, date })
    if (id >= this.dates.length) {
      const bigger = new Float64Array(this.dates.length * 2)
      bigger.set(this.dates)
      this.dates = bigger
    }
    this.dates[id] = dateKey(date)
    this.deltaSignatures.set(id, signatureOf(analyzed.junctions, this.commonJunctions))
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
    this.changes++
    this.idByPath.delete(path)
    this.posts[id] = null
    this.deltaSignatures.delete(id)
    this.liveCount--
    this.totalLength -= post?.length ?? 0
    this.deltaPostings += post?.length ?? 0
    return true
  }

  /** The vocabulary used to expand query tokens, and its generation. */
  vocabulary(): Vocabulary {
    const segment = this.segment
    const delta = this.delta
    return { words: this.words, commands: this.commands, has: (term) => segment.termNumbers.has(term) || delta.has(term) }
  }

  /**
   * The posts matching every token (AND), each token matching any of its
   * expansions (OR), scored by summing, per token, the best BM25 score among the
   * expansions it matched, weighted by how exact the match was. Tokens with the
   * fewest postings are intersected first, and the scan stops once nothing is left.
   * The arrays are fresh; their order is not meaningful.
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
    scratch.beginQuery()
    const classes = this.lengthClasses()
    const table = this.scoreTable()
    const documentCount = Math.max(1, this.liveCount)
    // The survivors of each pass carry its stamp in `scratch.alive`; the first pass admits every live post.
    let survivors = 0
    let previous = 0
    for (let g = 0; g < groups.length; g++) {
      const { expansions } = groups[g]
      const isFirst = g === 0
      if (!isFirst && this.liveCount >= NEGLIGIBLE_IDF_POSTS && expansions.some(({ term }) => this.holdsEveryPost(term))) {
        // A list of every post (`\u0001n` for the N of `\mathcal{N}`) narrows nothing and its idf is next to
        // zero: the survivors stay, and only the token's other expansions add to their scores.
        const found = this.bestOfLists(scratch, scratch.extra, expansions.filter(({ term }) => !this.holdsEveryPost(term)), false, previous)
        for (let i = 0; i < found; i++) scratch.scores[scratch.extra[i]] += scratch.best[scratch.extra[i]]
        continue
      }
      const pass = scratch.nextStamp()
      const single = expansions.length === 1 && !this.delta.has(expansions[0].term) ? this.segment.termNumbers.get(expansions[0].term) : undefined
      if (single !== undefined) {
        // One packed list (a bigram, an exact word): each post occurs once, so scores add up directly.
        const { offsets, ids, weights } = this.segment
        const idf = inverseDocumentFrequency(offsets[single + 1] - offsets[single], documentCount) * expansions[0].quality
        survivors = singleListPass(scratch, classes, table, ids, weights, offsets[single], offsets[single + 1], idf, isFirst, previous, pass)
      } else {
        survivors = this.bestOfLists(scratch, scratch.touched, expansions, isFirst, previous)
        const { touched, alive, best, scores } = scratch
        for (let i = 0; i < survivors; i++) {
          const id = touched[i]
          scores[id] = isFirst ? best[id] : scores[id] + best[id]
          alive[id] = pass
        }
      }
      previous = pass
      if (survivors === 0) break
    }
    const ids = scratch.touched.slice(0, survivors)
    const matched = new Float64Array(survivors)
    for (let i = 0; i < survivors; i++) matched[i] = scratch.scores[ids[i]]
    return { ids, scores: matched }
  }

  /**
   * One token's pass over the lists of several expansions: the best score of each
   * post that survived the pass stamped `previous` (any live post when `isFirst`)
   * in `scratch.best`, the posts listed in `found`. Returns how many.
   */
  private bestOfLists(scratch: Scratch, found: Int32Array, expansions: readonly Expansion[], isFirst: boolean, previous: number): number {
    const classes = this.lengthClasses()
    const table = this.scoreTable()
    const documentCount = Math.max(1, this.liveCount)
    const { offsets, ids, weights } = this.segment
    const seen = scratch.nextStamp()
    let count = 0
    for (const { term, quality } of expansions) {
      const idf = inverseDocumentFrequency(this.documentFrequency(term), documentCount) * quality
      const number = this.segment.termNumbers.get(term)
      if (number !== undefined) count = bestOfListsPass(scratch, found, classes, table, ids, weights, offsets[number], offsets[number + 1], 1, idf, isFirst, previous, seen, count)
      const added = this.delta.get(term)
      if (added !== undefined) count = bestOfListsPass(scratch, found, classes, table, added, added, 0, added.length, 2, idf, isFirst, previous, seen, count)
    }
    return count
  }

  /**
   * The junction keys a post's signature is tested for, for a quoted phrase (see
   * `phraseJunctionKeys`): the common ones, which no signature holds, left out.
   */
  phraseKeys(phrase: string): number[] {
    return phraseJunctionKeys(phrase).filter((key) => !this.commonJunctions.has(key))
  }

  /**
   * False when post `id` surely lacks one of `keys` (from {@link phraseKeys}), so
   * it cannot contain the phrase; true when it may.
   */
  mayContainPhrase(id: number, keys: readonly number[]): boolean {
    if (keys.length === 0) return true
    const { offsets, bytes } = this.segment.signatures
    if (id + 1 < offsets.length) return mayHaveKeys(bytes, offsets[id], offsets[id + 1], keys)
    const added = this.deltaSignatures.get(id)
    return added === undefined || mayHaveKeys(added, 0, added.length, keys)
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
    const builder = new SegmentBuilder(this.segment.signatures.common)
    const signatures = this.segment.signatures
    for (let id = 0; id < renumber.length; id++) {
      if (renumber[id] === -1) continue
      const signature = id + 1 < signatures.offsets.length ? signatures.bytes.subarray(signatures.offsets[id], signatures.offsets[id + 1]) : this.deltaSignatures.get(id)
      if (signature !== undefined) builder.addSignature(renumber[id], signature)
    }
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
    this.segment = builder.finish(posts.length)
    this.delta = new Map()
    this.deltaPostings = 0
    this.deltaSignatures = new Map()
    this.posts = posts
    this.dates = new Float64Array(Math.max(1024, posts.length * 2))
    for (let id = 0; id < posts.length; id++) this.dates[id] = dateKey(posts[id].date)
    this.idByPath.clear()
    for (let id = 0; id < posts.length; id++) this.idByPath.set(posts[id].path, id)
    this.words = []
    this.commands = []
    for (const term of this.segment.terms) this.addToVocabulary(term)
    this.vocabularyGeneration++
    this.changes++
  }

  /** The packed segment and post table, compacted first; for persisting. */
  snapshot(): { segment: IndexSegment; posts: IndexedPost[] } {
    if (this.delta.size > 0 || this.deltaSignatures.size > 0 || this.posts.length !== this.liveCount) this.compact()
    return { segment: this.segment, posts: this.posts as IndexedPost[] }
  }

  /** True when every live post has `term` (and no removed post awaits compaction). */
  private holdsEveryPost(term: string): boolean {
    return this.posts.length === this.liveCount && this.liveCount > 0 && this.documentFrequency(term) === this.liveCount
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
    else if (classifyCodePoint(term.codePointAt(0) ?? 0) !== CJK) this.words.push(term)
    this.vocabularyGeneration++
  }

  /** Per post number, its `lengthClass`, or `NO_LENGTH_CLASS` for a removed post. */
  private lengthClasses(): Uint8Array {
    const key = `${this.changes}/${this.posts.length}`
    if (key === this.classesKey) return this.classes
    if (this.classes.length < this.posts.length) this.classes = new Uint8Array(Math.max(this.posts.length * 2, 1024))
    for (let id = 0; id < this.posts.length; id++) {
      const post = this.posts[id]
      this.classes[id] = post === null ? NO_LENGTH_CLASS : lengthClass(post.length)
    }
    this.classesKey = key
    return this.classes
  }

  /**
   * The `scoreTable` for the current average length, rebuilt (some 65,000 scores)
   * only when the average moved by more than 1%, not after every saved post.
   */
  private scoreTable(): Float32Array {
    const averageLength = this.liveCount === 0 ? 1 : Math.max(1, this.totalLength / this.liveCount)
    if (Math.abs(averageLength - this.scoresKey) > averageLength / 100) {
      this.scores = scoreTable(averageLength)
      this.scoresKey = averageLength
    }
    return this.scores
  }

  private prepareScratch(): Scratch {
    if (this.scratch.size < this.posts.length) this.scratch = new Scratch(Math.max(this.posts.length * 2, 1024))
    return this.scratch
  }
}

/** A post's date as a number that orders like the date: ISO dates parse to milliseconds. */
function dateKey(date: string): number {
  const time = Date.parse(date)
  return Number.isNaN(time) ? -Infinity : time
}

function appendDelta(builder: SegmentBuilder, term: string, added: number[], renumber: Int32Array): void {
  for (let at = 0; at < added.length; at += 2) {
    const id = renumber[added[at]]
    if (id !== -1) builder.addPosting(term, id, added[at + 1])
  }
}
