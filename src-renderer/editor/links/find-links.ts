import { syntaxTree } from '@codemirror/language'
import type { EditorState } from '@codemirror/state'
import type { SyntaxNode } from '@lezer/common'
import { scanLineLinks } from '../../../src-shared/search/scan-links'
import type { LinkKind, LinkRef } from '../../../src-shared/search/link-types'

/** A link between posts in the editor's document. */
export interface EditorLink {
  kind: LinkKind
  /** Wiki: the title or file name (no `#heading`, no `|alias`); Markdown: the relative path. */
  target: string
  heading: string | null
  /** `[from, to)` of the whole link in the document. */
  from: number
  to: number
}

// Links written inside these are text, not links (the same rule as the index's scanner).
const NOT_LINKS = new Set(['FencedCode', 'CodeBlock', 'InlineCode', 'CodeText', 'HTMLBlock', 'CommentBlock', 'FrontMatter', 'InlineMath', 'BlockMath'])

/**
 * The links of the lines touching `[from, to]`, in order: `[[Title]]`,
 * `[[Title|alias]]`, `[[Title#Heading]]`, `![[Title]]` and relative Markdown links
 * to `.md` files, as the shared scanner finds them, minus those the syntax tree
 * places in code, math or front matter.
 */
export function linksInRange(state: EditorState, from: number, to: number): EditorLink[] {
  const doc = state.doc
  const tree = syntaxTree(state)
  const links: EditorLink[] = []
  const last = doc.lineAt(Math.min(to, doc.length)).number
  for (let number = doc.lineAt(Math.max(0, from)).number; number <= last; number++) {
    const line = doc.line(number)
    if (!line.text.includes('[')) continue
    for (const found of scanLineLinks(line.text, line.from, number)) {
      if (isInside(tree.resolveInner(found.start, 1), NOT_LINKS)) continue
      links.push({ kind: found.kind, target: found.target, heading: found.heading, from: found.start, to: found.end })
    }
  }
  return links
}

/** The link at `pos` (its ends included), or null. */
export function linkAt(state: EditorState, pos: number): EditorLink | null {
  return linksInRange(state, pos, pos).find((link) => link.from <= pos && pos <= link.to) ?? null
}

// `[[#Heading]]`, `[[#Heading|shown]]` and `[text](#heading)`: links within the post, which the shared scanner leaves out.
const SAME_DOCUMENT_LINK = /\[\[#([^[\]|\n]+)(?:\\?\|[^[\]\n]*)?\]\]|(?<!!)\[(?:[^[\]\n\\]|\\.)*\]\(\s*#([^\s()]*)\s*\)/g

/**
 * The link to a heading of the same post at `pos` (its ends included), or null:
 * `[[#Heading]]` (kind `wiki`) or `[text](#heading)` (kind `markdown`), with an
 * empty `target` and the part after `#` as written. Not inside code, math or
 * front matter.
 */
export function sameDocumentLinkAt(state: EditorState, pos: number): EditorLink | null {
  const line = state.doc.lineAt(pos)
  if (!line.text.includes('#')) return null
  SAME_DOCUMENT_LINK.lastIndex = 0
  for (let match = SAME_DOCUMENT_LINK.exec(line.text); match !== null; match = SAME_DOCUMENT_LINK.exec(line.text)) {
    const from = line.from + match.index
    const to = from + match[0].length
    if (pos < from || pos > to) continue
    const heading = (match[1] ?? match[2]).trim()
    if (heading === '' || isInside(syntaxTree(state).resolveInner(from, 1), NOT_LINKS)) return null
    return { kind: match[1] !== undefined ? 'wiki' : 'markdown', target: '', heading, from, to }
  }
  return null
}

/** The key a link's resolution is cached under: one per kind and target as written. */
export function linkKey(link: LinkRef): string {
  return `${link.kind}\u0000${link.target}`
}

function isInside(node: SyntaxNode | null, names: ReadonlySet<string>): boolean {
  for (let at = node; at; at = at.parent) if (names.has(at.name)) return true
  return false
}
