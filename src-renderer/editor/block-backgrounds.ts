import { syntaxTree } from '@codemirror/language'
import { RangeSetBuilder } from '@codemirror/state'
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view'

/** The line class each block node gets; its first and last lines also get `-start`/`-end`. */
const blockClasses: Record<string, string> = {
  FencedCode: 'cm-md-code-block',
  BlockMath: 'cm-md-math-block',
  FrontMatter: 'cm-md-front-matter',
}

function lineDecoration(className: string) {
  return Decoration.line({ class: className })
}

function buildDecorations(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  const { doc } = view.state
  const tree = syntaxTree(view.state)
  let lastLine = -1
  // Only the visible ranges are walked, so long posts cost no more than short ones.
  for (const { from, to } of view.visibleRanges) {
    tree.iterate({
      from,
      to,
      enter(node) {
        const className = blockClasses[node.name]
        if (!className) return undefined
        const first = doc.lineAt(node.from).number
        const last = doc.lineAt(node.to).number
        const start = Math.max(first, doc.lineAt(from).number)
        const end = Math.min(last, doc.lineAt(to).number)
        for (let n = start; n <= end; n++) {
          if (n <= lastLine) continue
          let classes = className
          if (n === first) classes += ` ${className}-start`
          if (n === last) classes += ` ${className}-end`
          const line = doc.line(n)
          builder.add(line.from, line.from, lineDecoration(classes))
          lastLine = n
        }
        return false
      },
    })
  }
  return builder.finish()
}

/**
 * Gives the lines of fenced code, block math and front matter a background, so
 * these blocks read as units while the text stays plain Markdown.
 */
export function blockBackgrounds() {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet

      constructor(view: EditorView) {
        this.decorations = buildDecorations(view)
      }

      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) {
          this.decorations = buildDecorations(update.view)
        }
      }
    },
    { decorations: (plugin) => plugin.decorations },
  )
}
