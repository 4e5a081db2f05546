import { Tag, tags } from '@lezer/highlight'
import type { BlockContext, Line, MarkdownConfig } from '@lezer/markdown'
import { isBlank } from '../../src-shared/markdown/markdown-lines'
import { matchBlockMathClosing, matchBlockMathOpening, matchInlineMath } from '../../src-shared/markdown/math-delimiters'

/** The highlighting tag of TeX math content (all four delimiters and display environments). */
export const mathTag = Tag.define()

const DOLLAR = 36
const BACKSLASH = 92
/** How far an inline formula may reach; a paragraph longer than this is unusual and the scan stays bounded. */
const MAX_INLINE_MATH = 8000

function opensBlockMath(line: Line): boolean {
  return matchBlockMathOpening(line.text.slice(line.pos)) !== null
}

function parseBlockMath(cx: BlockContext, line: Line): boolean {
  const text = line.text.slice(line.pos)
  const opening = matchBlockMathOpening(text)
  if (!opening) return false
  const from = cx.lineStart + line.pos
  const marks = opening.contentFrom > 0 ? [cx.elt('MathMark', from, from + opening.contentFrom)] : []
  let to = cx.lineStart + line.text.length
  let closing = matchBlockMathClosing(text.slice(opening.contentFrom), opening, 1)
  let closeAt = closing.contentTo === null ? null : { lineStart: cx.lineStart + line.pos + opening.contentFrom, line: text.slice(opening.contentFrom) }
  while (closing.depth !== 0 && cx.nextLine()) {
    // Display math cannot hold a blank line: a half-typed opening never swallows the post.
    if (isBlank(line.text)) break
    to = cx.lineStart + line.text.length
    closing = matchBlockMathClosing(line.text, opening, closing.depth)
    if (closing.contentTo !== null) closeAt = { lineStart: cx.lineStart, line: line.text }
  }
  if (closing.depth === 0) {
    if (closeAt && closing.contentTo !== null && opening.delimiter !== 'environment') {
      const markFrom = closeAt.lineStart + closing.contentTo
      marks.push(cx.elt('MathMark', markFrom, markFrom + 2))
    }
    cx.nextLine()
  }
  cx.addElement(cx.elt('BlockMath', from, to, marks))
  return true
}

/**
 * A Markdown parser extension for TeX math, following the preview's delimiter
 * rules (src-shared/markdown/math-delimiters.ts) so the editor and the preview agree
 * on what is a formula. Inline: `$…$` (Pandoc's rules), `$$…$$`, `\(…\)` and `\[…\]`
 * inside a paragraph. Block: a line starting with `$$`, `\[` or
 * `\begin{<display environment>}` up to its closing line (or a blank line).
 * Inside math, `_`, `*`, `\{` and `[` are not Markdown, so emphasis never breaks a
 * formula and bracket matching sees one token. Produces `InlineMath` and `BlockMath`
 * nodes with `MathMark` children for the delimiters.
 */
export const mathSyntax: MarkdownConfig = {
  defineNodes: [
    { name: 'InlineMath', style: mathTag },
    { name: 'BlockMath', block: true, style: mathTag },
    { name: 'MathMark', style: tags.processingInstruction },
  ],
  parseInline: [
    {
      name: 'InlineMath',
      before: 'Escape',
      parse(cx, next, pos) {
        if (next !== DOLLAR && next !== BACKSLASH) return -1
        if (next === BACKSLASH) {
          const after = cx.char(pos + 1)
          if (after !== 40 && after !== 91) return -1
        }
        const src = cx.slice(pos, Math.min(cx.end, pos + MAX_INLINE_MATH))
        const match = matchInlineMath(src, 0, src.length)
        if (!match) return -1
        return cx.addElement(
          cx.elt('InlineMath', pos, pos + match.end, [
            cx.elt('MathMark', pos, pos + match.contentFrom),
            cx.elt('MathMark', pos + match.contentTo, pos + match.end),
          ]),
        )
      },
    },
  ],
  parseBlock: [
    {
      name: 'BlockMath',
      before: 'FencedCode',
      parse: parseBlockMath,
      endLeaf: (_cx, line) => opensBlockMath(line),
    },
  ],
}
