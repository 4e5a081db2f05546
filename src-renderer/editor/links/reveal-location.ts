import { EditorSelection, type Text } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

/** A place in a post to show: a match (one-based line, zero-based column, length) or a heading by its text. */
export type EditorLocation =
  | { type: 'range'; line: number; column: number; length: number }
  | { type: 'heading'; heading: string }

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/
const FENCE = /^ {0,3}(`{3,}|~{3,})/

function fold(text: string): string {
  return text.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/**
 * The document range of `location` in `doc`, clamped to the document (a file that
 * changed since it was indexed still opens near the match); a heading is found by
 * its text, ignoring case, width and spacing, outside fenced code. Null when the
 * heading is not there.
 */
export function locationRange(doc: Text, location: EditorLocation): { from: number; to: number } | null {
  if (location.type === 'range') {
    const line = doc.line(Math.min(Math.max(1, location.line), doc.lines))
    const from = line.from + Math.min(Math.max(0, location.column), line.length)
    return { from, to: Math.min(from + Math.max(0, location.length), line.to) }
  }
  const wanted = fold(location.heading)
  let fence: string | null = null
  for (let number = 1; number <= doc.lines; number++) {
    const line = doc.line(number)
    const opening = FENCE.exec(line.text)
    if (fence !== null) {
      if (opening && opening[1][0] === fence[0] && opening[1].length >= fence.length) fence = null
      continue
    }
    if (opening) {
      fence = opening[1]
      continue
    }
    const heading = ATX_HEADING.exec(line.text)
    if (heading && fold(heading[1]) === wanted) return { from: line.from, to: line.to }
  }
  return null
}

/** Selects `location` in `view`, scrolls it to the middle and focuses the editor; false when it is not there. */
export function revealLocation(view: EditorView, location: EditorLocation): boolean {
  const range = locationRange(view.state.doc, location)
  if (!range) return false
  view.dispatch({
    selection: EditorSelection.range(range.from, range.to),
    effects: EditorView.scrollIntoView(range.from, { y: 'center' }),
    userEvent: 'select.reveal',
  })
  view.focus()
  return true
}
