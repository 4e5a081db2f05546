/**
 * Remembers, per set of literals (quoted phrases, `$$`), which posts were found to
 * contain them, so paging, retyping or repeating a phrase query does not read the
 * same files again. Results hold only while the index is unchanged: the owner calls
 * {@link clear} whenever a post is indexed, re-indexed or removed. A file that could
 * not be read is never remembered. Bounded to the {@link capacity} most recently
 * used literal sets (each at most one boolean per post).
 */
export class LiteralCache {
  private readonly entries = new Map<string, Map<string, boolean>>()

  constructor(readonly capacity = 8) {}

  /** The results for `literals` (created empty on first use), most recently used last. */
  resultsFor(literals: readonly string[]): Map<string, boolean> | null {
    if (this.capacity <= 0) return null
    const key = [...literals].sort().join('\u0000')
    let results = this.entries.get(key)
    if (results === undefined) {
      results = new Map()
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
