import { Annotation, Transaction, type TransactionSpec } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'

/**
 * Marks a transaction that brings the editor in line with the file on disk. Such
 * changes are not edits: {@link createEditorExtensions} does not report them as
 * edits, and they stay out of the undo history.
 */
export const fromDisk = Annotation.define<boolean>()

/** Whether `tr` was annotated with {@link fromDisk}. */
export function isFromDisk(tr: Transaction): boolean {
  return tr.annotation(fromDisk) === true
}

/**
 * Replaces the editor's text with `text` read from disk, changing only the span that
 * differs so the cursor and scroll position survive. Does nothing when the text is
 * already equal. With `isUndoable` (a conflict resolved, a version restored) the
 * change is one step of the undo history, so Ctrl+Z brings the old text back.
 */
export function replaceFromDisk(view: EditorView, text: string, options: { isUndoable?: boolean } = {}): void {
  const spec = diskReplacement(view.state.doc.toString(), text, options)
  if (spec) view.dispatch(spec)
}

/**
 * The transaction that turns `current` into `next` by replacing the span between
 * their common prefix and suffix, annotated as {@link fromDisk} (and kept out of the
 * undo history unless `isUndoable`); null when equal.
 */
export function diskReplacement(current: string, next: string, { isUndoable = false }: { isUndoable?: boolean } = {}): TransactionSpec | null {
  if (current === next) return null
  const max = Math.min(current.length, next.length)
  let start = 0
  while (start < max && current.charCodeAt(start) === next.charCodeAt(start)) start++
  let end = 0
  while (end < max - start && current.charCodeAt(current.length - 1 - end) === next.charCodeAt(next.length - 1 - end)) end++
  return {
    changes: { from: start, to: current.length - end, insert: next.slice(start, next.length - end) },
    annotations: isUndoable ? [fromDisk.of(true)] : [fromDisk.of(true), Transaction.addToHistory.of(false)],
  }
}
