import { failure } from '../../../src-shared/model/results'
import type { SaveResult } from '../../../src-shared/model/save-conflict'
import { showConflict } from './conflict-resolution'
import type { RestoreOutcome } from './document-types'
import type { SessionCore } from './session-core'
import { isSaveConflict, settle } from './settle'

/**
 * `DocumentSession.restoreVersion`: `restore` runs in the write queue against the
 * hash of the version just saved; a newer file shows `text` in a conflict
 * ({@link showConflict}).
 */
export async function restoreVersion(core: SessionCore, text: string, restore: (baseHash: string) => Promise<SaveResult>): Promise<RestoreOutcome> {
  const unsaved = { ok: false, reason: 'unsaved', message: 'The open post has changes that could not be saved.' } as const
  if (!(await core.flush())) return unsaved
  return core.exclusive(async (): Promise<RestoreOutcome> => {
    const base = core.snapshot.document
    if (!base) return failure('missing', 'No post is open.')
    if (core.snapshot.isDirty) return unsaved
    const generation = core.generation
    const result = await settle(() => restore(base.hash))
    if (generation !== core.generation) return failure('cancelled', 'Another post was opened.')
    if (result.ok) {
      core.load(result.document, 'replace')
      return { ok: true }
    }
    if (isSaveConflict(result)) {
      showConflict(core, text, base.hash, result)
      return { ok: true }
    }
    return result
  })
}
