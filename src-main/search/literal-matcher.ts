/** The UTF-8 of the two characters whose lower case is ASCII: the Kelvin sign `K` and `İ`. */
const ASCII_LOWERING = [Buffer.from('\u212a', 'utf8'), Buffer.from('\u0130', 'utf8')]

/** How one literal is looked for in a file's bytes. */
interface Literal {
  text: string
  bytes: Buffer
  /** No character of it has case (Chinese, digits, symbols): the bytes say all. */
  isUncased: boolean
  /** Its only cased characters are ASCII letters: bytes folded to lower case say all. */
  isAsciiCased: boolean
  /** Where in {@link bytes} its longest run of bytes that are not ASCII letters starts, and its length. */
  anchorAt: number
  anchorLength: number
}

/**
 * Decides whether a file contains every literal of a set (quoted phrases, `$$`),
 * the way the search promises: its lowercased text contains each lowercased
 * literal. Works on the file's bytes whenever that gives the same answer: a literal
 * without cased characters is looked for as is; one whose cased characters are all
 * ASCII letters is found by folding ASCII letters, unless the file has one of the
 * two characters that lower-case to ASCII; only the rest decode and lowercase the
 * whole file, which costs some ten times more.
 */
export class LiteralMatcher {
  private readonly literals: Literal[]

  /** `literals` in lower case. */
  constructor(literals: readonly string[]) {
    this.literals = literals.map((text) => {
      const bytes = Buffer.from(text, 'utf8')
      const [anchorAt, anchorLength] = longestNonLetterRun(bytes)
      return { text, bytes, isUncased: text.toUpperCase() === text, isAsciiCased: isAsciiCased(text), anchorAt, anchorLength }
    })
  }

  /** True when the file whose bytes are `bytes` contains every literal, ignoring case. */
  matches(bytes: Buffer): boolean {
    let lower: string | null = null
    let hasAsciiLowering: boolean | null = null
    for (const literal of this.literals) {
      // Most occurrences are written as typed, in lower case: found without any folding.
      if (bytes.includes(literal.bytes)) continue
      if (literal.isUncased) return false
      if (literal.isAsciiCased) {
        hasAsciiLowering ??= ASCII_LOWERING.some((sequence) => bytes.includes(sequence))
        if (!hasAsciiLowering) {
          if (!includesFoldingAscii(bytes, literal)) return false
          continue
        }
      }
      lower ??= bytes.toString('utf8').toLowerCase()
      if (!lower.includes(literal.text)) return false
    }
    return true
  }
}

/** Whether every cased character of `text` (already in lower case) is an ASCII letter. */
function isAsciiCased(text: string): boolean {
  for (const char of text) {
    if (char.charCodeAt(0) < 0x80) continue
    if (char.toUpperCase() !== char) return false
  }
  return true
}

/** The longest run of `bytes` without ASCII letters, as `[start, length]`. */
function longestNonLetterRun(bytes: Uint8Array): [number, number] {
  let best: [number, number] = [0, 0]
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && !isAsciiLetter(bytes[i])) continue
    if (i - start > best[1]) best = [start, i - start]
    start = i + 1
  }
  return best
}

/**
 * Whether `bytes` contain the literal with ASCII letters of either case: at each
 * occurrence of its anchor (found natively), or at each position when it is all
 * letters. UTF-8 never puts ASCII bytes inside a longer character, so folding
 * bytes `A`–`Z` folds exactly the ASCII letters.
 */
function includesFoldingAscii(bytes: Buffer, literal: Literal): boolean {
  const needle = literal.bytes
  const last = bytes.length - needle.length
  if (literal.anchorLength === 0) {
    for (let start = 0; start <= last; start++) if (equalsFoldingAscii(bytes, start, needle)) return true
    return false
  }
  const anchor = needle.subarray(literal.anchorAt, literal.anchorAt + literal.anchorLength)
  for (let at = bytes.indexOf(anchor, literal.anchorAt); at !== -1; at = bytes.indexOf(anchor, at + 1)) {
    const start = at - literal.anchorAt
    if (start > last) return false
    if (equalsFoldingAscii(bytes, start, needle)) return true
  }
  return false
}

function equalsFoldingAscii(bytes: Uint8Array, start: number, needle: Uint8Array): boolean {
  for (let i = 0; i < needle.length; i++) {
    const byte = bytes[start + i]
    if ((byte >= 65 && byte <= 90 ? byte + 32 : byte) !== needle[i]) return false
  }
  return true
}

function isAsciiLetter(byte: number): boolean {
  return (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
}
