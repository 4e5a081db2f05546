/**
 * The delimiter rules for math in Markdown, shared by the markdown-it plugin
 * ({@link markdownItMath}) and the source scanner ({@link scanMath}) so the preview and
 * the editor agree on what is a formula.
 *
 * Inline: `$…$` (Pandoc's rules, so prices stay prose: the opening `$` is not followed
 * by whitespace, the closing `$` is not preceded by whitespace, not followed by a
 * digit and not part of `$$`), `\(…\)`, and display math written inside a paragraph as `$$…$$` or `\[…\]`.
 * Block: a line starting with `$$`, `\[` or `\begin{<display environment>}`, closed
 * by a line ending with `$$`, `\]` or the matching `\end{…}`. Display math cannot
 * contain a blank line (TeX would stop with an error), so an opening never closed
 * before a blank line is not math: a half-typed `$$` never swallows the post.
 */

const DOLLAR = 36
const BACKSLASH = 92

/** How a formula was delimited in the source. */
export type MathDelimiter = 'dollar' | 'double-dollar' | 'paren' | 'bracket' | 'environment'

/** The environments that start display math on their own, outside any delimiters. */
export const DISPLAY_ENVIRONMENTS: ReadonlySet<string> = new Set([
  'equation', 'equation*', 'align', 'align*', 'gather', 'gather*', 'multline', 'multline*',
  'alignat', 'alignat*', 'flalign', 'flalign*', 'eqnarray', 'eqnarray*', 'displaymath',
])

/** An inline formula found at a position. Offsets are absolute in the scanned string. */
export interface InlineMathMatch {
  delimiter: MathDelimiter
  isDisplay: boolean
  contentFrom: number
  contentTo: number
  /** Just past the closing delimiter. */
  end: number
}

function isWhitespace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13
}

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57
}

/**
 * Matches an inline formula whose opening delimiter starts exactly at `pos`, looking
 * no further than `max`. Backslash pairs inside are skipped, so `\$` never closes a
 * formula. Returns null when `pos` does not open a formula that closes.
 */
export function matchInlineMath(src: string, pos: number, max: number): InlineMathMatch | null {
  const ch = src.charCodeAt(pos)
  if (ch === DOLLAR) {
    if (src.charCodeAt(pos + 1) === DOLLAR) return matchDoubleDollar(src, pos, max)
    return matchDollar(src, pos, max)
  }
  if (ch !== BACKSLASH) return null
  const next = src[pos + 1]
  if (next === '(') return matchBackslashPair(src, pos, max, ')', 'paren', false)
  if (next === '[') return matchBackslashPair(src, pos, max, ']', 'bracket', true)
  return null
}

function matchDollar(src: string, pos: number, max: number): InlineMathMatch | null {
  const from = pos + 1
  if (from >= max || isWhitespace(src.charCodeAt(from))) return null
  for (let i = from; i < max; i++) {
    const ch = src.charCodeAt(i)
    if (ch === BACKSLASH) {
      i++
      continue
    }
    if (ch !== DOLLAR) continue
    if (i === from) return null
    if (src.charCodeAt(i + 1) === DOLLAR) {
      // `$$` never closes `$…$`: it opens or closes display math.
      i++
      continue
    }
    if (isWhitespace(src.charCodeAt(i - 1)) || isDigit(src.charCodeAt(i + 1))) continue
    return { delimiter: 'dollar', isDisplay: false, contentFrom: from, contentTo: i, end: i + 1 }
  }
  return null
}

function matchDoubleDollar(src: string, pos: number, max: number): InlineMathMatch | null {
  const from = pos + 2
  for (let i = from; i < max - 1; i++) {
    const ch = src.charCodeAt(i)
    if (ch === BACKSLASH) {
      i++
      continue
    }
    if (ch === DOLLAR && src.charCodeAt(i + 1) === DOLLAR) {
      if (src.slice(from, i).trim() === '') return null
      return { delimiter: 'double-dollar', isDisplay: true, contentFrom: from, contentTo: i, end: i + 2 }
    }
  }
  return null
}

function matchBackslashPair(
  src: string,
  pos: number,
  max: number,
  close: string,
  delimiter: MathDelimiter,
  isDisplay: boolean,
): InlineMathMatch | null {
  const from = pos + 2
  for (let i = from; i < max - 1; i++) {
    if (src.charCodeAt(i) !== BACKSLASH) continue
    if (src[i + 1] === close) {
      if (src.slice(from, i).trim() === '') return null
      return { delimiter, isDisplay, contentFrom: from, contentTo: i, end: i + 2 }
    }
    i++
  }
  return null
}

/** How a block formula opens, read from its first line (indentation already removed). */
export interface BlockMathOpening {
  delimiter: 'double-dollar' | 'bracket' | 'environment'
  /** The environment's name, for `\begin{…}` openings. */
  environment?: string
  /** Offset in the line where the formula's content starts. */
  contentFrom: number
}

const ENV_OPENING = /^\\begin\{([a-zA-Z]+\*?)\}/

/**
 * Reads a block formula's opening line. `$$ x $$ and more` is not a block opening
 * (it is inline display math inside a paragraph); `$$ x $$` alone is a one-line block.
 */
export function matchBlockMathOpening(line: string): BlockMathOpening | null {
  if (line.startsWith('$$')) {
    const rest = line.slice(2)
    const close = findUnescaped(rest, '$$')
    if (close >= 0 && rest.slice(close + 2).trim() !== '') return null
    return { delimiter: 'double-dollar', contentFrom: 2 }
  }
  if (line.startsWith('\\[')) {
    const rest = line.slice(2)
    const close = findUnescaped(rest, '\\]')
    if (close >= 0 && rest.slice(close + 2).trim() !== '') return null
    return { delimiter: 'bracket', contentFrom: 2 }
  }
  const env = ENV_OPENING.exec(line)
  if (env && DISPLAY_ENVIRONMENTS.has(env[1])) return { delimiter: 'environment', environment: env[1], contentFrom: 0 }
  return null
}

/**
 * Looks for the end of a block formula on one line. `depth` is the environment
 * nesting carried between lines (start at 1 on the opening line, after the opening);
 * returns the new depth, and where the content ends when this line closes it.
 * For `$$` and `\[` blocks the closing delimiter must end the line.
 */
export function matchBlockMathClosing(
  line: string,
  opening: BlockMathOpening,
  depth: number,
): { depth: number; contentTo: number | null } {
  if (opening.delimiter === 'environment') {
    const name = opening.environment as string
    const begin = `\\begin{${name}}`
    const end = `\\end{${name}}`
    let d = depth
    let i = 0
    while (i < line.length) {
      const b = line.indexOf(begin, i)
      const e = line.indexOf(end, i)
      if (e < 0) {
        if (b >= 0) d++
        break
      }
      if (b >= 0 && b < e) {
        d++
        i = b + begin.length
        continue
      }
      d--
      i = e + end.length
      if (d === 0) return { depth: 0, contentTo: i }
    }
    return { depth: d, contentTo: null }
  }
  const close = opening.delimiter === 'double-dollar' ? '$$' : '\\]'
  const trimmed = line.trimEnd()
  if (trimmed.endsWith(close) && !isEscapedAt(trimmed, trimmed.length - close.length)) {
    return { depth: 0, contentTo: trimmed.length - close.length }
  }
  return { depth, contentTo: null }
}

/** True when the character at `pos` is preceded by an odd number of backslashes. */
export function isEscapedAt(text: string, pos: number): boolean {
  let count = 0
  for (let i = pos - 1; i >= 0 && text.charCodeAt(i) === BACKSLASH; i--) count++
  return count % 2 === 1
}

function findUnescaped(text: string, needle: string): number {
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (!isEscapedAt(text, i)) return i
  }
  return -1
}
