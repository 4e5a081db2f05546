import type { SaveConflict } from '../../../src-shared/model/save-conflict'
import { idle, type SessionCore } from './session-core'
import { settle } from './settle'

/**
 * The ways out of a save that could not go ahead, as a `DocumentSession` offers
 * them: for a conflict, overwrite, keep mine (or a merge of one's own), take
 * theirs, or the clean merge; for a post deleted on disk, save again. Each runs in
 * the session's write queue or reloads, and ends in a normal snapshot state. A
 * conflict can also be shown on purpose ({@link showConflict}), for a restored
 * text that met a newer file.
 */

/** `DocumentSession.overwrite`: the editor's text over whatever the disk holds now, hash read afresh. */
export async function overwrite(core: SessionCore): Promise<boolean> {
  const base = core.snapshot.document
  if (!base) return false
  const generation = core.generation
  const result = await settle(() => core.vault.readPost(base.summary.path))
  if (generation !== core.generation) return false
  if (!result.ok) {
    core.update({ save: { type: 'failed', message: result.message } })
    return false
  }
  core.text ??= base.text
  // The disk now differs from the editor whatever was typed, so this text must be written.
  core.savedVersion = -1
  core.update({ document: result.document, isDirty: true, save: idle })
  return core.flush()
}

/**
 * `DocumentSession.keepMine`: `text` (by default the editor's) over the conflict's
 * disk version, in the write queue; a text other than the editor's is loaded as an
 * undoable replacement unless the person typed meanwhile.
 */
export function keepMine(core: SessionCore, text?: string): Promise<boolean> {
  const state = core.snapshot.save
  if (state.type !== 'conflict') return Promise.resolve(false)
  if (!state.conflict) return text === undefined ? overwrite(core) : Promise.resolve(false)
  const { disk } = state.conflict
  return core.exclusive(async () => {
    const base = core.snapshot.document
    if (!base || core.snapshot.save.type !== 'conflict') return false
    const mine = core.editorText()
    const chosen = text ?? mine
    const version = core.editVersion
    const generation = core.generation
    core.update({ save: { type: 'saving' } })
    const result = await settle(() => core.vault.savePost(disk.summary.path, chosen, disk.hash))
    if (generation !== core.generation) return false
    if (result.ok && chosen !== mine && version === core.editVersion) {
      core.load(result.document, 'replace')
      return true
    }
    // Typed while a different text was written: the editor's text stays unsaved.
    return core.takeSaveResult(base, chosen, chosen === mine ? version : -1, result)
  })
}

/** `DocumentSession.takeTheirs`: the disk's version as an undoable replacement, and the backup of the text given up deleted. */
export async function takeTheirs(core: SessionCore): Promise<boolean> {
  const state = core.snapshot.save
  if (state.type !== 'conflict') return false
  if (!state.conflict) return core.reload()
  core.load(state.conflict.disk, 'replace')
  // The unsaved text was given up: a crash must not offer it back. Undo brings it back, and a new backup with it.
  void core.backups.discard(state.conflict.disk.summary.path)
  return true
}

/** `DocumentSession.merge`: {@link keepMine} with the conflict's clean merge, if it has one. */
export function takeMerge(core: SessionCore): Promise<boolean> {
  const state = core.snapshot.save
  const merged = state.type === 'conflict' ? (state.conflict?.merged ?? null) : null
  return merged === null ? Promise.resolve(false) : keepMine(core, merged)
}

/** `DocumentSession.saveAgain`: re-creates a post deleted on disk, or saves over a file that took its path. */
export function saveAgain(core: SessionCore): Promise<boolean> {
  return core.exclusive(async () => {
    const base = core.snapshot.document
    if (!base || core.snapshot.save.type !== 'missing') return false
    const text = core.editorText()
    const version = core.editVersion
    const generation = core.generation
    core.update({ save: { type: 'saving' } })
    const result = await settle(() => core.vault.recreatePost(base.summary.path, text))
    if (generation !== core.generation) return false
    if (result.ok) return core.takeSaveResult(base, text, version, result)
    if (result.reason === 'exists') return core.write(base, text, version)
    core.update({ save: { type: 'missing', message: result.message } })
    return false
  })
}

/** `DocumentSession.showConflict`: `mine` loaded as an undoable replacement, waiting in the conflict state. */
export function showConflict(core: SessionCore, mine: string, baseHash: string, conflict: SaveConflict): boolean {
  const path = conflict.disk.summary.path
  if (core.snapshot.document?.summary.path !== path) return false
  core.cancelAutosave()
  core.generation++
  core.text = mine
  core.editVersion++
  core.update({
    path,
    document: { ...conflict.disk, text: mine, hash: baseHash },
    loadId: core.snapshot.loadId + 1,
    loadKind: 'replace',
    isLoading: false,
    loadError: null,
    isDirty: true,
    save: { type: 'conflict', conflict },
  })
  core.backups.schedule()
  return true
}
