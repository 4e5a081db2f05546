/**
 * Measures text the way a line of it looks: characters of East Asian scripts and
 * full-width forms take two columns, the rest one, so a budget of columns keeps
 * about as much of a Chinese line as of an English one. Walks by code point, so a
 * surrogate pair is never split.
 */

const WIDE = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u

/** Whether `char` (one code point, or the start of a string) takes two columns. */
export function isWide(char: string): boolean {
  return WIDE.test(char)
}

/** The columns `text` takes. */
export function columnsOf(text: string): number {
  let columns = 0
  for (const char of text) columns += isWide(char) ? 2 : 1
  return columns
}

/** The index `text` reaches from `from` forward within `columns` columns (never past its end). */
export function indexAfterColumns(text: string, from: number, columns: number): number {
  let at = from
  let left = columns
  while (at < text.length) {
    const char = String.fromCodePoint(text.codePointAt(at)!)
    left -= isWide(char) ? 2 : 1
    if (left < 0) break
    at += char.length
  }
  return at
}

/** The index `text` reaches from `to` backward within `columns` columns (never before its start). */
export function indexBeforeColumns(text: string, to: number, columns: number): number {
  let at = to
  let left = columns
  while (at > 0) {
    const isPair = at >= 2 && isLowSurrogate(text.charCodeAt(at - 1)) && isHighSurrogate(text.charCodeAt(at - 2))
    const char = text.slice(at - (isPair ? 2 : 1), at)
    left -= isWide(char) ? 2 : 1
    if (left < 0) break
    at -= char.length
  }
  return at
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
