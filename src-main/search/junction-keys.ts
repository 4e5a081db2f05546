import { scanTokens, type TokenKind } from '../../src-shared/search/tokenize'

/** Code units of each token, on either side of a junction, that its key covers. */
export const JUNCTION_SIDE = 3
/** Neighbouring tokens further apart than this (in code units) form no junction. */
export const MAX_JUNCTION_GAP = 8

/**
 * Collects the junction keys of a text: for every two neighbouring tokens (LaTeX
 * command tokens aside, as their word follows them) at most
 * {@link MAX_JUNCTION_GAP} units apart, a 32-bit hash of the text from the last
 * {@link JUNCTION_SIDE} units of the first to the first {@link JUNCTION_SIDE} of the
 * second, gap included, case folded unit by unit ({@link foldUnit}). Overlapping CJK
 * bigrams give the hash of their three characters. A phrase found in a text gives
 * only keys that text has (see {@link phraseJunctionKeys}), so a post lacking one of
 * them cannot contain the phrase.
 */
export class JunctionCollector {
  // An open-addressing set of keys: thousands per post, so a `Set` and its iterator cost more than the hashing.
  // Keys are kept as signed 32-bit integers, which stay small integers in V8 (unsigned ones above 2^31 do not).
  private slots = new Int32Array(4096)
  // The keys in the order they were added, so reading and clearing them costs per key, not per slot.
  private keys = new Int32Array(4096)
  private count = 0
  private hasZero = false
  private previousStart = -1
  private previousEnd = -1

  constructor(private text: string) {}

  /** Starts over on another text, keeping the memory (see {@link result}). */
  reset(text: string): void {
    this.text = text
    // Clearing a table grown by one huge post would cost more than a fresh one.
    if (this.slots.length > 1 << 15) {
      this.slots = new Int32Array(4096)
      this.keys = new Int32Array(4096)
    } else {
      // Each sweep clears from a key's home slot to the end of its run, which holds the key.
      const mask = this.slots.length - 1
      for (let i = 0; i < this.count; i++) {
        let at = Math.imul(this.keys[i], 0x9e3779b1) & mask
        while (this.slots[at] !== 0) {
          this.slots[at] = 0
          at = (at + 1) & mask
        }
      }
    }
    this.count = 0
    this.hasZero = false
    this.previousStart = -1
    this.previousEnd = -1
  }

  /** Takes the next token of the text, in the order `scanTokens` gives them. */
  add(kind: TokenKind, start: number, end: number): void {
    if (kind !== 'command') this.addSpan(start, end)
  }

  /** Takes the next token of the text that is not a command (see {@link add}). */
  addSpan(start: number, end: number): void {
    if (this.previousStart >= 0 && start - this.previousEnd <= MAX_JUNCTION_GAP) {
      this.insert(junctionHash(this.text, this.previousStart, this.previousEnd, start, end) | 0)
    }
    this.previousStart = start
    this.previousEnd = end
  }

  /** The distinct keys collected, in no particular order. */
  result(): Uint32Array {
    const keys = new Uint32Array(this.count + (this.hasZero ? 1 : 0))
    keys.set(this.keys.subarray(0, this.count))
    return keys
  }

  private insert(key: number): void {
    if (key === 0) {
      this.hasZero = true
      return
    }
    const mask = this.slots.length - 1
    let at = Math.imul(key, 0x9e3779b1) & mask
    while (this.slots[at] !== 0) {
      if (this.slots[at] === key) return
      at = (at + 1) & mask
    }
    this.slots[at] = key
    this.keys[this.count++] = key
    if (this.count * 2 > this.slots.length) this.grow()
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2)
    const bigger = new Int32Array(this.slots.length)
    bigger.set(this.keys)
    this.keys = bigger
    const mask = this.slots.length - 1
    for (let i = 0; i < this.count; i++) {
      let at = Math.imul(this.keys[i], 0x9e3779b1) & mask
      while (this.slots[at] !== 0) at = (at + 1) & mask
      this.slots[at] = this.keys[i]
    }
  }
}

/** The junction keys of a whole text (see {@link JunctionCollector}). */
export function junctionKeys(text: string): Uint32Array {
  const collector = new JunctionCollector(text)
  scanTokens(text, (_, kind, start, end) => collector.add(kind, start, end))
  return collector.result()
}

/**
 * The junction keys every text containing `phrase` (ignoring case, as the literal
 * check compares lowercased texts) is sure to have: those of neighbouring tokens
 * whose covered units are the same in any text around the phrase. A token touching
 * the phrase's start may continue further left in the text (`chain` of `blockchain`),
 * so its side counts only when it is at least {@link JUNCTION_SIDE} units long; the
 * same holds at the end. Overlapping word pieces (runs over 64 characters) are left
 * out, as are phrases with line breaks, surrogate pairs or a combining dot above,
 * where case folding by whole text and by unit could disagree. Deduplicated.
 */
export function phraseJunctionKeys(phrase: string): number[] {
  const lower = phrase.toLowerCase()
  if (hasUnfoldableUnit(lower)) return []
  const tokens: Array<{ kind: TokenKind; start: number; end: number }> = []
  scanTokens(lower, (_, kind, start, end) => { if (kind !== 'command') tokens.push({ kind, start, end }) })
  const keys = new Set<number>()
  for (let i = 1; i < tokens.length; i++) {
    const a = tokens[i - 1]
    const b = tokens[i]
    if (b.start - a.end > MAX_JUNCTION_GAP) continue
    if (a.kind === 'word' && b.kind === 'word' && b.start < a.end) continue
    const isLeftFixed = a.start > 0 || a.end - a.start >= JUNCTION_SIDE || isBigram(a)
    const isRightFixed = b.end < lower.length || b.end - b.start >= JUNCTION_SIDE || isBigram(b)
    if (isLeftFixed && isRightFixed) keys.add(junctionHash(lower, a.start, a.end, b.start, b.end))
  }
  return [...keys]
}

/** Line breaks, surrogates and U+0307 (which `İ` lowercases to, after an `i`). */
function hasUnfoldableUnit(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i)
    if (unit === 10 || unit === 13 || unit === 0x307 || (unit >= 0xd800 && unit <= 0xdfff)) return true
  }
  return false
}

/** A CJK bigram is the same token wherever its two characters occur. */
function isBigram(token: { kind: TokenKind; start: number; end: number }): boolean {
  return token.kind === 'cjk' && token.end - token.start === 2
}

/** FNV-1a over the folded units of `text` from `max(startA, endA - SIDE)` to `min(endB, startB + SIDE)`. */
function junctionHash(text: string, startA: number, endA: number, startB: number, endB: number): number {
  const from = Math.max(startA, endA - JUNCTION_SIDE)
  const to = Math.min(endB, startB + JUNCTION_SIDE)
  let hash = 0x811c9dc5 | 0
  for (let i = from; i < to; i++) {
    const unit = text.charCodeAt(i)
    hash = Math.imul(hash ^ (unit < 0x80 ? (unit >= 65 && unit <= 90 ? unit + 32 : unit) : foldUnit(unit)), 0x01000193)
  }
  return hash >>> 0
}

const foldTable = new Uint16Array(0x10000)

/**
 * A UTF-16 unit in lower case, as `toLowerCase` turns it within a text: `ς` reads
 * as `σ` (which of the two a capital sigma becomes depends on its neighbours), and
 * `İ`, whose lower case is two units, as `i`.
 */
export function foldUnit(unit: number): number {
  let folded = foldTable[unit]
  if (folded === 0 && unit !== 0) {
    folded = unit < 0x80 ? (unit >= 65 && unit <= 90 ? unit + 32 : unit) : String.fromCharCode(unit).toLowerCase().charCodeAt(0)
    if (folded === 0x3c2) folded = 0x3c3
    foldTable[unit] = folded
  }
  return folded
}
