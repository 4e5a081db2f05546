import type { TextRange } from '../../../src-shared/search/search-types'

/**
 * `text` cut so that at most `before` characters precede `range` (with `…` in
 * front when something was cut), and `range` moved to match: a long line of context
 * then shows its link even where the end of the line is cut off. A surrogate pair
 * is never split.
 */
export function clipAround(text: string, range: TextRange, before = 36): { text: string; range: TextRange } {
  if (range[0] <= before) return { text, range }
  let start = range[0] - before
  const code = text.charCodeAt(start)
  if (code >= 0xdc00 && code <= 0xdfff) start++
  const kept = text.slice(start)
  const trimmed = kept.trimStart()
  const shift = start + (kept.length - trimmed.length) - 1
  return { text: `…${trimmed}`, range: [range[0] - shift, range[1] - shift] }
}
