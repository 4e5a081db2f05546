import { diffLines } from 'diff'
import type { DiffPart } from '../../src-shared/model/history'

/**
 * A line diff from `before` to `after` for display: runs of unchanged, removed and
 * added lines, in order. Computed in main so the renderer does not ship the `diff`
 * package and very long posts do not stall the window.
 */
export function lineDiff(before: string, after: string): DiffPart[] {
  return diffLines(before, after).map((change) => ({
    type: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
    lineCount: change.count ?? countLines(change.value),
  }))
}

function countLines(text: string): number {
  if (text === '') return 0
  const breaks = text.split('\n').length - 1
  return text.endsWith('\n') ? breaks : breaks + 1
}
