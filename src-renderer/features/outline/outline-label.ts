import type { EquationNumber } from '../../../src-shared/markdown/equation-numbering'
import { resolveTexReferences } from '../../../src-shared/markdown/equation-numbering'
import { escapeHtml } from '../../../src-shared/markdown/escape-html'
import type { FormulaRenderer } from '../../../src-shared/markdown/formula-renderer'
import type { MacroSet } from '../../../src-shared/markdown/macros'
import { matchInlineMath } from '../../../src-shared/markdown/math-delimiters'

/** What {@link outlineLabelHtml} needs to typeset formulas in a heading. */
export interface OutlineMath {
  renderer: FormulaRenderer
  macros: MacroSet
  /** Equation numbers by label, so `\eqref{eq:x}` shows as the preview shows it. */
  labels: ReadonlyMap<string, EquationNumber>
}

/**
 * A heading's plain text (see `plainHeading`) as HTML for the outline: text
 * escaped, inline formulas typeset by KaTeX (with the folder's macros, and
 * `\ref`/`\eqref` replaced by their numbers), so "Checking $\eqref{eq:marginal}$"
 * reads "Checking (2)" as in the preview.
 */
export function outlineLabelHtml(text: string, math: OutlineMath): string {
  let html = ''
  let plainFrom = 0
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch !== '$' && ch !== '\\') continue
    const match = matchInlineMath(text, i, text.length)
    if (!match) {
      if (ch === '\\') i++
      continue
    }
    html += escapeHtml(text.slice(plainFrom, i))
    const tex = resolveTexReferences(text.slice(match.contentFrom, match.contentTo), math.labels)
    html += math.renderer.render(tex, false, math.macros)
    plainFrom = match.end
    i = match.end - 1
  }
  return html + escapeHtml(text.slice(plainFrom))
}
