import { frontMatterLineCount } from '../../../src-shared/markdown/front-matter-range'
import { closesFence, FENCE, isBlank } from '../../../src-shared/markdown/markdown-lines'
import { matchBlockMathClosing, matchBlockMathOpening, matchInlineMath, type BlockMathOpening } from '../../../src-shared/markdown/math-delimiters'

/** One heading of a post, as the outline lists it. */
export interface OutlineHeading {
  /** 1 for `#`, 6 for `######`; setext `===` is 1 and `---` is 2. */
  level: number
  /** The heading as plain text: Markdown emphasis, code ticks and link syntax removed, math kept as TeX. */
  text: string
  /** Zero-based source line of the heading (its text line for setext headings), as `data-source-line` counts. */
  line: number
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/
const NOT_PARAGRAPH = /^ {0,3}(?:[>#|]|[-+*][ \t]|\d{1,9}[.)][ \t]|<)/

/**
 * Lists the headings of a Markdown post in order: ATX (`## Title`) and setext
 * (`Title` over `===` or `---`) headings, skipping front matter, fenced code and
 * display math, where a `#` is not a heading. A plain line scan, linear in the
 * post's length, so it stays cheap for very long posts.
 */
export function extractOutline(source: string): OutlineHeading[] {
  const lines = source.split('\n')
  const headings: OutlineHeading[] = []
  let fence: string | null = null
  let math: { opening: BlockMathOpening; depth: number } | null = null
  let paragraphLine = -1
  for (let i = frontMatterLineCount(lines); i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '')
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null
      continue
    }
    if (math !== null) {
      // Display math cannot hold a blank line, so a blank line also ends it.
      const depth: number = isBlank(line) ? 0 : matchBlockMathClosing(line, math.opening, math.depth).depth
      math = depth === 0 ? null : { opening: math.opening, depth }
      continue
    }
    const fenceOpen = FENCE.exec(line)
    if (fenceOpen) {
      fence = fenceOpen[1]
      paragraphLine = -1
      continue
    }
    const trimmed = line.trimStart()
    const opening = matchBlockMathOpening(trimmed)
    if (opening) {
      const closing = matchBlockMathClosing(trimmed.slice(opening.contentFrom), opening, 1)
      if (closing.depth !== 0) math = { opening, depth: closing.depth }
      paragraphLine = -1
      continue
    }
    const atx = ATX.exec(line)
    if (atx) {
      headings.push({ level: atx[1].length, text: plainHeading(atx[2] ?? ''), line: i })
      paragraphLine = -1
      continue
    }
    const setext = SETEXT.exec(line)
    if (setext && paragraphLine >= 0) {
      headings.push({ level: setext[1][0] === '=' ? 1 : 2, text: plainHeading(lines.slice(paragraphLine, i).join(' ')), line: paragraphLine })
      paragraphLine = -1
      continue
    }
    if (isBlank(line) || NOT_PARAGRAPH.test(line) || /^ {0,3}([-*_])[ \t]*(\1[ \t]*){2,}$/.test(line)) paragraphLine = -1
    else if (paragraphLine < 0) paragraphLine = i
  }
  return headings
}

/**
 * A heading's inline Markdown as plain text (for the outline and for matching
 * `[[Title#Heading]]`); formulas are kept as written, delimiters included.
 */
export function plainHeading(markdown: string): string {
  let text = ''
  let plainFrom = 0
  for (let i = 0; i < markdown.length; i++) {
    if (markdown[i] !== '$' && markdown[i] !== '\\') continue
    const match = matchInlineMath(markdown, i, markdown.length)
    if (!match) {
      if (markdown[i] === '\\') i++
      continue
    }
    text += plainMarkdown(markdown.slice(plainFrom, i)) + markdown.slice(i, match.end)
    plainFrom = match.end
    i = match.end - 1
  }
  return (text + plainMarkdown(markdown.slice(plainFrom))).replace(/\s+/g, ' ').trim()
}

function plainMarkdown(markdown: string): string {
  return markdown
    .replace(/\[\[([^[\]|#]+)(?:#[^[\]|]*)?(?:\|([^[\]]+))?\]\]/g, (_all, target: string, alias?: string) => alias ?? target)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(^|[^\w*])([*_])(?=\S)(.+?)(?<=\S)\2(?!\w)/g, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/<[^>]+>/g, '')
}

/**
 * The heading whose section holds `line` (zero-based): the last heading at or
 * above it, or -1 above the first heading. `headings` must be in line order.
 */
export function headingIndexAt(headings: readonly OutlineHeading[], line: number): number {
  let lo = 0
  let hi = headings.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (headings[mid].line <= line) {
      found = mid
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found
}
