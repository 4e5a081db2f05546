/**
 * A fixed set of 32-bit keys (the common junction keys), asked about once per key
 * of every post while building: open addressing over a typed array, as a `Set` of
 * numbers above 2^30 hashes each one as a heap number.
 */
export class KeySet {
  private readonly slots: Uint32Array
  private readonly hasZero: boolean
  /** How many keys the set holds. */
  readonly size: number

  constructor(keys: Iterable<number>) {
    const distinct = [...new Set(keys)]
    this.size = distinct.length
    let capacity = 16
    while (capacity < distinct.length * 2) capacity *= 2
    this.slots = new Uint32Array(capacity)
    this.hasZero = distinct.includes(0)
    const mask = capacity - 1
    for (const key of distinct) {
      if (key === 0) continue
      let at = Math.imul(key, 0x9e3779b1) >>> 0 & mask
      while (this.slots[at] !== 0) at = (at + 1) & mask
      this.slots[at] = key
    }
  }

  /** True when `key` is in the set. */
  has(key: number): boolean {
    if (key === 0) return this.hasZero
    const mask = this.slots.length - 1
    for (let at = Math.imul(key, 0x9e3779b1) >>> 0 & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at]
      if (slot === key) return true
      if (slot === 0) return false
    }
  }

  /** The keys, ascending. */
  keys(): Uint32Array {
    const keys = new Uint32Array(this.size)
    let at = 0
    if (this.hasZero) keys[at++] = 0
    for (const slot of this.slots) if (slot !== 0) keys[at++] = slot
    return keys.sort()
  }
}
