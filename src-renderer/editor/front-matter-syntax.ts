import { tags } from '@lezer/highlight'
import type { MarkdownConfig } from '@lezer/markdown'

const fence = /^(?:---|\.\.\.)\s*$/

/**
 * A Markdown parser extension that recognises YAML front matter: a `---` line at the
 * very start of the document up to the next `---` (or `...`) line. The block becomes a
 * `FrontMatter` node styled as meta text, so its closing `---` is not read as a
 * heading underline. An unclosed block runs to the end of the document, like an
 * unclosed code fence.
 */
export const frontMatterSyntax: MarkdownConfig = {
  defineNodes: [
    { name: 'FrontMatter', block: true, style: tags.meta },
    { name: 'FrontMatterMark', style: tags.processingInstruction },
  ],
  parseBlock: [
    {
      name: 'FrontMatter',
      before: 'HorizontalRule',
      parse(cx, line) {
        if (cx.lineStart !== 0 || !/^---\s*$/.test(line.text)) return false
        const from = cx.lineStart
        const marks = [cx.elt('FrontMatterMark', from, from + 3)]
        let to = from + line.text.length
        while (cx.nextLine()) {
          to = cx.lineStart + line.text.length
          if (fence.test(line.text)) {
            marks.push(cx.elt('FrontMatterMark', cx.lineStart, cx.lineStart + 3))
            cx.nextLine()
            break
          }
        }
        cx.addElement(cx.elt('FrontMatter', from, to, marks))
        return true
      },
    },
  ],
}
