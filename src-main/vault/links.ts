import { closesFence, fenceOpening } from './block-lines'

const INLINE_LINK =
  /(`+)|(!?)\[\[([^[\]\n]+)\]\]|(!?)\[(?:[^[\]\n\\]|\\.|\[[^[\]\n]*\])*\]\([ \t]{0,32}(<[^<>\n]*>|[^\s()<>]*(?:\([^\s()]*\)[^\s()]*)*)(?:[ \t]{1,32}(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]{0,32}\)/g
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*(<[^<>\n]*>|\S+)/
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/
const MARKDOWN_PATH = /\.(md|markdown)$/i

/**
 * The link targets of a post body, as written, deduplicated, in order of first use:
 * wiki links (`[[Title]]`, `[[Title|alias]]` gives `Title`, `[[Title#Heading]]` gives
 * `Title#Heading`) and relative links to Markdown files (`[x](other.md)`,
 * `[x](../a/b.md#h)`, `[x]: other.md`). Skipped: embeds (`![[…]]`), images,
 * same-page anchors, URLs with a scheme (`http:`, `mailto:`), root-absolute paths,
 * and anything inside code blocks or code spans.
 */
export function extractLinks(body: string): string[] {
  const links = new Set<string>()
  let fence: string | null = null
  for (let at = 0; at <= body.length; ) {
    let end = body.indexOf('\n', at)
    if (end === -1) end = body.length
    const line = body.slice(at, end)
    at = end + 1
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null
      continue
    }
    const opening = fenceOpening(line)
    if (opening !== null) {
      fence = opening.marker
      continue
    }
    if (line.includes('[')) addLineLinks(line, links)
  }
  return [...links]
}

/**
 * {@link extractLinks} of the text that the UTF-8 `bytes[start, end)` decode to (with
 * `\r\n` read as `\n`), given `markupLines`, the byte where each line holding `[`,
 * `` ` `` or `~` starts, in order (see `countWordsUtf8`): only those lines can open or
 * close a code fence or hold a link, and only those that can are decoded. The bytes
 * must be valid UTF-8 (see `isUtf8`).
 */
export function extractLinksUtf8(bytes: Buffer, end: number, markupLines: readonly number[]): string[] {
  const links = new Set<string>()
  let fence: string | null = null
  let fenceByte = 0
  for (const from of markupLines) {
    let lineEnd = bytes.indexOf(10, from)
    if (lineEnd === -1 || lineEnd >= end) lineEnd = end
    const stop = lineEnd < end && lineEnd > from && bytes[lineEnd - 1] === 13 ? lineEnd - 1 : lineEnd
    if (fence !== null) {
      // Closing needs a line of fence characters, perhaps padded with any kind of space.
      if (hasByte(bytes, fenceByte, from, stop) && closesFence(bytes.toString('utf8', from, stop), fence)) fence = null
      continue
    }
    let first = from
    while (first < stop && first < from + 3 && bytes[first] === 0x20) first++
    if (first < stop && (bytes[first] === 0x60 || bytes[first] === 0x7e)) {
      const opening = fenceOpening(bytes.toString('utf8', from, stop))
      if (opening !== null) {
        fence = opening.marker
        fenceByte = fence.charCodeAt(0)
        continue
      }
    }
    const bracket = bytes.indexOf(0x5b, from)
    if (bracket === -1 || bracket >= stop || !mayHoldLink(bytes, bracket, stop)) continue
    const segment = linkSegmentStart(bytes, from, bracket)
    addLineLinks(bytes.toString('utf8', segment, stop), links, segment === from)
  }
  return [...links]
}

/**
 * Where to start decoding a line (`from`) whose first `[` is at `bracket`: at the
 * `[` (or the `!` before it), so that a long paragraph with a link at its end is not
 * decoded whole. From the line start when what comes before could matter: a
 * backtick (a code span may hide the link) or only spaces (a link definition).
 */
function linkSegmentStart(bytes: Buffer, from: number, bracket: number): number {
  const backtick = bytes.indexOf(0x60, from)
  if (backtick !== -1 && backtick < bracket) return from
  let first = from
  while (first < bracket && bytes[first] === 0x20) first++
  if (first === bracket) return from
  return bytes[bracket - 1] === 0x21 ? bracket - 1 : bracket
}

function hasByte(bytes: Buffer, byte: number, from: number, to: number): boolean {
  const found = bytes.indexOf(byte, from)
  return found !== -1 && found < to
}

/** True when `bytes[first, to)`, starting at a line's first `[`, holds `[[`, `](` or `]:`, without which {@link addLineLinks} finds nothing. */
function mayHoldLink(bytes: Buffer, first: number, to: number): boolean {
  for (let i = first; i < to - 1; i++) {
    const c = bytes[i]
    const next = bytes[i + 1]
    if (c === 0x5b ? next === 0x5b : c === 0x5d && (next === 0x28 || next === 0x3a)) return true
  }
  return false
}

/**
 * Adds the links of one line outside code blocks to `links` (see {@link extractLinks}).
 * Only a line holding `[[`, `](` or `]:` can have any. `isLineStart` false means
 * `line` is the tail of a line from a `[` on, which cannot be a link definition.
 */
export function addLineLinks(line: string, links: Set<string>, isLineStart = true): void {
  const definition = isLineStart ? LINK_DEFINITION.exec(line) : null
  if (definition !== null) {
    addPath(definition[1], links)
    return
  }
  INLINE_LINK.lastIndex = 0
  for (let match = INLINE_LINK.exec(line); match !== null; match = INLINE_LINK.exec(line)) {
    const [, ticks, embed, wiki, image, destination] = match
    if (ticks !== undefined) {
      const close = closingTicks(line, ticks.length, INLINE_LINK.lastIndex)
      if (close !== -1) INLINE_LINK.lastIndex = close
    } else if (wiki !== undefined) {
      const target = wiki.replaceAll('\\|', '|').split('|')[0].trim()
      if (embed === '' && target !== '' && !target.startsWith('#')) links.add(target)
    } else if (image === '' && destination !== undefined) {
      addPath(destination, links)
    }
  }
}

function addPath(destination: string, links: Set<string>): void {
  const target = destination.startsWith('<') ? destination.slice(1, -1).trim() : destination
  if (target === '' || target.startsWith('#') || target.startsWith('/') || target.startsWith('\\') || SCHEME.test(target)) return
  const pathPart = target.split(/[#?]/)[0]
  if (MARKDOWN_PATH.test(pathPart)) links.add(target)
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
