import { atxHeading, closesFence, fenceOpening, isTableDelimiter } from './block-lines'

/** Markdown flattened to one line of plain text, with the formulas marked so they are never cut. */
export interface PlainText {
  text: string
  /** `[start, end)` ranges of `text` holding a whole formula, in order. */
  math: Array<[number, number]>
  /** True when flattening stopped at the length budget with more Markdown left. */
  isTruncated: boolean
}

const THEMATIC_BREAK_OR_UNDERLINE = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:\s/
const CONTAINER_MARKER = /^ {0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?)/
const HTML_TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^<>]{0,2000})?\/?>/y
const AUTOLINK = /<([a-zA-Z][a-zA-Z0-9+.-]{1,31}:[^\s<>]*)>/y
const ENTITY = /&(nbsp|amp|lt|gt|quot|#39|#x27);/y
const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" }
const BEGIN_ENVIRONMENT = /\\begin\{([a-zA-Z]+\*?)\}/y
const IMAGE_FILE = /\.(png|jpe?g|gif|svg|webp|avif|bmp)$/i
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/
// How far to look for the end of an inline construct: bounds the work on text full of unmatched `[`, `$` or `\(`.
const INLINE_REACH = 2000
const DISPLAY_REACH = 20000

/**
 * Flattens Markdown to plain text for excerpts and fallback titles: heading, list
 * and quote markers, emphasis and HTML tags go; links keep their text; images
 * become `[image]`; fenced code blocks become `[code]`; inline code keeps its text.
 * Link and footnote definitions and HTML comments are dropped. Formulas (`$…$`,
 * `$$…$$`, `\(…\)`, `\[…\]`, `\begin{env}…\end{env}`, ```` ```math ````) are copied
 * verbatim and listed in `math`. Whitespace outside formulas collapses
 * to single spaces. Stops once the text is longer than `budget`, so excerpts of
 * long posts cost little.
 */
export function flattenMarkdown(markdown: string, budget = Number.POSITIVE_INFINITY): PlainText {
  return flatten(markdown, budget).plain
}

/**
 * {@link flattenMarkdown} of the start of a longer text, when that start decides the
 * result: `markdown` must end where a line of the longer text ends (before its
 * newline). Gives the same result as flattening the whole text when the budget ran
 * out before the last paragraph of `markdown`, whose end is unknown, had to be
 * flattened; null otherwise (then a longer start is needed).
 */
export function flattenMarkdownStart(markdown: string, budget: number): PlainText | null {
  const { plain, isFullBeforeEnd } = flatten(markdown, budget)
  return isFullBeforeEnd ? plain : null
}

function flatten(markdown: string, budget: number): { plain: PlainText; isFullBeforeEnd: boolean } {
  const out = new Output(budget)
  let paragraph: string[] = []
  const flush = () => {
    if (paragraph.length > 0) flattenInline(paragraph.join('\n'), out)
    paragraph = []
  }
  let fence: { marker: string; isMath: boolean; lines: string[] } | null = null
  let inComment = false
  for (let at = 0; at <= markdown.length && !out.isFull(); ) {
    let end = markdown.indexOf('\n', at)
    if (end === -1) end = markdown.length
    let line = markdown.slice(at, end)
    at = end + 1
    if (fence !== null) {
      if (closesFence(line, fence.marker)) {
        if (fence.isMath) out.math(`$$${fence.lines.join('\n')}$$`)
        fence = null
      } else if (fence.isMath) fence.lines.push(line)
      continue
    }
    if (inComment) {
      const close = line.indexOf('-->')
      if (close === -1) continue
      inComment = false
      line = line.slice(close + 3)
    }
    const opening = fenceOpening(line)
    if (opening !== null) {
      flush()
      const isMath = opening.language === 'math'
      if (!isMath) out.word('[code]')
      fence = { marker: opening.marker, isMath, lines: [] }
      continue
    }
    if (line.trim() === '' || THEMATIC_BREAK_OR_UNDERLINE.test(line) || LINK_DEFINITION.test(line)) {
      flush()
      continue
    }
    if (isTableDelimiter(line)) continue
    if (line.trimStart().startsWith('<!--') && !line.includes('-->')) {
      inComment = true
      continue
    }
    line = stripContainerMarkers(line)
    const heading = atxHeading(line)
    if (heading !== null) {
      flush()
      paragraph.push(heading.text)
      flush()
      continue
    }
    paragraph.push(line)
  }
  // Full already: every line read so far was whole, so what follows cannot change the result.
  const isFullBeforeEnd = out.isFull()
  flush()
  return { plain: out.result(), isFullBeforeEnd }
}

function stripContainerMarkers(line: string): string {
  // Each pass removes one quote or list marker: `> - [ ] text` takes three.
  for (let match = CONTAINER_MARKER.exec(line); match !== null && match[0].length > 0; match = CONTAINER_MARKER.exec(line)) {
    line = line.slice(match[0].length)
  }
  return line
}

/** Flattens one paragraph's inline Markdown into `out`. */
function flattenInline(source: string, out: Output): void {
  const skips: Array<{ at: number; to: number }> = []
  let i = 0
  while (i < source.length && !out.isFull()) {
    const top = skips[skips.length - 1]
    if (top !== undefined && i >= top.at) {
      i = Math.max(i, top.to)
      skips.pop()
      continue
    }
    const c = source[i]
    switch (c) {
      case '\\':
        i = backslash(source, i, out)
        break
      case '$':
        i = dollarMath(source, i, out)
        break
      case '`':
        i = codeSpan(source, i, out)
        break
      case '!':
        if (source[i + 1] === '[') i = image(source, i, out)
        else {
          out.text('!')
          i++
        }
        break
      case '[':
        i = bracket(source, i, out, skips)
        break
      case '<':
        i = angle(source, i, out)
        break
      case '&': {
        ENTITY.lastIndex = i
        const entity = ENTITY.exec(source)
        out.text(entity === null ? '&' : ENTITIES[entity[1]])
        i += entity === null ? 1 : entity[0].length
        break
      }
      case '*':
        i++
        break
      case '~':
        if (source[i + 1] === '~') i += 2
        else {
          out.text('~')
          i++
        }
        break
      case '_': {
        let end = i
        while (source[end] === '_') end++
        if (isWordChar(source[i - 1]) && isWordChar(source[end])) out.text(source.slice(i, end))
        i = end
        break
      }
      case '|':
      case '\r':
      case '\n':
      case '\t':
      case ' ':
        out.space()
        i++
        break
      default: {
        // A run of characters that are only copied, up to the next one that means something.
        const stop = Math.min(plainRunEnd(source, i + 1), top === undefined ? source.length : top.at, i + out.room())
        out.text(source.slice(i, stop))
        i = stop
      }
    }
  }
  out.space()
}

/** Characters {@link flattenInline} treats specially (as char codes below 128). */
const INLINE_SPECIAL = new Uint8Array(128)
for (const c of '\\$`![<&*~_|\r\n\t ') INLINE_SPECIAL[c.charCodeAt(0)] = 1

/** The index of the first character at or after `from` that {@link flattenInline} treats specially, or the end. */
function plainRunEnd(source: string, from: number): number {
  let i = from
  for (; i < source.length; i++) {
    const code = source.charCodeAt(i)
    if (code < 128 && INLINE_SPECIAL[code] === 1) break
  }
  return i
}

function backslash(source: string, i: number, out: Output): number {
  const next = source[i + 1] ?? ''
  const closer = next === '(' ? '\\)' : next === '[' ? '\\]' : null
  if (closer !== null) {
    const end = find(source, closer, i + 2, next === '(' ? INLINE_REACH : DISPLAY_REACH)
    if (end !== -1) {
      out.math(source.slice(i, end + 2))
      return end + 2
    }
  }
  if (next === 'b') {
    const end = environment(source, i, out)
    if (end !== -1) return end
  }
  if (next === '') {
    out.text('\\')
    return i + 1
  }
  // `\$` stays escaped so that whoever renders the excerpt does not see a formula.
  if (next === '$') out.text('\\$')
  else if (ASCII_PUNCTUATION.test(next)) out.text(next)
  else out.text('\\' + next)
  return i + 2
}

function environment(source: string, i: number, out: Output): number {
  BEGIN_ENVIRONMENT.lastIndex = i
  const begin = BEGIN_ENVIRONMENT.exec(source)
  if (begin === null) return -1
  const endTag = `\\end{${begin[1]}}`
  const end = find(source, endTag, i + begin[0].length, DISPLAY_REACH)
  if (end === -1) return -1
  out.math(source.slice(i, end + endTag.length))
  return end + endTag.length
}

function dollarMath(source: string, i: number, out: Output): number {
  if (source[i + 1] === '$') {
    const end = find(source, '$$', i + 2, DISPLAY_REACH)
    if (end === -1) {
      out.text('$$')
      return i + 2
    }
    out.math(source.slice(i, end + 2))
    return end + 2
  }
  // Pandoc's rule: `$` opens before non-space and closes after non-space, not before a digit.
  if (isSpace(source[i + 1] ?? ' ')) {
    out.text('$')
    return i + 1
  }
  for (let end = find(source, '$', i + 1, INLINE_REACH); end !== -1; end = find(source, '$', end + 1, i + INLINE_REACH - end)) {
    if (source[end - 1] === '\\' || isSpace(source[end - 1]) || /[0-9]/.test(source[end + 1] ?? '')) continue
    out.math(source.slice(i, end + 1))
    return end + 1
  }
  out.text('$')
  return i + 1
}

function codeSpan(source: string, i: number, out: Output): number {
  let end = i
  while (source[end] === '`') end++
  const limit = Math.min(source.length, end + INLINE_REACH)
  for (let at = end; at < limit; ) {
    const open = find(source, '`', at, limit - at)
    if (open === -1) break
    let close = open
    while (source[close] === '`') close++
    if (close - open === end - i) {
      out.text(source.slice(end, open).replace(/\s+/g, ' ').trim())
      return close
    }
    at = close
  }
  return end
}

function image(source: string, i: number, out: Output): number {
  if (source[i + 2] === '[') {
    const end = find(source, ']]', i + 3, INLINE_REACH)
    if (end !== -1 && !source.slice(i + 3, end).includes('\n')) {
      const target = source.slice(i + 3, end).split('|')[0].trim()
      out.word(IMAGE_FILE.test(target) ? '[image]' : target)
      return end + 2
    }
  }
  const close = closingBracket(source, i + 1)
  if (close === -1) {
    out.text('!')
    return i + 1
  }
  const after = linkTail(source, close + 1)
  out.word('[image]')
  return after
}

function bracket(source: string, i: number, out: Output, skips: Array<{ at: number; to: number }>): number {
  if (source[i + 1] === '[') {
    const end = find(source, ']]', i + 2, INLINE_REACH)
    if (end !== -1 && !source.slice(i + 2, end).includes('\n')) {
      const [target, alias] = source.slice(i + 2, end).replaceAll('\\|', '|').split('|')
      out.text((alias ?? target).trim())
      return end + 2
    }
  }
  const close = closingBracket(source, i)
  if (close === -1) {
    out.text('[')
    return i + 1
  }
  if (source[i + 1] === '^') return close + 1
  const after = linkTail(source, close + 1)
  skips.push({ at: close, to: after })
  return i + 1
}

function angle(source: string, i: number, out: Output): number {
  if (source.startsWith('<!--', i)) {
    const end = source.indexOf('-->', i + 4)
    return end === -1 ? source.length : end + 3
  }
  AUTOLINK.lastIndex = i
  const link = AUTOLINK.exec(source)
  if (link !== null) {
    out.text(link[1])
    return i + link[0].length
  }
  HTML_TAG.lastIndex = i
  const tag = HTML_TAG.exec(source)
  if (tag === null) {
    out.text('<')
    return i + 1
  }
  const name = tag[2].toLowerCase()
  if (name === 'img') out.word('[image]')
  else if (/^(br|p|div|li|tr|td|th|h[1-6])$/.test(name)) out.space()
  return i + tag[0].length
}

/** The index of the `]` closing the `[` at `open`, counting nested brackets; -1 if none. */
function closingBracket(source: string, open: number): number {
  let depth = 0
  for (let i = open, end = Math.min(source.length, open + INLINE_REACH); i < end; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === '[') depth++
    else if (c === ']' && --depth === 0) return i
  }
  return -1
}

/** Past a link's `(destination "title")`, `[ref]` or `[]` starting at `at`; `at` when there is none. */
function linkTail(source: string, at: number): number {
  const open = source[at]
  if (open !== '(' && open !== '[') return at
  const close = open === '(' ? ')' : ']'
  let depth = 0
  for (let i = at, end = Math.min(source.length, at + INLINE_REACH); i < end; i++) {
    const c = source[i]
    if (c === '\\') i++
    else if (c === open) depth++
    else if (c === close && --depth === 0) return i + 1
    else if (c === '\n' && source[i + 1] === '\n') break
  }
  return at
}

/** `source.indexOf(needle, from)`, looking no further than `reach` characters past `from`. */
function find(source: string, needle: string, from: number, reach: number): number {
  if (reach <= 0) return -1
  const found = source.slice(from, from + reach + needle.length - 1).indexOf(needle)
  return found === -1 ? -1 : from + found
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t'
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c)
}

/** Accumulates flattened text, collapsing whitespace and tracking formulas. */
class Output {
  private buffer = ''
  private readonly ranges: Array<[number, number]> = []
  private pendingSpace = false

  constructor(private readonly budget: number) {}

  isFull(): boolean {
    return this.buffer.length > this.budget
  }

  /** How many characters of text can still be added before {@link isFull}, at least 1. */
  room(): number {
    return Math.max(1, this.budget + 1 - this.buffer.length - (this.pendingSpace ? 1 : 0))
  }

  space(): void {
    if (this.buffer.length > 0) this.pendingSpace = true
  }

  text(text: string): void {
    if (text === '') return
    if (this.pendingSpace) this.buffer += ' '
    this.pendingSpace = false
    this.buffer += text
  }

  /** A word that must be set off by spaces, such as `[image]`. */
  word(text: string): void {
    this.space()
    this.text(text)
    this.space()
  }

  math(formula: string): void {
    if (this.pendingSpace) this.buffer += ' '
    this.pendingSpace = false
    const start = this.buffer.length
    this.buffer += formula
    this.ranges.push([start, this.buffer.length])
  }

  result(): PlainText {
    return { text: this.buffer, math: this.ranges, isTruncated: this.isFull() }
  }
}
