/**
 * A map that keeps at most `capacity` entries and forgets the least recently used
 * one first. `get` counts as a use. Used for formula HTML and rendered blocks, whose
 * working set is one open post.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>()

  constructor(public capacity: number) {}

  /** The value under `key`, marking it as the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const value = this.entries.get(key)
    if (value === undefined) return undefined
    this.entries.delete(key)
    this.entries.set(key, value)
    return value
  }

  /** Stores `value` as the most recently used entry, evicting the oldest beyond capacity. */
  set(key: K, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, value)
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as K
      this.entries.delete(oldest)
    }
  }

  /** How many entries are held. */
  get size(): number {
    return this.entries.size
  }

  /** Forgets every entry. */
  clear(): void {
    this.entries.clear()
  }
}
