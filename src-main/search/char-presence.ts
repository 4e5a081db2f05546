/**
 * Marks which letters and digits a post's words contain, as one pseudo-term per
 * ASCII letter or digit (`\u0001x`). A one-letter query word such as the `R` of
 * `\mathbb{R}` must match every word containing that letter; expanding it over
 * the vocabulary would union the postings of thousands of words, while this
 * presence term answers it with one list of at most one entry per post.
 */
export const PRESENCE_PREFIX = '\u0001'

/** The presence term of a one-character query word, or null when it is not an ASCII letter or digit. */
export function presenceTerm(char: string): string | null {
  return /^[a-z0-9]$/.test(char) ? PRESENCE_PREFIX + char : null
}

/** Adds a presence term (weight 1) for each ASCII letter or digit found in the words of `weights`. */
export function addPresenceTerms(weights: Map<string, number>): void {
  let letters = 0
  let digits = 0
  for (const term of weights.keys()) {
    for (let i = 0; i < term.length; i++) {
      const code = term.charCodeAt(i)
      if (code >= 97 && code <= 122) letters |= 1 << (code - 97)
      else if (code >= 48 && code <= 57) digits |= 1 << (code - 48)
      else if (code === 0x5c && i === 0) break
    }
  }
  for (let bit = 0; bit < 26; bit++) if ((letters & (1 << bit)) !== 0) weights.set(PRESENCE_PREFIX + String.fromCharCode(97 + bit), 1)
  for (let bit = 0; bit < 10; bit++) if ((digits & (1 << bit)) !== 0) weights.set(PRESENCE_PREFIX + String.fromCharCode(48 + bit), 1)
}
