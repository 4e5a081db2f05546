import { SignatureBuilder, emptySignatures, type PhraseSignatures } from './phrase-signatures'

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
 * Memory while building is nine bytes per posting.
 */
export class SegmentBuilder {
  private readonly termNumbers = new Map<string, number>()
  private readonly terms: string[] = []
  private termOf = new Uint32Array(1 << 16)
  private idOf = new Uint32Array(1 << 16)
  private weightOf = new Uint8Array(1 << 16)
  private size = 0
  private lastId = -1
  private readonly signatures: SignatureBuilder

  /** `common`: the common junction keys to keep (when merging); by default picked from the first posts. */
  constructor(common?: Uint32Array) {
    this.signatures = new SignatureBuilder(common)
  }

  /**
   * Adds the postings of post `id`, and its phrase signature from its junction
   * keys when given; ids must be given in ascending order.
   */
  addPost(id: number, weights: Map<string, number>, junctions?: Uint32Array): void {
    if (id <= this.lastId) throw new Error(`SegmentBuilder: post ids must ascend (${id} after ${this.lastId})`)
    this.lastId = id
    if (junctions !== undefined) this.signatures.addKeys(id, junctions)
    this.reserve(weights.size)
    for (const [term, weight] of weights) {
      let number = this.termNumbers.get(term)
      if (number === undefined) {
        number = this.terms.length
        this.terms.push(term)
        this.termNumbers.set(term, number)
      }
      this.termOf[this.size] = number
      this.idOf[this.size] = id
      this.weightOf[this.size] = weight
      this.size++
    }
  }

  /** Adds one posting (used when merging segments); ids must ascend per term. */
  addPosting(term: string, id: number, weight: number): void {
    this.reserve(1)
    let number = this.termNumbers.get(term)
    if (number === undefined) {
      number = this.terms.length
      this.terms.push(term)
      this.termNumbers.set(term, number)
    }
    this.termOf[this.size] = number
    this.idOf[this.size] = id
    this.weightOf[this.size] = weight
    this.size++
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
    const termCount = this.terms.length
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
    return { terms: this.terms, termNumbers: this.termNumbers, offsets, ids, weights, signatures: this.signatures.finish(postCount) }
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
