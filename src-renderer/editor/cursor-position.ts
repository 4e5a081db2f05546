import type { EditorState } from '@codemirror/state'

/** A 1-based line and column, as shown in the status bar. */
export interface CursorPosition {
  line: number
  column: number
}

/** The line and column of the main selection's head in `state`. */
export function cursorPosition(state: EditorState): CursorPosition {
  const head = state.selection.main.head
  const line = state.doc.lineAt(head)
  return { line: line.number, column: head - line.from + 1 }
}
