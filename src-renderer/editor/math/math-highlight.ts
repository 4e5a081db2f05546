import { type StateField, RangeSetBuilder } from '@codemirror/state'
import { Decoration, type DecorationSet, type EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view'
import type { DocumentMathIndex } from '../../../src-shared/markdown/math-index'

const inlineMark = Decoration.mark({ class: 'cm-math' })
const displayMark = Decoration.mark({ class: 'cm-math cm-math-display' })

/**
 * Marks every formula in the visible ranges with the `cm-math` class (plus
 * `cm-math-display` for display math), using the formulas of `index`, so the editor
 * and the preview agree on what is math.
 */
export function mathHighlightPlugin(index: StateField<DocumentMathIndex>) {
  const build = (view: EditorView): DecorationSet => {
    const builder = new RangeSetBuilder<Decoration>()
    const math = view.state.field(index)
    let last = -1
    for (const { from, to } of view.visibleRanges) {
      for (const region of math.regionsIn(from, to)) {
        if (region.from < last) continue
        builder.add(region.from, region.to, region.isDisplay ? displayMark : inlineMark)
        last = region.to
      }
    }
    return builder.finish()
  }
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet

      constructor(view: EditorView) {
        this.decorations = build(view)
      }

      update(update: ViewUpdate) {
        if (update.docChanged || update.viewportChanged) this.decorations = build(update.view)
      }
    },
    { decorations: (plugin) => plugin.decorations },
  )
}
