/** A post's entry in {@link LiteralResults}: not checked yet. */
export const UNCHECKED = 0
/** The post contains every literal of the set. */
export const CONTAINS = 1
/** The post lacks at least one literal of the set. */
export const LACKS = 2

/**
 * What is known about one set of literals, by post number: {@link UNCHECKED},
 * {@link CONTAINS} or {@link LACKS}. Grows on demand; entries past its length are unchecked.
 */
export class LiteralResults {
  private states = new Uint8Array(0)

  /** The state of post `id`. */
  get(id: number): number {
    return id < this.states.length ? this.states[id] : UNCHECKED
  }

  /** Records the state of post `id`. */
  set(id: number, state: number): void {
    if (id >= this.states.length) {
      const bigger = new Uint8Array(Math.max(1024, id * 2))
      bigger.set(this.states)
      this.states = bigger
    }
    this.states[id] = state
  }
}

/**
 * Remembers, per set of literals (quoted phrases, `$$`), which posts were found to
 * contain them, so paging, retyping or repeating a phrase query does not read the
 * same files again. Results are kept by post number, so they hold only for one
 * generation of the index (see `InvertedIndex.generation`): asking with another
 * generation forgets everything, and so does {@link clear}. A file that could not
 * be read is never remembered. Bounded to the {@link capacity} most recently used
 * literal sets (each at most one byte per post).
 */
export class LiteralCache {
  private readonly entries = new Map<string, LiteralResults>()
  private generation = -1

  constructor(readonly capacity = 8) {}

  /**
   * The results for `literals` under index generation `generation` (created empty
   * on first use), most recently used last; null when the cache is off.
   */
  resultsFor(literals: readonly string[], generation: number): LiteralResults | null {
    if (this.capacity <= 0) return null
    if (generation !== this.generation) {
      this.entries.clear()
      this.generation = generation
    }
    const key = [...literals].sort().join('\u0000')
    let results = this.entries.get(key)
    if (results === undefined) {
      results = new LiteralResults()
      if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as string)
    } else {
      this.entries.delete(key)
    }
    this.entries.set(key, results)
    return results
  }

  /** Forgets everything (the index changed). */
  clear(): void {
    this.entries.clear()
  }

  /** Literal sets remembered. */
  get size(): number {
    return this.entries.size
  }
}
