import { CJK, classifyCodePoint } from '../../src-shared/search/char-class'
import { COMMAND_SPAN, CJK_SPAN, foldWord, scanTokenSpans, type SpanSink } from '../../src-shared/search/tokenize'
import type { SearchablePost } from './analyze-post'
import { CharacterWeights, PRESENCE_PREFIX } from './char-presence'
import { JunctionCollector } from './junction-keys'
import { MAX_BODY_COUNT, withFieldBits } from './term-weight'
import { TermTable } from './term-table'

/**
 * A post as {@link PostAnalyzer} reduces it: the same terms, weights, length and
 * junction keys as `analyzePost`, with terms given by their number in the
 * analyzer's {@link TermTable}. `terms` and `weights` are views of buffers the next
 * call reuses.
 */
export interface NumberedPost {
  /** The post's distinct terms, in the order `analyzePost` lists them. */
  terms: Uint32Array
  /** The packed weight of each of `terms`. */
  weights: Uint8Array
  length: number
  junctions: Uint32Array
}

/** What a term adds to a post's presence terms (see `addPresenceTerms`), worked out once per term. */
const UNKNOWN = 0
const LETTERS = 1
const CHARACTERS = 2

/**
 * `analyzePost` for building a whole index: the same result, but each token's
 * term is looked up by its span in a {@link TermTable} instead of being sliced,
 * lowercased and hashed as a new string, per-post weights live in an array by
 * term number instead of a `Map`, and what each term contributes to the presence
 * terms is worked out once per term instead of once per post. About twice as
 * fast; `build-search-index.test.ts` holds it to `analyzePost`.
 */
export class PostAnalyzer {
  private weightOf = new Uint8Array(4096)
  private touched = new Uint32Array(1024)
  private weights = new Uint8Array(1024)
  private count = 0
  private length = 0
  private text = ''
  private fieldBits = 0
  private readonly junctions = new JunctionCollector('')
  private presenceKind = new Uint8Array(4096)
  private letterMasks = new Uint32Array(4096)
  private digitMasks = new Uint16Array(4096)
  // The code points of each CJK term, `characterPool[characterStarts[t] … + characterCounts[t])`.
  private characterStarts = new Int32Array(4096)
  private characterCounts = new Uint8Array(4096)
  private characterPool = new Int32Array(4096)
  private poolSize = 0
  private readonly letterTerms = new Int32Array(36).fill(-1)
  private readonly characterTerms = new Int32Array(0x10000).fill(-1)
  private readonly characters = new CharacterWeights()

  /** `table` numbers the terms; share it with the `SegmentBuilder` the posts go to. */
  constructor(readonly table: TermTable = new TermTable()) {}

  /** Reduces one post; what it returns is valid until the next call. */
  analyze(post: SearchablePost): NumberedPost {
    this.count = 0
    this.length = 0
    this.text = post.text
    this.junctions.reset(post.text)
    scanTokenSpans(post.text, this.bodySink)
    this.fieldBits = withFieldBits(0, true, false)
    this.mark(post.title)
    this.fieldBits = withFieldBits(0, false, true)
    for (const tag of post.tags) this.mark(tag)
    for (const path of post.categories) for (const name of path) this.mark(name)
    this.addPresenceTerms()
    const { touched, weightOf } = this
    if (this.weights.length < this.count) this.weights = new Uint8Array(touched.length)
    for (let i = 0; i < this.count; i++) {
      this.weights[i] = weightOf[touched[i]]
      weightOf[touched[i]] = 0
    }
    this.text = ''
    return { terms: touched.subarray(0, this.count), weights: this.weights.subarray(0, this.count), length: this.length, junctions: this.junctions.result() }
  }

  private readonly bodySink: SpanSink = (kind, start, end, isAscii) => {
    const number = this.termOf(this.text, kind, start, end, isAscii)
    if (kind !== COMMAND_SPAN) this.junctions.addSpan(start, end)
    this.length++
    const weight = this.weightOf[number]
    if (weight === 0) this.touch(number, 1)
    else if (weight < MAX_BODY_COUNT) this.weightOf[number] = weight + 1
  }

  private readonly fieldSink: SpanSink = (kind, start, end, isAscii) => {
    const number = this.termOf(this.text, kind, start, end, isAscii)
    const weight = this.weightOf[number]
    if (weight === 0) this.touch(number, this.fieldBits)
    else this.weightOf[number] = weight | this.fieldBits
  }

  private mark(text: string): void {
    this.text = text
    scanTokenSpans(text, this.fieldSink)
  }

  private termOf(text: string, kind: number, start: number, end: number, isAscii: boolean): number {
    let number: number
    if (kind === CJK_SPAN) number = this.table.internRaw(text, start, end)
    else if (isAscii) number = this.table.internLowered(text, start, end, kind === COMMAND_SPAN)
    else number = this.table.intern(foldWord(text.slice(start, end)))
    if (number >= this.weightOf.length) this.growTermArrays(number)
    return number
  }

  private touch(number: number, weight: number): void {
    if (this.count === this.touched.length) {
      const bigger = new Uint32Array(this.touched.length * 2)
      bigger.set(this.touched)
      this.touched = bigger
    }
    this.touched[this.count++] = number
    this.weightOf[number] = weight
  }

  /** `addPresenceTerms` over the touched terms, appending the presence terms in the same order. */
  private addPresenceTerms(): void {
    let letters = 0
    let digits = 0
    const termCount = this.count
    for (let i = 0; i < termCount; i++) {
      const number = this.touched[i]
      if (this.presenceKind[number] === UNKNOWN) this.describe(number)
      if (this.presenceKind[number] === LETTERS) {
        letters |= this.letterMasks[number]
        digits |= this.digitMasks[number]
        continue
      }
      const weight = this.weightOf[number]
      const from = this.characterStarts[number]
      const to = from + this.characterCounts[number]
      for (let c = from; c < to; c++) this.characters.add(this.characterPool[c], weight)
    }
    for (let bit = 0; bit < 26; bit++) if ((letters & (1 << bit)) !== 0) this.touchLetter(bit, 97 + bit)
    for (let bit = 0; bit < 10; bit++) if ((digits & (1 << bit)) !== 0) this.touchLetter(26 + bit, 48 + bit)
    this.characters.drain(this.characterSink)
  }

  private readonly characterSink = (code: number, weight: number): void => {
    if (code >= 0x10000) {
      this.setPresence(this.presenceNumber(PRESENCE_PREFIX + String.fromCodePoint(code)), weight)
      return
    }
    if (this.characterTerms[code] === -1) this.characterTerms[code] = this.presenceNumber(PRESENCE_PREFIX + String.fromCharCode(code))
    this.setPresence(this.characterTerms[code], weight)
  }

  /** Adds the presence term of an ASCII letter or digit, slot `slot` of `letterTerms`, with weight 1. */
  private touchLetter(slot: number, code: number): void {
    if (this.letterTerms[slot] === -1) this.letterTerms[slot] = this.presenceNumber(PRESENCE_PREFIX + String.fromCharCode(code))
    this.setPresence(this.letterTerms[slot], 1)
  }

  /**
   * Sets a presence term's weight, as `Map.set` does in `addPresenceTerms`: a term
   * already set keeps its place. (A word that NFKC turns into one starting with a
   * CJK character, such as `㊀abc`, gives its letters both ways.)
   */
  private setPresence(number: number, weight: number): void {
    if (this.weightOf[number] === 0) this.touch(number, weight)
    else this.weightOf[number] = weight
  }

  private presenceNumber(term: string): number {
    const number = this.table.intern(term)
    if (number >= this.weightOf.length) this.growTermArrays(number)
    return number
  }

  /** Works out what term `number` adds to presence terms: its ASCII letters and digits, or its CJK characters. */
  private describe(number: number): void {
    const term = this.table.terms[number]
    const first = term.charCodeAt(0)
    if (first >= 0x80 && classifyCodePoint(term.codePointAt(0) as number) === CJK) {
      if (this.poolSize + term.length > this.characterPool.length) this.characterPool = grown(this.characterPool, new Int32Array((this.poolSize + term.length) * 2))
      this.characterStarts[number] = this.poolSize
      for (let i = 0; i < term.length; i++) {
        const code = term.codePointAt(i) as number
        if (code >= 0x10000) i++
        this.characterPool[this.poolSize++] = code
      }
      this.characterCounts[number] = this.poolSize - this.characterStarts[number]
      this.presenceKind[number] = CHARACTERS
      return
    }
    let letters = 0
    let digits = 0
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i)
      if (code >= 97 && code <= 122) letters |= 1 << (code - 97)
      else if (code >= 48 && code <= 57) digits |= 1 << (code - 48)
      else if (code === 0x5c && i === 0) break
    }
    this.letterMasks[number] = letters
    this.digitMasks[number] = digits
    this.presenceKind[number] = LETTERS
  }

  private growTermArrays(number: number): void {
    let capacity = this.weightOf.length
    while (capacity <= number) capacity *= 2
    this.weightOf = grown(this.weightOf, new Uint8Array(capacity))
    this.presenceKind = grown(this.presenceKind, new Uint8Array(capacity))
    this.letterMasks = grown(this.letterMasks, new Uint32Array(capacity))
    this.digitMasks = grown(this.digitMasks, new Uint16Array(capacity))
    this.characterStarts = grown(this.characterStarts, new Int32Array(capacity))
    this.characterCounts = grown(this.characterCounts, new Uint8Array(capacity))
  }
}

function grown<T extends Uint8Array | Uint16Array | Uint32Array | Int32Array>(from: T, to: T): T {
  to.set(from)
  return to
}
