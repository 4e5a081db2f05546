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
    if (line.includes('[')) scanLine(line, links)
  }
  return [...links]
}

function scanLine(line: string, links: Set<string>): void {
  const definition = LINK_DEFINITION.exec(line)
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
