import { Facet } from '@codemirror/state'
import type { NumberingMode } from '../../../src-shared/markdown/equation-numbering'
import type { FormulaBudget } from '../../../src-shared/markdown/formula-budget'
import { createFormulaRenderer, type FormulaRenderer } from '../../../src-shared/markdown/formula-renderer'
import type { PostMacros } from '../../../src-shared/markdown/macros'

/** Options of {@link mathPreviewExtension}. */
export interface MathPreviewOptions {
  /** The folder's macro preamble (`.lemma/macros.tex`). */
  preamble?: string
  /** The post's macros; when undefined, `macros:` is read from the document's front matter as it is typed. */
  macros?: PostMacros
  /** Which display equations get numbers; must match the preview's. Default `auto`. */
  numbering?: NumberingMode
  /** Render formulas in place (default true); false leaves only math highlighting. */
  showWidgets?: boolean
  /** Share a formula renderer (and its cache) with other views; one is created otherwise. */
  formulaRenderer?: FormulaRenderer
}

/**
 * The editor's formula budget, lower than the preview's: widgets render on the main
 * thread, so a formula that would take KaTeX tens of milliseconds shows the chip.
 */
export const EDITOR_FORMULA_BUDGET: FormulaBudget = { maxLength: 4000, maxDepth: 60 }

/** Resolved math options of a state. */
export interface MathConfig {
  preamble: string
  macros: PostMacros | undefined
  numbering: NumberingMode
  showWidgets: boolean
  formulaRenderer: FormulaRenderer
}

/** Holds the options of the math extension; the last one provided wins. */
export const mathConfig = Facet.define<MathConfig, MathConfig>({
  combine: (values) => values.at(-1) ?? resolveMathOptions({}),
})

/** Fills in defaults. Creates a formula renderer with {@link EDITOR_FORMULA_BUDGET} unless one is given. */
export function resolveMathOptions(options: MathPreviewOptions): MathConfig {
  return {
    preamble: options.preamble ?? '',
    macros: options.macros,
    numbering: options.numbering ?? 'auto',
    showWidgets: options.showWidgets ?? true,
    formulaRenderer: options.formulaRenderer ?? createFormulaRenderer({ budget: EDITOR_FORMULA_BUDGET, cacheSize: 2000 }),
  }
}
