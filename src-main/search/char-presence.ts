import { CJK, classifyCodePoint } from '../../src-shared/search/char-class'
import { MAX_BODY_COUNT } from './term-weight'

/**
 * Marks which characters a post's terms contain, as one pseudo-term per character
 * (`\u0001x`, `\u0001熵`), for the queries that would otherwise union thousands of
 * postings lists: a one-letter query word such as the `R` of `\mathbb{R}` must match
 * every word containing that letter, and a lone Chinese character such as `的` every
 * bigram containing it (181 bigrams and half a million postings in the benchmark
 * corpus). A presence term answers either with one list of at most one entry per post.
 */
export const PRESENCE_PREFIX = '\u0001'

/**
 * The presence term of a one-character query token: an ASCII letter or digit of a
 * word, or a Han, kana, Hangul or Bopomofo character; null for any other.
 */
export function presenceTerm(char: string): string | null {
  if (/^[a-z0-9]$/.test(char)) return PRESENCE_PREFIX + char
  const code = char.codePointAt(0)
  if (code === undefined || char.length !== (code >= 0x10000 ? 2 : 1)) return null
  return classifyCodePoint(code) === CJK ? PRESENCE_PREFIX + char : null
}

/**
 * Adds the presence terms of `weights` (a post's terms and their packed weights):
 * weight 1 for each ASCII letter or digit found in its words, and for each CJK
 * character of its bigrams and lone characters the highest body count and every
 * title or tag bit among the terms containing it, so a lone character still ranks
 * title matches first.
 */
export function addPresenceTerms(weights: Map<string, number>): void {
  let letters = 0
  let digits = 0
  const characters = sharedCharacterWeights
  for (const [term, weight] of weights) {
    const first = term.charCodeAt(0)
    if (first >= 0x80 && classifyCodePoint(term.codePointAt(0) as number) === CJK) {
      for (let i = 0; i < term.length; i++) {
        const code = term.codePointAt(i) as number
        if (code >= 0x10000) i++
        characters.add(code, weight)
      }
      continue
    }
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i)
      if (code >= 97 && code <= 122) letters |= 1 << (code - 97)
      else if (code >= 48 && code <= 57) digits |= 1 << (code - 48)
      else if (code === 0x5c && i === 0) break
    }
  }
  for (let bit = 0; bit < 26; bit++) if ((letters & (1 << bit)) !== 0) weights.set(PRESENCE_PREFIX + String.fromCharCode(97 + bit), 1)
  for (let bit = 0; bit < 10; bit++) if ((digits & (1 << bit)) !== 0) weights.set(PRESENCE_PREFIX + String.fromCharCode(48 + bit), 1)
  characters.drain((code, weight) => weights.set(PRESENCE_PREFIX + String.fromCodePoint(code), weight))
}

/**
 * The presence weights of a post's CJK characters as {@link addPresenceTerms}
 * merges them: per character, the highest body count and every title or tag bit
 * among the terms containing it. Reused from post to post.
 */
export class CharacterWeights {
  // Per BMP character, its merged weight plus one (0: not seen); cleared by `drain`.
  private readonly seen = new Uint16Array(0x10000)
  private readonly order: number[] = []
  private astral: Map<number, number> | null = null

  /** Counts character `code` in a term of packed weight `weight`. */
  add(code: number, weight: number): void {
    const { seen } = this
    if (code >= 0x10000) {
      this.astral ??= new Map()
      this.astral.set(code, mergeWeights(this.astral.get(code) ?? 0, weight))
    } else if (seen[code] === 0) {
      seen[code] = weight + 1
      this.order.push(code)
    } else {
      seen[code] = mergeWeights(seen[code] - 1, weight) + 1
    }
  }

  /**
   * Hands each character counted and its merged weight to `sink`: those of the
   * Basic Multilingual Plane in the order first counted, then the others. Then
   * starts over.
   */
  drain(sink: (code: number, weight: number) => void): void {
    for (const code of this.order) {
      sink(code, this.seen[code] - 1)
      this.seen[code] = 0
    }
    this.order.length = 0
    const astral = this.astral
    this.astral = null
    if (astral !== null) for (const [code, weight] of astral) sink(code, weight)
  }
}

const sharedCharacterWeights = new CharacterWeights()

/** The higher body count of two packed weights, with the field bits of both. */
function mergeWeights(a: number, b: number): number {
  return Math.max(a & MAX_BODY_COUNT, b & MAX_BODY_COUNT) | ((a | b) & ~MAX_BODY_COUNT)
}
