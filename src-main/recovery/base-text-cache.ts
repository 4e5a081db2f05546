/**
 * Texts of versions recently read or saved, by content hash, so that a conflict can
 * be merged three ways against the version the editor started from. Least recently
 * used texts go first once the cache holds `maxChars` characters in all.
 */
export class BaseTextCache {
  private readonly texts = new Map<string, string>()
  private chars = 0

  constructor(private readonly maxChars = 64 * 1024 * 1024) {}

  /** Remembers `text` as the version hashing to `hash`. */
  set(hash: string, text: string): void {
    const previous = this.texts.get(hash)
    if (previous !== undefined) {
      this.texts.delete(hash)
      this.chars -= previous.length
    }
    if (text.length > this.maxChars) return
    this.texts.set(hash, text)
    this.chars += text.length
    for (const [oldest, oldText] of this.texts) {
      if (this.chars <= this.maxChars) break
      this.texts.delete(oldest)
      this.chars -= oldText.length
    }
  }

  /** The text of the version hashing to `hash`, if still remembered. */
  get(hash: string): string | undefined {
    const text = this.texts.get(hash)
    if (text !== undefined) {
      this.texts.delete(hash)
      this.texts.set(hash, text)
    }
    return text
  }
}
