import { EditorSelection, type Text } from '@codemirror/state'
import { EditorView } from '@codemirror/view'

/**
 * A place in a post to show: a match at a one-based line and zero-based column,
 * `length` characters long (zero for a bare cursor). A heading is found by the
 * app first (see `features/links/post-location.ts`) and shown as a range.
 */
export type EditorLocation = { type: 'range'; line: number; column: number; length: number }

/** Where {@link revealLocation} scrolls the location to: the middle of the view (a match) or near its top (a heading). */
export type RevealAlignment = 'center' | 'start'

/**
 * The document range of `location` in `doc`, clamped to the document (a file that
 * changed since it was indexed still opens near the match).
 */
export function locationRange(doc: Text, location: EditorLocation): { from: number; to: number } {
  const line = doc.line(Math.min(Math.max(1, location.line), doc.lines))
  const from = line.from + Math.min(Math.max(0, location.column), line.length)
  return { from, to: Math.min(from + Math.max(0, location.length), line.to) }
}

/** Selects `location` in `view`, scrolls it into view as `align` says and focuses the editor. */
export function revealLocation(view: EditorView, location: EditorLocation, align: RevealAlignment = 'center'): void {
  const range = locationRange(view.state.doc, location)
  view.dispatch({
    selection: EditorSelection.range(range.from, range.to),
    effects: EditorView.scrollIntoView(range.from, align === 'center' ? { y: 'center' } : { y: 'start', yMargin: 24 }),
    userEvent: 'select.reveal',
  })
  view.focus()
}
