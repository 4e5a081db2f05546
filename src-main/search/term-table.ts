const INITIAL_SLOTS = 1 << 14
const FNV_OFFSET = 0x811c9dc5 | 0
const FNV_PRIME = 0x01000193

/**
 * Numbers terms in the order they are first interned, looking them up by the
 * UTF-16 units of a span of some text, so indexing makes a string only for a term
 * it has never seen (ten thousand posts hold some 28 million tokens but a few
 * thousand distinct terms). Open addressing over FNV-1a hashes of the units; pairs
 * of units (CJK bigrams) have a table of their own keyed by the pair itself.
 */
export class TermTable {
  /** Every term, by number. */
  readonly terms: string[] = []
  private hashes = new Int32Array(1024)
  private slots = new Int32Array(INITIAL_SLOTS).fill(-1)
  private pairKeys = new Int32Array(INITIAL_SLOTS)
  private pairNumbers = new Int32Array(INITIAL_SLOTS).fill(-1)
  private pairCount = 0

  /** The number of the term `text[start … end)`, added if new. */
  internRaw(text: string, start: number, end: number): number {
    if (end - start === 2) return this.internPair(text.charCodeAt(start), text.charCodeAt(start + 1))
    let hash = FNV_OFFSET
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), FNV_PRIME)
    const found = this.find(hash, text, start, end, 0, false)
    return found !== -1 ? found : this.add(text.slice(start, end), hash)
  }

  /**
   * The number of the term `text[start … end)` lowercased (ASCII only), added if
   * new; with `isCommand`, of `\` and the span after its first unit (`\alpha` for
   * `\Alpha` or `＼alpha`).
   */
  internLowered(text: string, start: number, end: number, isCommand: boolean): number {
    const from = isCommand ? start + 1 : start
    if (end - from + (isCommand ? 1 : 0) === 2) {
      const last = lowered(text.charCodeAt(end - 1))
      return this.internPair(isCommand ? 0x5c : lowered(text.charCodeAt(start)), last)
    }
    let hash = FNV_OFFSET
    if (isCommand) hash = Math.imul(hash ^ 0x5c, FNV_PRIME)
    for (let i = from; i < end; i++) hash = Math.imul(hash ^ lowered(text.charCodeAt(i)), FNV_PRIME)
    const found = this.find(hash, text, from, end, isCommand ? 1 : 0, true)
    if (found !== -1) return found
    const term = text.slice(from, end).toLowerCase()
    return this.add(isCommand ? `\\${term}` : term, hash)
  }

  /** The number of `term`, added if new. */
  intern(term: string): number {
    return this.internRaw(term, 0, term.length)
  }

  /**
   * The number of the term with `hash` that reads as `text[from … end)` after its
   * first `skip` units (lowercased when `isLowered`), or -1.
   */
  private find(hash: number, text: string, from: number, end: number, skip: number, isLowered: boolean): number {
    const mask = this.slots.length - 1
    const length = end - from + skip
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const number = this.slots[at]
      if (number === -1) return -1
      if (this.hashes[number] !== hash) continue
      const term = this.terms[number]
      if (term.length !== length) continue
      let i = from
      while (i < end && term.charCodeAt(i - from + skip) === (isLowered ? lowered(text.charCodeAt(i)) : text.charCodeAt(i))) i++
      if (i === end) return number
    }
  }

  /** The number of the two-unit term `first second`, added if new. */
  private internPair(first: number, second: number): number {
    const key = (first << 16) | second
    const mask = this.pairKeys.length - 1
    let at = pairSlot(key, mask)
    for (; this.pairNumbers[at] !== -1; at = (at + 1) & mask) {
      if (this.pairKeys[at] === key) return this.pairNumbers[at]
    }
    const number = this.add(String.fromCharCode(first, second), 0)
    this.pairKeys[at] = key
    this.pairNumbers[at] = number
    if (++this.pairCount * 2 > this.pairKeys.length) this.growPairs()
    return number
  }

  private add(term: string, hash: number): number {
    const number = this.terms.length
    this.terms.push(term)
    if (number === this.hashes.length) {
      const bigger = new Int32Array(number * 2)
      bigger.set(this.hashes)
      this.hashes = bigger
    }
    this.hashes[number] = hash
    // Pairs are found through their own table only.
    if (term.length === 2) return number
    if ((number + 1) * 2 > this.slots.length) this.rehash()
    else this.place(number)
    return number
  }

  private place(number: number): void {
    const mask = this.slots.length - 1
    let at = this.hashes[number] & mask
    while (this.slots[at] !== -1) at = (at + 1) & mask
    this.slots[at] = number
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(-1)
    for (let number = 0; number < this.terms.length; number++) if (this.terms[number].length !== 2) this.place(number)
  }

  private growPairs(): void {
    const keys = this.pairKeys
    const numbers = this.pairNumbers
    this.pairKeys = new Int32Array(keys.length * 2)
    this.pairNumbers = new Int32Array(keys.length * 2).fill(-1)
    const mask = this.pairKeys.length - 1
    for (let i = 0; i < keys.length; i++) {
      if (numbers[i] === -1) continue
      let at = pairSlot(keys[i], mask)
      while (this.pairNumbers[at] !== -1) at = (at + 1) & mask
      this.pairKeys[at] = keys[i]
      this.pairNumbers[at] = numbers[i]
    }
  }
}

/** Where the probe for the pair `key` starts in a table of `mask + 1` slots. */
function pairSlot(key: number, mask: number): number {
  const hash = Math.imul(key, 0x9e3779b1)
  return (hash ^ (hash >>> 16)) & mask
}

/** An ASCII capital as its small letter; any other unit as it is. */
function lowered(unit: number): number {
  return unit >= 65 && unit <= 90 ? unit + 32 : unit
}
