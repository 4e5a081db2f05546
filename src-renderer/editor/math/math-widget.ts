import { WidgetType } from '@codemirror/view'
import type { FormulaRenderer } from '../../../src-shared/markdown/formula-renderer'
import type { MacroSet } from '../../../src-shared/markdown/macros'

/**
 * A rendered formula standing in for its source. Two widgets with the same TeX,
 * display mode and macros are equal, so CodeMirror keeps the existing DOM when the
 * document changes elsewhere.
 */
export class MathWidget extends WidgetType {
  constructor(
    readonly tex: string,
    readonly isDisplay: boolean,
    readonly isBlock: boolean,
    readonly macros: MacroSet,
    readonly renderer: FormulaRenderer,
  ) {
    super()
  }

  override eq(other: MathWidget): boolean {
    return other.tex === this.tex && other.isDisplay === this.isDisplay && other.isBlock === this.isBlock && other.macros.fingerprint === this.macros.fingerprint
  }

  override toDOM(): HTMLElement {
    const element = document.createElement(this.isBlock ? 'div' : 'span')
    element.className = this.isDisplay ? 'cm-math-widget cm-math-widget-display' : 'cm-math-widget'
    // KaTeX output built from escaped input with `trust: false`, or an escaped error chip.
    // KaTeX output (trust: false) or an escaped error chip: no text from the post reaches the DOM unescaped.
    element.innerHTML = this.renderer.render(this.tex, this.isDisplay, this.macros)
    return element
  }

  override get estimatedHeight(): number {
    return this.isBlock ? 48 : -1
  }

  override ignoreEvent(): boolean {
    // Let CodeMirror place the cursor on click, which reveals the source.
    return false
  }
}
