import { SignatureBuilder, emptySignatures, type PhraseSignatures } from './phrase-signatures'
import { TermTable } from './term-table'

/**
 * An immutable block of the inverted index: for each term, the ids of the posts
 * containing it (ascending) and a packed weight per post. Three typed arrays hold
 * every posting, so ten thousand posts cost tens of megabytes and load without
 * parsing, instead of the millions of small objects a general search library keeps.
 */
export interface IndexSegment {
  /** Every term, by term number. */
  terms: string[]
  /** Term number of each term. */
  termNumbers: Map<string, number>
  /** Postings of term `t` are `ids[offsets[t]]` to `ids[offsets[t + 1] - 1]`. */
  offsets: Uint32Array
  ids: Uint32Array
  weights: Uint8Array
  /** Per post, which junctions of neighbouring tokens its text may have, for quoted phrases. */
  signatures: PhraseSignatures
}

/** A segment with no terms. */
export function emptySegment(): IndexSegment {
  return { terms: [], termNumbers: new Map(), offsets: new Uint32Array(1), ids: new Uint32Array(0), weights: new Uint8Array(0), signatures: emptySignatures() }
}

/** Rebuilds the term-number map of a segment whose `terms` were loaded or transferred. */
export function numberTerms(terms: string[]): Map<string, number> {
  const numbers = new Map<string, number>()
  for (let t = 0; t < terms.length; t++) numbers.set(terms[t], t)
  return numbers
}

/**
 * Collects postings one post at a time, in ascending post id, and packs them into a
 * segment with a counting sort by term (stable, so ids stay ascending per term).
 * Terms are numbered in the order they first arrive. Memory while building is nine
 * bytes per posting.
 */
export class SegmentBuilder {
  private termOf = new Uint32Array(1 << 16)
  private idOf = new Uint32Array(1 << 16)
  private weightOf = new Uint8Array(1 << 16)
  private size = 0
  private lastId = -1
  private lastTerm = ''
  private lastNumber = -1
  private readonly signatures: SignatureBuilder

  /**
   * `common`: the common junction keys to keep (when merging); by default picked
   * from the first posts. `table`: numbers the terms; pass the one a `PostAnalyzer`
   * numbers its posts with to add them by {@link addNumberedPost}.
   */
  constructor(common?: Uint32Array, private readonly table = new TermTable()) {
    this.signatures = new SignatureBuilder(common)
  }

  /**
   * Adds the postings of post `id`, and its phrase signature from its junction
   * keys when given; ids must be given in ascending order.
   */
  addPost(id: number, weights: Map<string, number>, junctions?: Uint32Array): void {
    this.startPost(id, weights.size, junctions)
    for (const [term, weight] of weights) this.push(this.table.intern(term), id, weight)
  }

  /**
   * {@link addPost} for a post whose terms are numbered in this builder's table
   * (see `PostAnalyzer`): `weights[i]` is the weight of term number `terms[i]`.
   */
  addNumberedPost(id: number, terms: Uint32Array, weights: Uint8Array, junctions?: Uint32Array): void {
    this.startPost(id, terms.length, junctions)
    for (let i = 0; i < terms.length; i++) this.push(terms[i], id, weights[i])
  }

  /** Adds one posting (used when merging segments); ids must ascend per term. */
  addPosting(term: string, id: number, weight: number): void {
    this.reserve(1)
    if (term !== this.lastTerm || this.lastNumber === -1) {
      this.lastTerm = term
      this.lastNumber = this.table.intern(term)
    }
    this.push(this.lastNumber, id, weight)
  }

  /** Adds the finished phrase signature of post `id` (used when merging); ids must ascend. */
  addSignature(id: number, signature: Uint8Array): void {
    this.signatures.addSignature(id, signature)
  }

  /**
   * Packs what was added, with signatures for `postCount` posts (by default up to
   * the last post added). The builder must not be used afterwards.
   */
  finish(postCount = this.lastId + 1): IndexSegment {
    const terms = this.table.terms
    const termCount = terms.length
    const offsets = new Uint32Array(termCount + 1)
    for (let i = 0; i < this.size; i++) offsets[this.termOf[i] + 1]++
    for (let t = 0; t < termCount; t++) offsets[t + 1] += offsets[t]
    const cursor = offsets.slice(0, termCount)
    const ids = new Uint32Array(this.size)
    const weights = new Uint8Array(this.size)
    for (let i = 0; i < this.size; i++) {
      const at = cursor[this.termOf[i]]++
      ids[at] = this.idOf[i]
      weights[at] = this.weightOf[i]
    }
    return { terms, termNumbers: numberTerms(terms), offsets, ids, weights, signatures: this.signatures.finish(postCount) }
  }

  private startPost(id: number, termCount: number, junctions: Uint32Array | undefined): void {
    if (id <= this.lastId) throw new Error(`SegmentBuilder: post ids must ascend (${id} after ${this.lastId})`)
    this.lastId = id
    if (junctions !== undefined) this.signatures.addKeys(id, junctions)
    this.reserve(termCount)
  }

  private push(term: number, id: number, weight: number): void {
    this.termOf[this.size] = term
    this.idOf[this.size] = id
    this.weightOf[this.size] = weight
    this.size++
  }

  private reserve(extra: number): void {
    if (this.size + extra <= this.termOf.length) return
    let capacity = this.termOf.length
    while (capacity < this.size + extra) capacity *= 2
    this.termOf = grow(this.termOf, capacity)
    this.idOf = grow(this.idOf, capacity)
    const weights = new Uint8Array(capacity)
    weights.set(this.weightOf.subarray(0, this.size))
    this.weightOf = weights
  }
}

function grow(array: Uint32Array, capacity: number): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(capacity)
  bigger.set(array)
  return bigger
}
