import { Tag, tags } from '@lezer/highlight'
import type { MarkdownConfig } from '@lezer/markdown'

const DOLLAR = 36
const BACKSLASH = 92

/** The highlighting tag of TeX math content (`$…$`, `$$…$$`). */
export const mathTag = Tag.define()

function isSpace(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13
}

function isDigit(ch: number): boolean {
  return ch >= 48 && ch <= 57
}

function opensBlockMath(text: string, pos: number): boolean {
  return text.charCodeAt(pos) === DOLLAR && text.charCodeAt(pos + 1) === DOLLAR
}

/**
 * A Markdown parser extension for TeX math, so that `_` and `*` inside formulas are
 * not read as emphasis. Inline math is `$…$` (Pandoc rules: no space just inside the
 * dollars, no digit right after the closing one) or `$$…$$` within a paragraph;
 * block math starts with a line beginning `$$` and ends with the next line ending in
 * `$$`. Produces `InlineMath` and `BlockMath` nodes with `MathMark` children.
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
      after: 'InlineCode',
      parse(cx, next, pos) {
        if (next !== DOLLAR) return -1
        const isDisplay = cx.char(pos + 1) === DOLLAR
        const contentFrom = pos + (isDisplay ? 2 : 1)
        if (!isDisplay && isSpace(cx.char(contentFrom))) return -1
        for (let i = contentFrom; i < cx.end; i++) {
          const ch = cx.char(i)
          if (ch === BACKSLASH) {
            i++
            continue
          }
          if (ch !== DOLLAR || i === contentFrom) continue
          if (isDisplay) {
            if (cx.char(i + 1) !== DOLLAR) continue
            return cx.addElement(cx.elt('InlineMath', pos, i + 2, [cx.elt('MathMark', pos, pos + 2), cx.elt('MathMark', i, i + 2)]))
          }
          if (isSpace(cx.char(i - 1)) || isDigit(cx.char(i + 1))) continue
          return cx.addElement(cx.elt('InlineMath', pos, i + 1, [cx.elt('MathMark', pos, pos + 1), cx.elt('MathMark', i, i + 1)]))
        }
        return -1
      },
    },
  ],
  parseBlock: [
    {
      name: 'BlockMath',
      before: 'FencedCode',
      parse(cx, line) {
        if (!opensBlockMath(line.text, line.pos)) return false
        // `$$x$$` on one line is left to the inline parser.
        if (/\$\$\s*$/.test(line.text.slice(line.pos + 2))) return false
        const from = cx.lineStart + line.pos
        const marks = [cx.elt('MathMark', from, from + 2)]
        let to = cx.lineStart + line.text.length
        while (cx.nextLine()) {
          to = cx.lineStart + line.text.length
          const close = /\$\$\s*$/.exec(line.text)
          if (close) {
            marks.push(cx.elt('MathMark', cx.lineStart + close.index, cx.lineStart + close.index + 2))
            cx.nextLine()
            break
          }
        }
        cx.addElement(cx.elt('BlockMath', from, to, marks))
        return true
      },
      endLeaf: (_cx, line) => opensBlockMath(line.text, line.pos),
    },
  ],
}
