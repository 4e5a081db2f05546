/**
 * Line classifiers shared by the block splitter and the math scanner. They follow
 * CommonMark closely enough to find safe boundaries; where they cannot tell, they
 * err towards keeping lines together.
 */

/** Opens or closes a fenced code block: three or more backticks or tildes. */
export const FENCE = /^[ \t]*(`{3,}|~{3,})/

/** A bullet or ordered list item marker followed by a space or the end of the line. */
export const LIST_ITEM = /^[ \t]*([-+*]|\d{1,9}[.)])([ \t]|$)/

/** An ATX heading. */
export const HEADING = /^ {0,3}#{1,6}([ \t]|$)/

const HTML_BLOCK_TERMINATED: Array<[RegExp, RegExp]> = [
  [/^ {0,3}<(script|pre|style|textarea)(\s|>|$)/i, /<\/(script|pre|style|textarea)>/i],
  [/^ {0,3}<!--/, /-->/],
  [/^ {0,3}<\?/, /\?>/],
  [/^ {0,3}<![A-Za-z]/, />/],
  [/^ {0,3}<!\[CDATA\[/, /\]\]>/],
]

const HTML_BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'base', 'basefont', 'blockquote', 'body', 'caption', 'center', 'col', 'colgroup',
  'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'frame',
  'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'iframe', 'legend', 'li', 'link',
  'main', 'menu', 'menuitem', 'nav', 'noframes', 'ol', 'optgroup', 'option', 'p', 'param', 'search', 'section',
  'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'title', 'tr', 'track', 'ul',
])

const HTML_TAG_START = /^ {0,3}<\/?([a-zA-Z][a-zA-Z0-9-]*)(\s|\/?>|$)/
const HTML_LONE_TAG = /^ {0,3}(<[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>|<\/[a-zA-Z][a-zA-Z0-9-]*\s*>)\s*$/

/**
 * Whether `line` starts a raw HTML block, and what ends it: a terminator pattern
 * (types 1–5, which may contain blank lines) or `'blank'` (types 6–7). Type 7 (any
 * lone tag) cannot interrupt a paragraph, hence `isAfterBlank`.
 */
export function htmlBlockStart(line: string, isAfterBlank: boolean): RegExp | 'blank' | null {
  if (!line.includes('<')) return null
  for (const [start, end] of HTML_BLOCK_TERMINATED) if (start.test(line)) return end
  const tag = HTML_TAG_START.exec(line)
  if (tag && HTML_BLOCK_TAGS.has(tag[1].toLowerCase())) return 'blank'
  if (isAfterBlank && HTML_LONE_TAG.test(line)) return 'blank'
  return null
}

/** True for a line with nothing but spaces and tabs. */
export function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i)
    if (ch !== 32 && ch !== 9 && ch !== 13) return false
  }
  return true
}

/** The width of a line's indentation, counting a tab as reaching the next multiple of four. */
export function indentWidth(line: string): number {
  let width = 0
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i)
    if (ch === 32) width++
    else if (ch === 9) width += 4 - (width % 4)
    else break
  }
  return width
}

/** Whether a fence line closes the block opened by `opening` (same character, at least as long, nothing after). */
export function closesFence(line: string, opening: string): boolean {
  const match = FENCE.exec(line)
  if (!match) return false
  const marker = match[1]
  return marker[0] === opening[0] && marker.length >= opening.length && line.slice(match[0].length).trim() === ''
}
