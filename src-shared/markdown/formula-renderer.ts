import katex from 'katex'
import { escapeHtml } from './escape-html'
import { DEFAULT_FORMULA_BUDGET, exceedsBudget, type FormulaBudget } from './formula-budget'
import { LruCache } from './lru-cache'
import type { MacroSet } from './macros'

/** Turns one formula into HTML; shared by the preview, the editor's widgets and export. */
export interface FormulaRenderer {
  /**
   * The formula's HTML: KaTeX output, an error chip with KaTeX's message, or a "too
   * large to render" chip. Never throws. Results are cached by (source, display mode,
   * macro fingerprint).
   */
  render(tex: string, isDisplay: boolean, macros: MacroSet): string
  /** Counters since creation: cache hits, and formulas actually handed to KaTeX. */
  readonly stats: { hits: number; rendered: number }
}

/** Options of {@link createFormulaRenderer}. */
export interface FormulaRendererOptions {
  /** How many formulas to remember (least recently used first out). Default 5,000. */
  cacheSize?: number
  /** Formulas over this budget are not rendered. Default {@link DEFAULT_FORMULA_BUDGET}. */
  budget?: FormulaBudget
}

/** KaTeX options fixed for every formula; see {@link createFormulaRenderer}. */
export const KATEX_OPTIONS = {
  throwOnError: false,
  strict: 'ignore',
  trust: false,
  maxSize: 50,
  maxExpand: 1000,
  output: 'htmlAndMathml',
} as const

/**
 * Creates a caching formula renderer. KaTeX runs with `throwOnError: false` (an
 * unknown command shows in red while the rest renders), `strict: 'ignore'`,
 * `trust: false` (no `\href`, `\includegraphics` or `\htmlData`), `maxSize: 50`,
 * `maxExpand: 1000` and MathML for screen readers. Each call is wrapped in its own
 * try/catch, since deep nesting overflows the stack even without `throwOnError`, and
 * gets a fresh copy of the macro table, so a `\gdef` in one formula never reaches the
 * next one through KaTeX (document-wide `\gdef` goes through
 * {@link withDocumentDefinitions} instead). A formula KaTeX rejects as a whole becomes
 * an error chip showing its message; one over the budget becomes a "too large" chip
 * without reaching KaTeX.
 */
export function createFormulaRenderer(options: FormulaRendererOptions = {}): FormulaRenderer {
  const cache = new LruCache<string, string>(options.cacheSize ?? 5000)
  const budget = options.budget ?? DEFAULT_FORMULA_BUDGET
  const stats = { hits: 0, rendered: 0 }
  return {
    stats,
    render(tex, isDisplay, macros) {
      const key = `${isDisplay ? 'D' : 'I'}${macros.fingerprint}\u0000${tex}`
      const cached = cache.get(key)
      if (cached !== undefined) {
        stats.hits++
        return cached
      }
      stats.rendered++
      const html = renderUncached(tex, isDisplay, macros, budget)
      cache.set(key, html)
      return html
    },
  }
}

function renderUncached(tex: string, isDisplay: boolean, macros: MacroSet, budget: FormulaBudget): string {
  const tooLarge = exceedsBudget(tex, budget)
  if (tooLarge !== null) return tooLargeChip(tex, tooLarge)
  try {
    const html = katex.renderToString(tex, { ...KATEX_OPTIONS, displayMode: isDisplay, macros: { ...macros.macros } })
    if (!html.startsWith('<span class="katex-error"')) return html
    // KaTeX rejected the whole formula; render again, throwing, to get its message.
    return errorChip(tex, isDisplay, parseErrorMessage(tex, isDisplay, macros))
  } catch (error) {
    return errorChip(tex, isDisplay, describe(error))
  }
}

function parseErrorMessage(tex: string, isDisplay: boolean, macros: MacroSet): string {
  try {
    katex.renderToString(tex, { ...KATEX_OPTIONS, throwOnError: true, displayMode: isDisplay, macros: { ...macros.macros } })
    return 'KaTeX could not render this formula'
  } catch (error) {
    return describe(error)
  }
}

function describe(error: unknown): string {
  if (error instanceof RangeError) return 'Formula too deeply nested to render'
  const message = error instanceof Error ? error.message : String(error)
  return message.replace(/^KaTeX parse error: /, '')
}

/** The chip shown in place of a formula KaTeX could not render; everything in it is escaped. */
export function errorChip(tex: string, isDisplay: boolean, message: string): string {
  const source = tex.length > 200 ? `${tex.slice(0, 200)}…` : tex
  return `<span class="math-error${isDisplay ? ' math-error-display' : ''}" role="note" title="${escapeHtml(message)}">`
    + `<span class="math-error-message">${escapeHtml(message)}</span>`
    + `<code class="math-error-source">${escapeHtml(source)}</code></span>`
}

/** The chip shown in place of a formula over the budget; KaTeX never sees the formula. */
export function tooLargeChip(tex: string, message: string): string {
  return `<span class="math-too-large" role="note" title="${escapeHtml(message)}">`
    + `<span class="math-error-message">${escapeHtml(message)}</span>`
    + `<code class="math-error-source">${escapeHtml(tex.slice(0, 80))}…</code></span>`
}
