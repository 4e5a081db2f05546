import { nestingDepth } from './tex-reader'

/** Limits beyond which a formula is not handed to KaTeX at all. */
export interface FormulaBudget {
  /** Longest TeX source rendered, in UTF-16 code units. */
  maxLength: number
  /** Deepest nesting of braces, `\left…\right` and environments. */
  maxDepth: number
}

/**
 * The preview's default budget. KaTeX's own `maxSize`/`maxExpand` do not bound parse
 * depth (500 nested `{` overflow the stack) or output size (18,000 characters of
 * `x+x+…` take about half a second), so these limits are checked first, in one pass.
 */
export const DEFAULT_FORMULA_BUDGET: FormulaBudget = { maxLength: 20_000, maxDepth: 100 }

/** Why a formula is over budget, or null when it may be rendered. */
export function exceedsBudget(tex: string, budget: FormulaBudget): string | null {
  if (tex.length > budget.maxLength) {
    return `Formula too large to render (${tex.length.toLocaleString('en-US')} characters; the limit is ${budget.maxLength.toLocaleString('en-US')})`
  }
  const depth = nestingDepth(tex, budget.maxDepth)
  if (depth > budget.maxDepth) return `Formula too large to render (nested more than ${budget.maxDepth} levels deep)`
  return null
}
