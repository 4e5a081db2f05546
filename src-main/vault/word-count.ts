const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u

/**
 * Counts words the way Chinese and English writers expect: each CJK ideograph,
 * kana or hangul syllable is one word, and each whitespace-separated run of other
 * characters is one word if it holds a letter or digit (so `math,` counts and a
 * lone `-` or `，` does not). `我爱 math and 数学` has 6 words. One pass, no
 * allocation per character.
 */
export function countWords(text: string): number {
  let count = 0
  let inRun = false
  let runHasLetter = false
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (isCjkUnit(code, text, i)) {
      if (runHasLetter) count++
      count++
      inRun = false
      runHasLetter = false
      if (code >= 0xd800 && code <= 0xdbff) i++
      continue
    }
    if (isWhitespace(code)) {
      if (runHasLetter) count++
      inRun = false
      runHasLetter = false
      continue
    }
    inRun = true
    if (!runHasLetter) runHasLetter = isLetterOrDigit(code, text[i])
  }
  if (inRun && runHasLetter) count++
  return count
}

/**
 * {@link countWords} of the text that `bytes[start, end)` decodes to, read straight
 * from the UTF-8 without making a string. The bytes must be valid UTF-8 (see
 * `isUtf8`) and `start` must begin a line. A character outside the Basic Multilingual
 * Plane counts as a CJK ideograph in planes 2 and 3 and as a non-letter elsewhere,
 * exactly as the two UTF-16 halves `countWords` sees do.
 *
 * When `markupLines` is given, the same pass also collects the byte where each line
 * holding `[`, `` ` `` or `~` starts (the only lines that can hold a link or open or
 * close a code fence; see `extractLinksUtf8`).
 */
export function countWordsUtf8(bytes: Uint8Array, start: number, end: number, markupLines?: number[]): number {
  let count = 0
  let inRun = false
  let runHasLetter = false
  let lineStart = start
  let isMarked = false
  for (let i = start; i < end; ) {
    const lead = bytes[i]
    if (lead < 0x80) {
      i++
      if (lead <= 0x20) {
        if (runHasLetter) count++
        inRun = false
        runHasLetter = false
        if (lead === 0x0a) {
          lineStart = i
          isMarked = false
        }
      } else {
        inRun = true
        if (!runHasLetter) runHasLetter = (lead >= 0x30 && lead <= 0x39) || ((lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7a)
        if ((lead === 0x5b || lead === 0x60 || lead === 0x7e) && !isMarked && markupLines !== undefined) {
          markupLines.push(lineStart)
          isMarked = true
        }
      }
      continue
    }
    if (lead >= 0xe5 && lead <= 0xe9) {
      // U+5000 to U+9FFF: all CJK ideographs, the bulk of Chinese text.
      if (runHasLetter) count++
      count++
      inRun = false
      runHasLetter = false
      i += 3
      continue
    }
    let kind: number
    if (lead < 0xe0) {
      kind = characterKind(((lead & 0x1f) << 6) | (bytes[i + 1] & 0x3f))
      i += 2
    } else if (lead < 0xf0) {
      kind = characterKind(((lead & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f))
      i += 3
    } else {
      const code = ((lead & 0x07) << 18) | ((bytes[i + 1] & 0x3f) << 12) | ((bytes[i + 2] & 0x3f) << 6) | (bytes[i + 3] & 0x3f)
      kind = code >= 0x20000 && code <= 0x3ffff ? CJK : OTHER
      i += 4
    }
    if (kind === CJK) {
      if (runHasLetter) count++
      count++
      inRun = false
      runHasLetter = false
    } else if (kind === SPACE) {
      if (runHasLetter) count++
      inRun = false
      runHasLetter = false
    } else {
      inRun = true
      if (kind === LETTER) runHasLetter = true
    }
  }
  if (inRun && runHasLetter) count++
  return count
}

function isCjkUnit(code: number, text: string, i: number): boolean {
  if (code < 0x1100) return false
  if (code >= 0xd840 && code <= 0xd8bf) {
    // Supplementary ideographs (Extensions B-H, compatibility supplement) live in planes 2 and 3.
    const low = text.charCodeAt(i + 1)
    return low >= 0xdc00 && low <= 0xdfff
  }
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x3040 && code <= 0x30ff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0x31f0 && code <= 0x31ff) ||
    (code >= 0x1100 && code <= 0x11ff) ||
    (code >= 0x3130 && code <= 0x318f) ||
    code === 0x3005 ||
    code === 0x3007
  )
}

function isWhitespace(code: number): boolean {
  if (code <= 0x20) return true
  if (code < 0xa0) return false
  if (code >= 0x2000 && code <= 0x200b) return true
  return code === 0xa0 || code === 0x3000 || code === 0x2028 || code === 0x2029 || code === 0xfeff
}

function isLetterOrDigit(code: number, c: string): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a)
  // CJK and full-width punctuation are common in Chinese text and never letters.
  if (code >= 0x3000 && code <= 0x303f) return false
  if ((code >= 0xff00 && code <= 0xff0f) || (code >= 0xff1a && code <= 0xff20)) return false
  return LETTER_OR_DIGIT.test(c)
}

const CJK = 1
const SPACE = 2
const LETTER = 3
const OTHER = 4
// What each BMP code point is to countWords, looked up on first use (0: not yet).
const kinds = new Uint8Array(0x10000)

/**
 * What the Basic Multilingual Plane code point `code` is to {@link countWords}: 1 a
 * CJK character (a word of its own), 2 whitespace, 3 a letter or digit, 4 anything
 * else. Surrogates count as 4. Remembered after the first look-up.
 */
export function characterKind(code: number): number {
  let kind = kinds[code]
  if (kind === 0) {
    const c = String.fromCharCode(code)
    kind = isCjkUnit(code, c, 0) ? CJK : isWhitespace(code) ? SPACE : isLetterOrDigit(code, c) ? LETTER : OTHER
    kinds[code] = kind
  }
  return kind
}
