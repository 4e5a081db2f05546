/** How many of Lemma's own recent writes are remembered per file. */
const MAX_PENDING_PER_PATH = 8

/**
 * The content hashes Lemma itself just wrote, per vault-relative path, so that the
 * watcher can tell its own saves from other programs' changes without guessing
 * with timers (the mistake that makes Zettlr and MarkText report their own saves).
 *
 * {@link expect} is called before a write with the hash of the bytes about to be
 * written; when the watcher then reads a file whose hash is expected, {@link consume}
 * says so and forgets that hash together with every older one for the path (a
 * later write supersedes them). A failed write is withdrawn with {@link withdraw}.
 */
export class OwnWrites {
  private readonly pending = new Map<string, string[]>()

  /** Records that Lemma is about to write bytes hashing to `hash` at `path`. */
  expect(path: string, hash: string): void {
    const hashes = this.pending.get(path) ?? []
    hashes.push(hash)
    if (hashes.length > MAX_PENDING_PER_PATH) hashes.shift()
    this.pending.set(path, hashes)
  }

  /** Forgets an expectation whose write did not happen. */
  withdraw(path: string, hash: string): void {
    const hashes = this.pending.get(path)
    if (!hashes) return
    const at = hashes.lastIndexOf(hash)
    if (at !== -1) hashes.splice(at, 1)
    if (hashes.length === 0) this.pending.delete(path)
  }

  /**
   * True when `hash`, just read from `path`, is one of Lemma's own pending writes;
   * that write and every earlier one for the path are then forgotten.
   */
  consume(path: string, hash: string): boolean {
    const hashes = this.pending.get(path)
    if (!hashes) return false
    const at = hashes.indexOf(hash)
    if (at === -1) return false
    hashes.splice(0, at + 1)
    if (hashes.length === 0) this.pending.delete(path)
    return true
  }

  /** Moves pending expectations when Lemma renames a file. */
  rename(from: string, to: string): void {
    const hashes = this.pending.get(from)
    if (!hashes) return
    this.pending.delete(from)
    this.pending.set(to, hashes)
  }

  /** Whether any write to `path` is still expected. */
  isPending(path: string): boolean {
    return this.pending.has(path)
  }
}
