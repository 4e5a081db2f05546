import { escapeHtml } from '../../../src-shared/markdown/escape-html'
import { createFormulaRenderer, type FormulaRenderer } from '../../../src-shared/markdown/formula-renderer'
import { LruCache } from '../../../src-shared/markdown/lru-cache'
import { EMPTY_MACRO_SET, type MacroSet } from '../../../src-shared/markdown/macros'
import { matchInlineMath } from '../../../src-shared/markdown/math-delimiters'

/** The words shown for the markers main leaves in excerpts, in the interface language. */
export interface ExcerptMarkers {
  /** Shown for `[code]` (a fenced code block), e.g. `[代码]`. */
  code: string
  /** Shown for `[image]`, e.g. `[图片]`. */
  image: string
}

/** The markers as main writes them into stored excerpts (see `flattenMarkdown`). */
const STORED_MARKERS = [
  { text: '[code]', kind: 'code' },
  { text: '[image]', kind: 'image' },
] as const

const BEGIN_ENVIRONMENT = /\\begin\{([a-zA-Z]+\*?)\}/y

/**
 * Turns a stored plain-text excerpt into HTML for a feed card. Formulas (`$…$`,
 * `$$…$$`, `\(…\)`, `\[…\]`, `\begin{env}…\end{env}`, by the same delimiter rules as
 * the preview) are typeset by `formulas` (KaTeX, which escapes what it outputs and
 * never throws) with the folder's `macros`; `[code]` and `[image]` become marker chips with the words of
 * `markers`; `\$` is a dollar sign. Everything else is escaped text: the excerpt comes
 * from files Lemma does not control, so none of it is ever taken as HTML.
 */
export function excerptToHtml(excerpt: string, markers: ExcerptMarkers, formulas: FormulaRenderer, macros: MacroSet = EMPTY_MACRO_SET): string {
  let html = ''
  let text = ''
  const flush = () => {
    if (text !== '') html += escapeHtml(text)
    text = ''
  }
  let i = 0
  while (i < excerpt.length) {
    const c = excerpt[i]
    if (c === '[') {
      const marker = STORED_MARKERS.find((m) => excerpt.startsWith(m.text, i))
      if (marker) {
        flush()
        html += `<span class="excerpt-marker excerpt-marker--${marker.kind}">${escapeHtml(markers[marker.kind])}</span>`
        i += marker.text.length
        continue
      }
    } else if (c === '$' || (c === '\\' && (excerpt[i + 1] === '(' || excerpt[i + 1] === '['))) {
      const match = matchInlineMath(excerpt, i, excerpt.length)
      if (match) {
        flush()
        html += formulas.render(excerpt.slice(match.contentFrom, match.contentTo), match.isDisplay, macros)
        i = match.end
        continue
      }
    } else if (c === '\\' && excerpt[i + 1] === 'b') {
      const end = environmentEnd(excerpt, i)
      if (end !== -1) {
        flush()
        html += formulas.render(excerpt.slice(i, end), true, macros)
        i = end
        continue
      }
    } else if (c === '\\' && excerpt[i + 1] === '$') {
      text += '$'
      i += 2
      continue
    }
    text += c
    i++
  }
  flush()
  return html
}

/** Just past the `\end{…}` closing the `\begin{…}` at `at`; -1 when there is none. */
function environmentEnd(source: string, at: number): number {
  BEGIN_ENVIRONMENT.lastIndex = at
  const begin = BEGIN_ENVIRONMENT.exec(source)
  if (begin === null) return -1
  const endTag = `\\end{${begin[1]}}`
  const end = source.indexOf(endTag, at + begin[0].length)
  return end === -1 ? -1 : end + endTag.length
}

/** Renders excerpts to HTML with a cache; see {@link createExcerptRenderer}. */
export interface ExcerptRenderer {
  /** The HTML of {@link excerptToHtml}, from the cache when this excerpt was rendered with these markers before. */
  render(excerpt: string, markers: ExcerptMarkers): string
}

/**
 * An excerpt renderer that remembers the last `cacheSize` excerpts' HTML (so
 * scrolling back over cards costs nothing) and renders formulas through one caching
 * {@link createFormulaRenderer} (so a formula shared by many posts is typeset once),
 * with the folder's `macros` (`.lemma/macros.tex`; make a new renderer when they change).
 */
export function createExcerptRenderer(options: { cacheSize?: number; formulas?: FormulaRenderer; macros?: MacroSet } = {}): ExcerptRenderer {
  const macros = options.macros ?? EMPTY_MACRO_SET
  const formulas = options.formulas ?? createFormulaRenderer({ cacheSize: 5000 })
  const cache = new LruCache<string, string>(options.cacheSize ?? 2000)
  return {
    render(excerpt, markers) {
      const key = `${markers.code}\u0000${markers.image}\u0000${excerpt}`
      let html = cache.get(key)
      if (html === undefined) {
        html = excerptToHtml(excerpt, markers, formulas, macros)
        cache.set(key, html)
      }
      return html
    },
  }
}
