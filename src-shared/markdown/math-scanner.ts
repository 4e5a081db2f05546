import { frontMatterLineCount } from './front-matter-range'
import {
  matchBlockMathClosing,
  matchBlockMathOpening,
  matchInlineMath,
  type BlockMathOpening,
  type MathDelimiter,
} from './math-delimiters'
import { closesFence, FENCE, HEADING, htmlBlockStart, indentWidth, isBlank, LIST_ITEM } from './markdown-lines'

/** A formula found in Markdown source. Offsets are into the scanned string. */
export interface MathRegion {
  /** Start of the opening delimiter (or of `\begin` for bare environments). */
  from: number
  /** Just past the closing delimiter. */
  to: number
  /** The TeX source handed to KaTeX spans `contentFrom…contentTo`. */
  contentFrom: number
  contentTo: number
  delimiter: MathDelimiter
  /** Rendered in display style (`$$`, `\[`, environments). */
  isDisplay: boolean
  /** Stands on its own lines, as opposed to sitting inside a paragraph. */
  isBlock: boolean
}

const BACKTICK = 96
const BACKSLASH = 92
const DOLLAR = 36

/** Removes blockquote markers and one list marker so a block formula inside them is still found. */
function containerContent(line: string): { text: string; offset: number } {
  let i = 0
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++
    if (line[i] === '>') {
      i++
      continue
    }
    break
  }
  const item = LIST_ITEM.exec(line.slice(i))
  if (item) {
    i += item[0].length
    while (line[i] === ' ' || line[i] === '\t') i++
  }
  return { text: line.slice(i), offset: i }
}

/**
 * Finds every formula in a Markdown document, in order: the four delimiters, bare
 * display environments (`\begin{equation}`, `align`, `gather`, `multline`, …) and
 * `$$`/`\[` blocks, skipping front matter, fenced and indented code, code spans, raw
 * HTML blocks and escaped dollars (`\$`). Uses the same delimiter rules as the
 * preview's markdown-it plugin ({@link matchInlineMath}); where Markdown structure is
 * ambiguous (lists, tables) it approximates, which only affects editor highlighting.
 */
export function scanMath(source: string): MathRegion[] {
  const regions: MathRegion[] = []
  const lines = source.split('\n')
  const starts = new Array<number>(lines.length)
  for (let i = 0, pos = 0; i < lines.length; i++) {
    starts[i] = pos
    pos += lines[i].length + 1
  }
  let fence: string | null = null
  let html: RegExp | 'blank' | null = null
  let paragraphFrom = -1
  let isAfterBlank = true
  let isInList = false
  let isInIndentedCode = false

  const flushParagraph = (endLine: number) => {
    if (paragraphFrom < 0) return
    const from = starts[paragraphFrom]
    const to = starts[endLine - 1] + lines[endLine - 1].length
    scanInline(source, from, to, regions)
    paragraphFrom = -1
  }

  for (let n = frontMatterLineCount(lines); n < lines.length; n++) {
    const line = lines[n]
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null
      continue
    }
    if (html !== null) {
      if (html === 'blank' ? isBlank(line) : html.test(line)) {
        html = null
        isAfterBlank = isBlank(line)
      }
      continue
    }
    if (isBlank(line)) {
      flushParagraph(n)
      isAfterBlank = true
      continue
    }
    const indent = indentWidth(line)
    if (indent === 0 && isAfterBlank && !LIST_ITEM.test(line)) isInList = false
    if (indent >= 4 && (isInIndentedCode || (isAfterBlank && !isInList && paragraphFrom < 0))) {
      isInIndentedCode = true
      isAfterBlank = false
      continue
    }
    isInIndentedCode = false
    const wasAfterBlank = isAfterBlank
    isAfterBlank = false
    const fenceMatch = FENCE.exec(line)
    if (fenceMatch) {
      flushParagraph(n)
      fence = fenceMatch[1]
      continue
    }
    const htmlEnd = htmlBlockStart(line, wasAfterBlank || paragraphFrom < 0)
    if (htmlEnd !== null) {
      flushParagraph(n)
      if (!(htmlEnd !== 'blank' && htmlEnd.test(line.slice(line.indexOf('<') + 2)))) html = htmlEnd
      continue
    }
    const content = containerContent(line)
    const opening = matchBlockMathOpening(content.text)
    if (opening) {
      const end = findBlockEnd(lines, n, content.text, opening)
      if (end !== null) {
        flushParagraph(n)
        const from = starts[n] + content.offset
        regions.push({
          from,
          to: starts[end.line] + end.to,
          contentFrom: from + opening.contentFrom,
          contentTo: starts[end.line] + end.contentTo,
          delimiter: opening.delimiter,
          isDisplay: true,
          isBlock: true,
        })
        n = end.line
        continue
      }
    }
    const isItem = LIST_ITEM.test(line)
    if (isItem) isInList = true
    if (HEADING.test(line) || isItem) {
      flushParagraph(n)
      if (HEADING.test(line)) {
        scanInline(source, starts[n], starts[n] + line.length, regions)
        continue
      }
    }
    if (paragraphFrom < 0) paragraphFrom = n
  }
  flushParagraph(lines.length)
  return regions
}

function findBlockEnd(
  lines: readonly string[],
  first: number,
  firstText: string,
  opening: BlockMathOpening,
): { line: number; to: number; contentTo: number } | null {
  const firstOffset = lines[first].length - firstText.length
  // The opening line may also close the block (`$$ x $$`, `\begin{equation} x \end{equation}`).
  const rest = opening.delimiter === 'environment' ? firstText : firstText.slice(opening.contentFrom)
  const restOffset = opening.delimiter === 'environment' ? firstOffset : firstOffset + opening.contentFrom
  let state = matchBlockMathClosing(rest, opening, opening.delimiter === 'environment' ? 0 : 1)
  if (state.contentTo !== null && (opening.delimiter === 'environment' || rest.trim().length > 2)) {
    return closing(lines[first], first, restOffset + state.contentTo, opening)
  }
  for (let n = first + 1; n < lines.length; n++) {
    if (isBlank(lines[n])) return null
    const content = containerContent(lines[n])
    state = matchBlockMathClosing(content.text, opening, state.depth)
    if (state.contentTo !== null) return closing(lines[n], n, content.offset + state.contentTo, opening)
  }
  return null
}

function closing(line: string, n: number, contentTo: number, opening: BlockMathOpening) {
  if (opening.delimiter === 'environment') return { line: n, to: contentTo, contentTo }
  return { line: n, to: Math.min(line.length, contentTo + 2), contentTo }
}

/** Scans one paragraph (or heading) for inline formulas, skipping code spans and escapes. */
function scanInline(src: string, from: number, to: number, out: MathRegion[]): void {
  for (let i = from; i < to; i++) {
    const ch = src.charCodeAt(i)
    if (ch === BACKTICK) {
      i = skipCodeSpan(src, i, to) - 1
      continue
    }
    if (ch !== DOLLAR && ch !== BACKSLASH) continue
    const match = matchInlineMath(src, i, to)
    if (match) {
      out.push({
        from: i,
        to: match.end,
        contentFrom: match.contentFrom,
        contentTo: match.contentTo,
        delimiter: match.delimiter,
        isDisplay: match.isDisplay,
        isBlock: false,
      })
      i = match.end - 1
    } else if (ch === BACKSLASH) {
      i++
    } else if (src.charCodeAt(i + 1) === DOLLAR) {
      i++
    }
  }
}

/** Returns the position after a code span starting at `pos`, or after the backtick run when it never closes. */
function skipCodeSpan(src: string, pos: number, to: number): number {
  let runEnd = pos
  while (runEnd < to && src.charCodeAt(runEnd) === BACKTICK) runEnd++
  const length = runEnd - pos
  let i = runEnd
  while (i < to) {
    const next = src.indexOf('`', i)
    if (next < 0 || next >= to) break
    let end = next
    while (end < to && src.charCodeAt(end) === BACKTICK) end++
    if (end - next === length) return end
    i = end
  }
  return runEnd
}
