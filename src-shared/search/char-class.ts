/** A character that separates tokens (space, punctuation, symbols). */
export const SEPARATOR = 0
/** A letter, digit or combining mark of a script written with spaces (Latin, Greek, Cyrillic...). */
export const WORD = 1
/** A character of a script written without spaces (Han, kana, Hangul, Bopomofo): indexed as bigrams. */
export const CJK = 2
/** `\` or the full-width `＼`: starts a LaTeX command when letters follow. */
export const BACKSLASH = 3

/** One of {@link SEPARATOR}, {@link WORD}, {@link CJK}, {@link BACKSLASH}. */
export type CharClass = typeof SEPARATOR | typeof WORD | typeof CJK | typeof BACKSLASH

const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u
const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]$/u

/** Marks a table entry not classified yet. */
export const UNKNOWN = 255

let bmpTable: Uint8Array | null = null

/**
 * The class of every Basic Multilingual Plane code unit, filled lazily: ASCII up
 * front, any other character the first time {@link classifyCodePoint} sees it, so
 * the tokenizer reads a byte per character instead of running a Unicode regular
 * expression, and start-up does not pay for 65,536 of them. Entries not yet known
 * hold {@link UNKNOWN}; surrogates are {@link SEPARATOR} (pairs are classified whole).
 */
export function charClassTable(): Uint8Array {
  if (bmpTable !== null) return bmpTable
  const table = new Uint8Array(0x10000).fill(UNKNOWN)
  for (let c = 0; c < 0x80; c++) {
    table[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? WORD : SEPARATOR
  }
  table[0x5c] = BACKSLASH
  table[0xff3c] = BACKSLASH
  table.fill(SEPARATOR, 0xd800, 0xe000)
  bmpTable = table
  return table
}

/** The class of any code point (the BMP through the table, other planes by regular expression). */
export function classifyCodePoint(codePoint: number): CharClass {
  if (codePoint >= 0x10000) return classifySlow(codePoint)
  const table = charClassTable()
  let known = table[codePoint]
  if (known === UNKNOWN) known = table[codePoint] = classifySlow(codePoint)
  return known as CharClass
}

function classifySlow(codePoint: number): CharClass {
  const char = String.fromCodePoint(codePoint)
  if (!WORD_CHAR.test(char)) return SEPARATOR
  return CJK_CHAR.test(char) ? CJK : WORD
}
