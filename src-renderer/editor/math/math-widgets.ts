import { type EditorState, StateEffect, StateField, type Transaction } from '@codemirror/state'
import { Decoration, type DecorationSet, EditorView, ViewPlugin, type ViewUpdate } from '@codemirror/view'
import { readFrontMatterMacros } from '../../../src-shared/markdown/front-matter-macros'
import { createMacroSet, withDocumentDefinitions, type MacroSet, type PostMacros } from '../../../src-shared/markdown/macros'
import type { DocumentMathIndex } from '../../../src-shared/markdown/math-index'
import { mathConfig } from './math-config'
import { MathWidget } from './math-widget'

/** The document ranges the view shows, reported by the view plugin (widgets are built only there). */
export const mathViewportChanged = StateEffect.define<ReadonlyArray<{ from: number; to: number }>>()

/** Input-method composition started (true) or ended (false), reported by the view plugin. */
export const mathCompositionChanged = StateEffect.define<boolean>()

/** What the widget field keeps between transactions. */
export interface MathWidgetState {
  decorations: DecorationSet
  viewport: ReadonlyArray<{ from: number; to: number }>
  isComposing: boolean
  macros: MacroSet
  /** What `macros` was built from, to rebuild it only when that changes. */
  macroKey: string
}

function macroInputs(state: EditorState, index: DocumentMathIndex): { key: string; post: PostMacros | undefined } {
  const config = state.facet(mathConfig)
  const frontMatter = index.blocks[0]?.isFrontMatter ? index.blocks[0].text : ''
  const post = config.macros ?? (frontMatter ? readFrontMatterMacros(frontMatter) : undefined)
  return { key: `${config.preamble}\u0000${config.macros ? JSON.stringify(config.macros) : frontMatter}\u0000${index.globalDefinitions.join('\u0000')}`, post }
}

function macrosFor(state: EditorState, index: DocumentMathIndex, previous: MathWidgetState | null): { macros: MacroSet; macroKey: string } {
  const inputs = macroInputs(state, index)
  if (previous && previous.macroKey === inputs.key) return { macros: previous.macros, macroKey: previous.macroKey }
  const base = createMacroSet({ preamble: state.facet(mathConfig).preamble, postMacros: inputs.post })
  return { macros: withDocumentDefinitions(base, index.globalDefinitions), macroKey: inputs.key }
}

function buildDecorations(
  state: EditorState,
  index: DocumentMathIndex,
  viewport: ReadonlyArray<{ from: number; to: number }>,
  macros: MacroSet,
): DecorationSet {
  const { formulaRenderer } = state.facet(mathConfig)
  const decorations = []
  const selection = state.selection.ranges
  let last = -1
  for (const { from, to } of viewport) {
    for (const { region, tex } of index.formulasIn(from, to)) {
      if (region.from < last) continue
      // The cursor (or a selection) touching the formula shows its source.
      if (selection.some((range) => range.from <= region.to && range.to >= region.from)) continue
      const startLine = state.doc.lineAt(region.from)
      const endLine = state.doc.lineAt(region.to)
      const isBlock = region.isBlock && startLine.from === region.from && endLine.to === region.to
      const widget = new MathWidget(tex, region.isDisplay, isBlock, macros, formulaRenderer)
      decorations.push(Decoration.replace({ widget, block: isBlock }).range(region.from, region.to))
      last = region.to
    }
  }
  return Decoration.set(decorations, true)
}

/**
 * Creates the field that renders formulas in place: a formula outside every
 * selection range and inside the reported viewport is replaced by its rendering
 * (a block widget when it fills whole lines); the cursor entering it shows its
 * source. During input-method composition nothing is inserted or replaced, only
 * mapped, so the composed text is never disturbed; widgets catch up when
 * composition ends. Built in a state field because block widgets and replacements
 * across line breaks cannot come from a view plugin.
 */
export function mathWidgetField(index: StateField<DocumentMathIndex>): StateField<MathWidgetState> {
  return StateField.define<MathWidgetState>({
    create(state) {
      const math = state.field(index)
      return { decorations: Decoration.none, viewport: [], isComposing: false, ...macrosFor(state, math, null) }
    },
    update(value, tr: Transaction) {
      let { viewport, isComposing } = value
      let hasNews = tr.docChanged || tr.selection !== undefined || tr.startState.facet(mathConfig) !== tr.state.facet(mathConfig)
      for (const effect of tr.effects) {
        if (effect.is(mathViewportChanged)) {
          viewport = effect.value
          hasNews = true
        } else if (effect.is(mathCompositionChanged)) {
          isComposing = effect.value
          hasNews = true
        }
      }
      if (tr.docChanged) viewport = viewport.map((range) => ({ from: tr.changes.mapPos(range.from, -1), to: tr.changes.mapPos(range.to, 1) }))
      const decorations = tr.docChanged ? value.decorations.map(tr.changes) : value.decorations
      if (isComposing || tr.isUserEvent('input.type.compose')) return { ...value, decorations, viewport, isComposing }
      if (!hasNews) return value
      const math = tr.state.field(index)
      const macros = macrosFor(tr.state, math, value)
      const showWidgets = tr.state.facet(mathConfig).showWidgets
      return {
        decorations: showWidgets ? buildDecorations(tr.state, math, viewport, macros.macros) : Decoration.none,
        viewport,
        isComposing,
        ...macros,
      }
    },
    provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
  })
}

/**
 * Reports the viewport and input-method composition to the widget field. Reports
 * are dispatched after the current update, never inside it.
 */
export function mathWidgetReporter() {
  return ViewPlugin.fromClass(
    class {
      private isComposing = false
      private isDestroyed = false
      private isScheduled = false

      constructor(private readonly view: EditorView) {
        this.schedule()
      }

      update(update: ViewUpdate) {
        const isComposing = update.view.composing || update.view.compositionStarted
        if (update.viewportChanged || isComposing !== this.isComposing) this.schedule()
      }

      destroy() {
        this.isDestroyed = true
      }

      private schedule() {
        if (this.isScheduled) return
        this.isScheduled = true
        queueMicrotask(() => {
          this.isScheduled = false
          if (this.isDestroyed) return
          const view = this.view
          const isComposing = view.composing || view.compositionStarted
          const effects: StateEffect<unknown>[] = [mathViewportChanged.of(view.visibleRanges.map(({ from, to }) => ({ from, to })))]
          if (isComposing !== this.isComposing) effects.push(mathCompositionChanged.of(isComposing))
          this.isComposing = isComposing
          view.dispatch({ effects })
        })
      }
    },
  )
}
