import type { Backlink } from '../../../src-shared/search/link-types'
import type { TextRange } from '../../../src-shared/search/search-types'
import { ellipsisBetween } from './ellipsis'

/** A line of context with every link on it marked. */
export interface LineContext {
  text: string
  /** Where each link is inside {@link text}, in the order of the links given. */
  ranges: TextRange[]
}

/** A link's window of context placed on its line: `start` is the column where `text` begins. */
interface Window {
  start: number
  text: string
  isCutBefore: boolean
  isCutAfter: boolean
}

/** A run of the joined text that is one contiguous piece of the line. */
interface Piece {
  lineStart: number
  textStart: number
}

/**
 * One context for links on the same line of the same post, each of which carries
 * its own window of that line ({@link Backlink.context}). The windows are placed by
 * the links' columns and joined where they overlap or touch, so shared text appears
 * once; windows with a stretch of the line between them that no window holds are
 * joined with an ellipsis. Where main cut the line before the first window or
 * after the last ({@link Backlink.isCutBefore}, {@link Backlink.isCutAfter}), a `…`
 * says so. Each link's range is moved into the joined text.
 */
export function mergeLineContext(links: readonly Backlink[]): LineContext {
  const windows: Window[] = links.map((link) => ({ start: link.column - link.contextRange[0], text: link.context, isCutBefore: link.isCutBefore, isCutAfter: link.isCutAfter }))
  windows.sort((a, b) => a.start - b.start)
  const pieces: Piece[] = []
  let text = windows[0]?.isCutBefore === true ? '…' : ''
  let coveredTo = -Infinity
  let isCutAfter = false
  for (const window of windows) {
    const end = window.start + window.text.length
    if (window.start <= coveredTo) {
      if (end > coveredTo) text += window.text.slice(coveredTo - window.start)
    } else {
      if (pieces.length > 0) text += ellipsisBetween(text, window.text)
      pieces.push({ lineStart: window.start, textStart: text.length })
      text += window.text
    }
    if (end >= coveredTo) isCutAfter = window.isCutAfter
    coveredTo = Math.max(coveredTo, end)
  }
  if (isCutAfter) text += '…'
  const ranges = links.map((link): TextRange => {
    const piece = pieces.findLast((candidate) => candidate.lineStart <= link.column) ?? pieces[0]
    const start = piece.textStart + link.column - piece.lineStart
    return [start, start + link.contextRange[1] - link.contextRange[0]]
  })
  return { text, ranges }
}
