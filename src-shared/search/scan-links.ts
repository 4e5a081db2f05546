import type { LinkKind } from './link-types'

/** One link found in a file's text, with the offsets needed to show or rewrite it. */
export interface LinkOccurrence {
  kind: LinkKind
  /** Wiki: the title or file name (without `#heading` and `|alias`), empty for `[[#Heading]]`; Markdown: the path, as written. */
  target: string
  /** The part after `#`, or null. */
  heading: string | null
  /** `![[…]]` */
  isEmbed: boolean
  /** `[start, end)` of the whole link in the text. */
  start: number
  end: number
  /** `[start, end)` of {@link target} in the text: what a rename rewrites. */
  targetStart: number
  targetEnd: number
  /** One-based line and zero-based column of {@link start}. */
  line: number
  column: number
}

const CODE_FENCE = /^ {0,3}(`{3,}|~{3,})/
const INLINE_LINK =
  /(`+)|(!?)\[\[([^[\]\n]+)\]\]|(!?)\[(?:[^[\]\n\\]|\\.|\[[^[\]\n]*\])*\]\(\s*(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()]*)*)(?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?\s*\)/dg
const LINK_DEFINITION = /^( {0,3}\[[^\]]+\]:[ \t]*)(<[^<>\n]*>|\S+)/
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/
const MARKDOWN_PATH = /\.(md|markdown)$/i

/**
 * Every link between posts in `text` (a whole file, front matter included), in
 * order: wiki links `[[Title]]`, `[[Title|alias]]`, `[[Title#Heading]]` and embeds
 * `![[Title]]`, and Markdown links or reference definitions whose destination is a
 * relative path to a `.md`/`.markdown` file (`[x](../a/b.md#h)`, `[x]: b.md`).
 * A wiki link to a heading of the same post (`[[#Heading]]`, `[[#Heading|shown]]`)
 * comes with an empty `target`: it leads to no other post, so the link graph leaves
 * it out, but the editor draws and follows it. Skipped: Markdown same-page anchors
 * (`[x](#top)`), URLs with a scheme, root-absolute paths, images, and anything
 * inside fenced code blocks or code spans. The same rules as the vault's
 * `extractLinks` (which also leaves out `[[#Heading]]`), plus positions.
 */
export function scanLinks(text: string): LinkOccurrence[] {
  const links: LinkOccurrence[] = []
  let fence: string | null = null
  let line = 1
  for (let at = 0; at <= text.length; line++) {
    let end = text.indexOf('\n', at)
    if (end === -1) end = text.length
    const content = text.slice(at, end)
    const lineStart = at
    at = end + 1
    const opening = CODE_FENCE.exec(content)
    if (fence !== null) {
      if (opening !== null && opening[1][0] === fence[0] && opening[1].length >= fence.length && content.trim() === opening[1]) fence = null
      continue
    }
    if (opening !== null) {
      fence = opening[1]
      continue
    }
    if (content.includes('[')) scanLine(content, lineStart, line, links)
  }
  return links
}

/**
 * The links of one line (without its line break) that is known to lie outside
 * fenced code, e.g. a line the editor's syntax tree placed in a paragraph: the
 * same rules as {@link scanLinks}, with offsets counted from `lineStart` and
 * `line` as the line number.
 */
export function scanLineLinks(content: string, lineStart = 0, line = 1): LinkOccurrence[] {
  const links: LinkOccurrence[] = []
  if (content.includes('[')) scanLine(content, lineStart, line, links)
  return links
}

function scanLine(content: string, lineStart: number, line: number, links: LinkOccurrence[]): void {
  const definition = LINK_DEFINITION.exec(content)
  if (definition !== null) {
    const destinationAt = definition[1].length
    addMarkdown(definition[2], destinationAt, 0, content.length, lineStart, line, links)
    return
  }
  INLINE_LINK.lastIndex = 0
  for (let match = INLINE_LINK.exec(content); match !== null; match = INLINE_LINK.exec(content)) {
    const [whole, ticks, embed, wiki, image, destination] = match
    if (ticks !== undefined) {
      const close = closingTicks(content, ticks.length, INLINE_LINK.lastIndex)
      if (close !== -1) INLINE_LINK.lastIndex = close
    } else if (wiki !== undefined) {
      addWiki(wiki, match.index, whole.length, embed === '!', lineStart, line, links)
    } else if (image === '' && destination !== undefined) {
      const destinationAt = match.indices?.[5]?.[0] ?? match.index
      addMarkdown(destination, destinationAt, match.index, match.index + whole.length, lineStart, line, links)
    }
  }
}

function addWiki(inner: string, at: number, length: number, isEmbed: boolean, lineStart: number, line: number, links: LinkOccurrence[]): void {
  const innerStart = at + (isEmbed ? 3 : 2)
  // An escaped `\|` separates the alias inside tables.
  const pipe = inner.search(/\\?\|/)
  const beforeAlias = pipe === -1 ? inner : inner.slice(0, pipe)
  const hash = beforeAlias.indexOf('#')
  const rawTarget = hash === -1 ? beforeAlias : beforeAlias.slice(0, hash)
  const target = rawTarget.trim()
  const heading = hash === -1 ? null : beforeAlias.slice(hash + 1).trim() || null
  // `[[#Heading]]` leads to a heading of the post it is written in; with no heading, or embedded, it is nothing.
  if (target === '' && (heading === null || isEmbed)) return
  const targetStart = innerStart + (rawTarget.length - rawTarget.trimStart().length)
  links.push({
    kind: 'wiki', target, heading, isEmbed,
    start: lineStart + at, end: lineStart + at + length,
    targetStart: lineStart + targetStart, targetEnd: lineStart + targetStart + target.length,
    line, column: at,
  })
}

function addMarkdown(destination: string, destinationAt: number, start: number, end: number, lineStart: number, line: number, links: LinkOccurrence[]): void {
  const isBracketed = destination.startsWith('<')
  const raw = isBracketed ? destination.slice(1, -1) : destination
  const target = raw.trim()
  if (target === '' || target.startsWith('#') || target.startsWith('/') || target.startsWith('\\') || SCHEME.test(target)) return
  const cut = target.search(/[#?]/)
  const pathPart = cut === -1 ? target : target.slice(0, cut)
  if (!MARKDOWN_PATH.test(pathPart)) return
  const hash = target.indexOf('#')
  const targetStart = destinationAt + (isBracketed ? 1 : 0) + (raw.length - raw.trimStart().length)
  links.push({
    kind: 'markdown', target: pathPart, heading: hash === -1 ? null : target.slice(hash + 1) || null, isEmbed: false,
    start: lineStart + start, end: lineStart + end,
    targetStart: lineStart + targetStart, targetEnd: lineStart + targetStart + pathPart.length,
    line, column: start,
  })
}

/** The index just past the run of exactly `length` backticks that closes a code span, or -1. */
function closingTicks(line: string, length: number, from: number): number {
  for (let i = line.indexOf('`', from); i !== -1; i = line.indexOf('`', i)) {
    let end = i
    while (line[end] === '`') end++
    if (end - i === length) return end
    i = end
  }
  return -1
}
