import { atxHeading, closesFence, fenceOpening } from './block-lines'
import { flattenMarkdown } from './plain-text'

const SETEXT_H1 = /^ {0,3}=+[ \t]*$/

/**
 * The text of the first level-1 heading of a Markdown body (`# Title`, or `Title`
 * underlined with `===`), flattened to plain text with formulas kept; null when the
 * body has none outside code blocks. Lower-level headings are section names, not
 * titles, so they are ignored.
 */
export function firstHeading(body: string): string | null {
  let fence: string | null = null
  let previous = ''
  for (let at = 0; at <= body.length; ) {
    let end = body.indexOf('\n', at)
    if (end === -1) end = body.length
    const line = body.slice(at, end).replace(/\r$/, '')
    at = end + 1
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null
      continue
    }
    const opening = fenceOpening(line)
    if (opening !== null) {
      fence = opening.marker
      previous = ''
      continue
    }
    const atx = atxHeading(line)
    if (atx !== null && atx.level === 1) {
      const text = plain(atx.text)
      if (text !== '') return text
    }
    if (previous.trim() !== '' && !/^ {0,3}[#>]/.test(previous) && SETEXT_H1.test(line)) {
      const text = plain(previous)
      if (text !== '') return text
    }
    previous = line
  }
  return null
}

function plain(markdown: string): string {
  return flattenMarkdown(markdown.trim()).text.trim()
}
