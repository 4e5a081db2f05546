import { diffLines } from 'diff'
import type { DiffPart } from '../../../src-shared/model/history'

/**
 * What restoring a backup would change: a line diff from the post as it is on disk
 * (`disk`) to the backed-up text (`backup`), in the same shape as the history's diffs.
 */
export function backupDiff(disk: string, backup: string): DiffPart[] {
  return diffLines(disk, backup).map((change) => ({
    type: change.added ? 'added' : change.removed ? 'removed' : 'same',
    text: change.value,
    lineCount: change.count,
  }))
}
