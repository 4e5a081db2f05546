import type { DiskChange } from '../../../src-shared/model/disk-change'
import type { PostDocument } from '../../../src-shared/model/post'
import { failure, type Result } from '../../../src-shared/model/results'
import type { SaveConflict, SaveResult } from '../../../src-shared/model/save-conflict'
import type { BackupOptions } from './backup-scheduler'
import { keepMine, overwrite, saveAgain, showConflict, takeMerge, takeTheirs } from './conflict-resolution'
import type { DocumentSnapshot, DocumentVault, OpenOutcome, RestoreOutcome, TextSource } from './document-types'
import { followDiskChanges } from './follow-disk-changes'
import { restoreVersion } from './restore-version'
import { SessionCore } from './session-core'
import { settle } from './settle'

export type { DocumentSnapshot, DocumentVault, LoadKind, OpenOutcome, RestoreOutcome, SaveState, TextSource } from './document-types'
export type { BackupOptions } from './backup-scheduler'
export { isSaveConflict } from './settle'

/**
 * The open post and its saving, free of React and of the editor. The editor reports
 * edits with {@link edit}; the session saves them after a pause in typing or on
 * {@link save}, always against the hash of the version it last read or wrote, so a
 * file changed by someone else gives a conflict instead of being overwritten. The
 * text is never dropped: failures keep it and say why, unsaved text is backed up
 * outside the vault shortly after typing stops, and a post deleted on disk stays
 * open until it is saved again or discarded.
 *
 * Changes made by other programs arrive through {@link handleDiskChanges}: a clean
 * post follows the disk in place, a dirty one goes to the conflict check.
 *
 * Read it with {@link subscribe}/{@link getSnapshot} (shaped for
 * `useSyncExternalStore`). The state and the save machine live in `SessionCore`;
 * conflict resolution, disk following and restoring are in their own modules.
 */
export class DocumentSession {
  private readonly core: SessionCore

  constructor(vault: DocumentVault, autosaveDelayMs = 1200, backups?: BackupOptions) {
    this.core = new SessionCore(vault, autosaveDelayMs, backups)
  }

  /** Calls `listener` after every change of the snapshot; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => this.core.store.subscribe(listener)

  /** The current snapshot; the same object until something changes. */
  readonly getSnapshot = (): DocumentSnapshot => this.core.snapshot

  /**
   * Calls `listener` with every document read or saved, e.g. to refresh the post
   * list with its new summary. Returns the unsubscribe function.
   */
  readonly onDocument = (listener: (document: PostDocument) => void): (() => void) => this.core.onDocument(listener)

  /** The editor's text as last reported by {@link edit} or loaded; `''` when no post is open. */
  readonly editorText = (): string => this.core.editorText()

  /** Records that the editor's text is now `text`, and schedules an autosave and a backup. */
  readonly edit = (text: TextSource): void => {
    const core = this.core
    if (!core.snapshot.document) return
    core.text = text
    core.editVersion++
    core.update({ isDirty: true })
    core.scheduleAutosave()
    core.backups.schedule()
  }

  /**
   * Saves the editor's text if it has changed. Resolves to true when this call left
   * the text it saw on disk, false on a conflict, a missing file or a failure (shown
   * in the snapshot). Calls made while a save is running wait for it, then save
   * anything newer.
   */
  readonly save = (): Promise<boolean> => this.core.save()

  /** Saves until nothing is left unsaved; false when a save did not succeed. */
  readonly flush = (): Promise<boolean> => this.core.flush()

  /**
   * Opens the post at `path`, first saving the current one; if that save fails the
   * current post stays open (`reason: 'unsaved'`). `preloaded` skips the read, e.g.
   * for a post just created. A later call supersedes an earlier one still loading.
   */
  readonly open = async (path: string, preloaded?: PostDocument): Promise<OpenOutcome> => {
    const core = this.core
    const shown = core.snapshot
    if (!preloaded && shown.document?.summary.path === path && !shown.loadError) {
      if (shown.path !== path) core.update({ path, isLoading: false })
      return { ok: true }
    }
    const token = ++core.openToken
    const superseded = { ok: false, reason: 'superseded', message: 'Another post was opened.' } as const
    const unsaved = { ok: false, reason: 'unsaved', message: 'The open post has changes that could not be saved.' } as const
    if (!(await core.flush())) return unsaved
    if (token !== core.openToken) return superseded
    core.update({ path, isLoading: true })
    const result = preloaded ? { ok: true as const, document: preloaded } : await settle(() => core.vault.readPost(path))
    if (token !== core.openToken) return superseded
    // Keys typed into the old post while the new one loaded are saved, not dropped.
    if (!(await core.flush())) {
      core.update({ path: core.snapshot.document?.summary.path ?? null, isLoading: false })
      return unsaved
    }
    if (token !== core.openToken) return superseded
    if (!result.ok) {
      core.reset({ path, loadError: result.message })
      return { ok: false, reason: 'failed', message: result.message }
    }
    core.load(result.document, 'open')
    return { ok: true }
  }

  /** Closes the open post without saving; callers {@link flush} first when it matters. */
  readonly close = (): void => {
    this.core.openToken++
    this.core.reset({ path: null, loadError: null })
  }

  /** Replaces the editor's text with the file on disk, dropping unsaved changes. */
  readonly reload = (): Promise<boolean> => this.core.reload()

  /**
   * Resolves a conflict in favour of the editor: reads the file's current hash, then
   * saves the editor's text over it.
   */
  readonly overwrite = (): Promise<boolean> => overwrite(this.core)

  /**
   * Resolves a conflict by writing `text` (the editor's text by default, or e.g. the
   * person's own merge) over the version now on disk. Another change on disk in the
   * meantime gives a fresh conflict, never an overwrite. False when there is no
   * conflict or the write did not happen.
   */
  readonly keepMine = (text?: string): Promise<boolean> => keepMine(this.core, text)

  /**
   * Resolves a conflict by taking the version on disk into the editor, as one
   * undoable step (Ctrl+Z brings the editor's text back, unsaved). False when there
   * is no conflict.
   */
  readonly takeTheirs = (): Promise<boolean> => takeTheirs(this.core)

  /** Resolves a conflict with the clean three-way merge, written over the disk's version; false when there is none. */
  readonly merge = (): Promise<boolean> => takeMerge(this.core)

  /**
   * Writes the text of a post deleted on disk back to its path, as a new file; if a
   * file appeared there meanwhile, the normal conflict check decides instead.
   */
  readonly saveAgain = (): Promise<boolean> => saveAgain(this.core)

  /**
   * Writes the editor's text as a new post at `path` (never over an existing file)
   * and continues editing it there. The old file, if any, is left as it is. Failures
   * (`exists`, `invalid-name`, …) change nothing and are returned for the dialog.
   */
  readonly saveAs = (path: string): Promise<Result<object>> => {
    const core = this.core
    return core.exclusive(async () => {
      if (!core.snapshot.document) return failure('missing', 'No post is open.')
      const text = core.editorText()
      const version = core.editVersion
      const generation = core.generation
      const result = await settle(() => core.vault.recreatePost(path, text))
      if (generation !== core.generation) return failure('cancelled', 'Another post was opened.')
      if (!result.ok) return result
      core.cancelAutosave()
      core.saved(result.document, version)
      return { ok: true }
    })
  }

  /**
   * Shows `mine`, typed over the version hashing to `baseHash`, against the disk's
   * version in `conflict` (a restored backup or history version that met a newer
   * file). The open post must be the conflict's post; the editor takes `mine` as one
   * undoable step and the session waits in the conflict state.
   */
  readonly showConflict = (mine: string, baseHash: string, conflict: SaveConflict): boolean => showConflict(this.core, mine, baseHash, conflict)

  /**
   * Restores an older text of the open post: saves any edits first, then `restore`s
   * over the current version (e.g. `history.restore`), and shows the result in the
   * editor as one undoable step. A newer file on disk gives the conflict state with
   * `text` as the editor's side.
   */
  readonly restoreVersion = (text: string, restore: (baseHash: string) => Promise<SaveResult>): Promise<RestoreOutcome> => restoreVersion(this.core, text, restore)

  /**
   * Follows changes other programs made on disk (`postsChangedOnDisk`) to the open
   * post: a clean post is reloaded in place (outside the undo history); a post with
   * unsaved text goes through the conflict check at once; a move points the editor
   * at the new path; a deletion keeps the text, unsaved, in the `missing` state.
   */
  readonly handleDiskChanges = (changes: readonly DiskChange[]): void => followDiskChanges(this.core, changes)

  /** Stops the autosave and backup timers; call when the owner goes away. */
  readonly dispose = (): void => {
    this.core.cancelAutosave()
    this.core.backups.cancel()
  }
}
