import { EditorSelection, EditorState, type Extension } from '@codemirror/state'
import { EditorView, type Decoration } from '@codemirror/view'
import { describe, expect, it } from 'vitest'
import { MathWidget, mathCompositionChanged, mathPreviewExtension, mathViewportChanged } from '../../src-renderer/editor/math'

/** A state from a document where `|` marks the cursor, with the whole document reported visible. */
function stateOf(doc: string, extension: Extension = mathPreviewExtension()): EditorState {
  const cursor = doc.indexOf('|')
  const text = doc.replace('|', '')
  const state = EditorState.create({ doc: text, selection: EditorSelection.cursor(cursor), extensions: extension })
  return state.update({ effects: mathViewportChanged.of([{ from: 0, to: text.length }]) }).state
}

/** The math widgets the state shows: their TeX and whether they are blocks. */
function widgetsOf(state: EditorState): Array<{ tex: string; isBlock: boolean; widget: MathWidget }> {
  const found: Array<{ tex: string; isBlock: boolean; widget: MathWidget }> = []
  for (const source of state.facet(EditorView.decorations)) {
    if (typeof source === 'function') continue
    source.between(0, state.doc.length, (_from, _to, value: Decoration) => {
      const widget = value.spec.widget
      if (widget instanceof MathWidget) found.push({ tex: widget.tex, isBlock: widget.isBlock, widget })
    })
  }
  return found
}

describe('the editor math extension', () => {
  it('renders a formula when the cursor is outside it', () => {
    expect(widgetsOf(stateOf('a $x^2$ and \\(y\\) b|')).map((w) => w.tex)).toEqual(['x^2', 'y'])
  })

  it('shows the source of the formula the cursor is in', () => {
    expect(widgetsOf(stateOf('a $x|^2$ and $y$')).map((w) => w.tex)).toEqual(['y'])
  })

  it('shows the source again when the cursor moves into a rendered formula', () => {
    const state = stateOf('a $x^2$ b|')
    const moved = state.update({ selection: EditorSelection.cursor(4) }).state
    expect(widgetsOf(moved)).toEqual([])
  })

  it('renders a display formula on its own lines as a block widget', () => {
    const [widget] = widgetsOf(stateOf('$$\nE = mc^2\n$$\n\ntext|'))
    expect(widget).toMatchObject({ tex: 'E = mc^2', isBlock: true })
  })

  it('numbers display formulas and resolves references like the preview', () => {
    const widgets = widgetsOf(stateOf('$$\nx \\label{eq:a}\n$$\n\n\\begin{equation}\ny\n\\end{equation}\n\nSee $\\eqref{eq:a}$ and $\\ref{nope}$.|'))
    expect(widgets.map((w) => w.tex)).toEqual(['x \\tag{1}', '\\begin{equation*}\ny \\tag{2}\\end{equation*}', '\\text{(1)}', '\\text{??}'])
  })

  it('renders only formulas in the reported viewport', () => {
    const doc = `$a$\n\n${'filler\n\n'.repeat(50)}$b$|`
    const state = stateOf(doc).update({ effects: mathViewportChanged.of([{ from: 0, to: 10 }]) }).state
    expect(widgetsOf(state).map((w) => w.tex)).toEqual(['a'])
  })

  it('adds no widget during input-method composition, and catches up when it ends', () => {
    const state = stateOf('x $a$ |').update({ effects: mathCompositionChanged.of(true) }).state
    const before = widgetsOf(state)
    const typed = state.update({
      changes: { from: 6, insert: '$b$ 中文' },
      selection: EditorSelection.cursor(12),
      userEvent: 'input.type.compose',
    }).state
    const during = widgetsOf(typed)
    expect(during.map((w) => w.tex)).toEqual(['a'])
    expect(during[0].widget).toBe(before[0].widget)
    const ended = typed.update({ effects: mathCompositionChanged.of(false) }).state
    expect(widgetsOf(ended).map((w) => w.tex)).toEqual(['a', 'b'])
  })

  it('keeps widgets still during a composition transaction even without the composition report', () => {
    const state = stateOf('x $a$ |')
    const typed = state.update({ changes: { from: 2, insert: '拼' }, userEvent: 'input.type.compose' }).state
    expect(widgetsOf(typed)[0].widget).toBe(widgetsOf(state)[0].widget)
  })

  it('highlights but does not render when widgets are off', () => {
    expect(widgetsOf(stateOf('a $x$ b|', mathPreviewExtension({ showWidgets: false })))).toEqual([])
  })

  it('uses the folder preamble and the front matter macros', () => {
    const state = stateOf('---\nmacros:\n  \\Q: \\mathbb{Q}\n---\n\n$\\R \\Q$ end|', mathPreviewExtension({ preamble: '\\newcommand{\\R}{\\mathbb{R}}' }))
    const [widget] = widgetsOf(state)
    expect(Object.keys(widget.widget.macros.macros).sort()).toEqual(['\\Q', '\\R'])
  })
})
