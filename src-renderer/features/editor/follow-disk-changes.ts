import type { DiskChange } from '../../../src-shared/model/disk-change'
import { idle, type SessionCore } from './session-core'
import { settle } from './settle'

/**
 * `DocumentSession.handleDiskChanges`: follows each change to the open post once
 * the writes running now are done, so an echo of the session's own save is
 * recognised by its hash. A change checks a dirty post with a save at once; a move
 * also moves the backup of unsaved text.
 */
export function followDiskChanges(core: SessionCore, changes: readonly DiskChange[]): void {
  for (const change of changes) {
    const path = core.snapshot.document?.summary.path
    if (!path) return
    if (change.type === 'moved' && change.from === path) void followMove(core, change.to, change.hash)
    else if (change.type === 'removed' && change.path === path) void core.afterWrites(() => markMissing(core, path))
    else if (change.type === 'changed' && change.path === path) void followChange(core, path, change.hash)
  }
}

async function followChange(core: SessionCore, path: string, hash: string): Promise<void> {
  await core.afterWrites(async () => {
    const base = core.snapshot.document
    if (!base || base.summary.path !== path) return
    if (hash === base.hash && core.snapshot.save.type !== 'missing') return
    if (core.isClean()) return refresh(core, path)
    // Unsaved text: ask the disk now rather than at the next pause in typing.
    await core.exclusive(() => core.write(base, core.editorText(), core.editVersion))
  })
}

async function followMove(core: SessionCore, to: string, hash: string): Promise<void> {
  await core.afterWrites(async () => {
    const base = core.snapshot.document
    if (!base) return
    const from = base.summary.path
    const read = await settle(() => core.vault.readPost(to))
    const current = core.snapshot.document
    if (!current || current.summary.path !== from) return
    const document = read.ok && read.document.hash === current.hash ? read.document : { ...current, summary: { ...current.summary, path: to } }
    const wasMissing = core.snapshot.save.type === 'missing'
    core.update({ path: to, document, ...(wasMissing ? { save: idle, isDirty: core.editVersion !== core.savedVersion } : {}) })
    // A backup under the old path would offer to restore a post that is no longer there: back up under the new one.
    void core.backups.discard(from)
    if (core.snapshot.isDirty) core.backups.schedule()
    if (hash !== current.hash) await followChange(core, to, hash)
  })
}

function markMissing(core: SessionCore, path: string): void {
  if (core.snapshot.document?.summary.path !== path) return
  core.cancelAutosave()
  // The text is now nowhere on disk: it is unsaved, and worth a backup.
  core.update({ isDirty: true, save: { type: 'missing', message: null } })
  core.backups.schedule()
}

async function refresh(core: SessionCore, path: string): Promise<void> {
  const generation = core.generation
  const result = await settle(() => core.vault.readPost(path))
  if (!result.ok || generation !== core.generation || !core.isClean()) return
  if (result.document.hash === core.snapshot.document?.hash) core.update({ document: result.document })
  else core.load(result.document, 'reload')
}
