import type { DiskChange } from '../../../src-shared/model/disk-change'
import type { PostDocument } from '../../../src-shared/model/post'
import { failure, type Result } from '../../../src-shared/model/results'
import type { SaveConflict, SaveResult } from '../../../src-shared/model/save-conflict'
import { BackupScheduler, type BackupOptions } from './backup-scheduler'
import type { DocumentSnapshot, DocumentVault, LoadKind, OpenOutcome, RestoreOutcome, SaveState, TextSource } from './document-types'
import { isSaveConflict, settle } from './settle'

export type { DocumentSnapshot, DocumentVault, LoadKind, OpenOutcome, RestoreOutcome, SaveState, TextSource } from './document-types'
export type { BackupOptions } from './backup-scheduler'
export { isSaveConflict } from './settle'

const idle: SaveState = { type: 'idle' }

const initialSnapshot: DocumentSnapshot = {
  path: null,
  document: null,
  loadId: 0,
  loadKind: 'open',
  isLoading: false,
  loadError: null,
  isDirty: false,
  save: idle,
}

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
 * `useSyncExternalStore`).
 */
export class DocumentSession {
  private snapshot = initialSnapshot
  private readonly listeners = new Set<() => void>()
  private readonly documentListeners = new Set<(document: PostDocument) => void>()
  /** The editor's text after the last edit; null while it is `document.text`. */
  private text: TextSource | null = null
  private editVersion = 0
  private savedVersion = 0
  /** Bumped when a different text is loaded, so answers about the old one are ignored. */
  private generation = 0
  private openToken = 0
  /** The write (save, re-create, conflict resolution) running now; writes never overlap. */
  private saving: Promise<unknown> | null = null
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined

  private readonly backups: BackupScheduler

  constructor(
    private readonly vault: DocumentVault,
    private readonly autosaveDelayMs = 1200,
    backups?: BackupOptions,
  ) {
    this.backups = new BackupScheduler(backups, () => {
      const base = this.snapshot.document
      if (!base || !this.snapshot.isDirty) return null
      return this.saving ? 'busy' : { path: base.summary.path, text: this.editorText(), baseHash: base.hash }
    })
  }

  /** Calls `listener` after every change of the snapshot; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The current snapshot; the same object until something changes. */
  readonly getSnapshot = (): DocumentSnapshot => this.snapshot

  /**
   * Calls `listener` with every document read or saved, e.g. to refresh the post
   * list with its new summary. Returns the unsubscribe function.
   */
  readonly onDocument = (listener: (document: PostDocument) => void): (() => void) => {
    this.documentListeners.add(listener)
    return () => this.documentListeners.delete(listener)
  }

  /** The editor's text as last reported by {@link edit} or loaded; `''` when no post is open. */
  readonly editorText = (): string => (this.text ?? this.snapshot.document?.text ?? '').toString()

  /** Records that the editor's text is now `text`, and schedules an autosave and a backup. */
  readonly edit = (text: TextSource): void => {
    if (!this.snapshot.document) return
    this.text = text
    this.editVersion++
    this.update({ isDirty: true })
    this.scheduleAutosave()
    this.backups.schedule()
  }

  /**
   * Saves the editor's text if it has changed. Resolves to true when this call left
   * the text it saw on disk, false on a conflict, a missing file or a failure (shown
   * in the snapshot). Calls made while a save is running wait for it, then save
   * anything newer.
   */
  readonly save = (): Promise<boolean> => {
    if (this.saving) return this.saving.then(() => this.save())
    if (!this.snapshot.isDirty) return Promise.resolve(true)
    return this.exclusive(() => this.runSave())
  }

  /** Saves until nothing is left unsaved; false when a save did not succeed. */
  readonly flush = async (): Promise<boolean> => {
    while (this.snapshot.isDirty || this.saving) {
      if (!(await this.save())) return false
    }
    return true
  }

  /**
   * Opens the post at `path`, first saving the current one; if that save fails the
   * current post stays open (`reason: 'unsaved'`). `preloaded` skips the read, e.g.
   * for a post just created. A later call supersedes an earlier one still loading.
   */
  readonly open = async (path: string, preloaded?: PostDocument): Promise<OpenOutcome> => {
    const shown = this.snapshot
    if (!preloaded && shown.document?.summary.path === path && !shown.loadError) {
      if (shown.path !== path) this.update({ path, isLoading: false })
      return { ok: true }
    }
    const token = ++this.openToken
    const superseded = { ok: false, reason: 'superseded', message: 'Another post was opened.' } as const
    const unsaved = { ok: false, reason: 'unsaved', message: 'The open post has changes that could not be saved.' } as const
    if (!(await this.flush())) return unsaved
    if (token !== this.openToken) return superseded
    this.update({ path, isLoading: true })
    const result = preloaded ? { ok: true as const, document: preloaded } : await settle(() => this.vault.readPost(path))
    if (token !== this.openToken) return superseded
    // Keys typed into the old post while the new one loaded are saved, not dropped.
    if (!(await this.flush())) {
      this.update({ path: this.snapshot.document?.summary.path ?? null, isLoading: false })
      return unsaved
    }
    if (token !== this.openToken) return superseded
    if (!result.ok) {
      this.reset({ path, loadError: result.message })
      return { ok: false, reason: 'failed', message: result.message }
    }
    this.load(result.document, 'open')
    return { ok: true }
  }

  /** Closes the open post without saving; callers {@link flush} first when it matters. */
  readonly close = (): void => {
    this.openToken++
    this.reset({ path: null, loadError: null })
  }

  /** Replaces the editor's text with the file on disk, dropping unsaved changes. */
  readonly reload = async (): Promise<boolean> => {
    const path = this.snapshot.document?.summary.path
    if (!path) return false
    const token = ++this.openToken
    const result = await settle(() => this.vault.readPost(path))
    if (token !== this.openToken) return false
    if (!result.ok) {
      this.update({ save: { type: 'failed', message: result.message } })
      return false
    }
    this.load(result.document, 'reload')
    return true
  }

  /**
   * Resolves a conflict in favour of the editor: reads the file's current hash, then
   * saves the editor's text over it.
   */
  readonly overwrite = async (): Promise<boolean> => {
    const base = this.snapshot.document
    if (!base) return false
    const generation = this.generation
    const result = await settle(() => this.vault.readPost(base.summary.path))
    if (generation !== this.generation) return false
    if (!result.ok) {
      this.update({ save: { type: 'failed', message: result.message } })
      return false
    }
    this.text ??= base.text
    // The disk now differs from the editor whatever was typed, so this text must be written.
    this.savedVersion = -1
    this.update({ document: result.document, isDirty: true, save: idle })
    return this.flush()
  }

  /**
   * Resolves a conflict by writing `text` (the editor's text by default, or e.g. the
   * person's own merge) over the version now on disk. Another change on disk in the
   * meantime gives a fresh conflict, never an overwrite. False when there is no
   * conflict or the write did not happen.
   */
  readonly keepMine = (text?: string): Promise<boolean> => {
    const state = this.snapshot.save
    if (state.type !== 'conflict') return Promise.resolve(false)
    if (!state.conflict) return text === undefined ? this.overwrite() : Promise.resolve(false)
    const { disk } = state.conflict
    return this.exclusive(async () => {
      const base = this.snapshot.document
      if (!base || this.snapshot.save.type !== 'conflict') return false
      const mine = this.editorText()
      const chosen = text ?? mine
      const version = this.editVersion
      const generation = this.generation
      this.update({ save: { type: 'saving' } })
      const result = await settle(() => this.vault.savePost(disk.summary.path, chosen, disk.hash))
      if (generation !== this.generation) return false
      if (result.ok && chosen !== mine && version === this.editVersion) {
        this.load(result.document, 'replace')
        return true
      }
      // Typed while a different text was written: the editor's text stays unsaved.
      return this.takeSaveResult(base, chosen, chosen === mine ? version : -1, result)
    })
  }

  /**
   * Resolves a conflict by taking the version on disk into the editor, as one
   * undoable step (Ctrl+Z brings the editor's text back, unsaved). False when there
   * is no conflict.
   */
  readonly takeTheirs = async (): Promise<boolean> => {
    const state = this.snapshot.save
    if (state.type !== 'conflict') return false
    if (!state.conflict) return this.reload()
    this.load(state.conflict.disk, 'replace')
    // The unsaved text was given up: a crash must not offer it back. Undo brings it back, and a new backup with it.
    void this.backups.discard(state.conflict.disk.summary.path)
    return true
  }

  /** Resolves a conflict with the clean three-way merge, written over the disk's version; false when there is none. */
  readonly merge = (): Promise<boolean> => {
    const state = this.snapshot.save
    const merged = state.type === 'conflict' ? (state.conflict?.merged ?? null) : null
    return merged === null ? Promise.resolve(false) : this.keepMine(merged)
  }

  /**
   * Writes the text of a post deleted on disk back to its path, as a new file; if a
   * file appeared there meanwhile, the normal conflict check decides instead.
   */
  readonly saveAgain = (): Promise<boolean> =>
    this.exclusive(async () => {
      const base = this.snapshot.document
      if (!base || this.snapshot.save.type !== 'missing') return false
      const text = this.editorText()
      const version = this.editVersion
      const generation = this.generation
      this.update({ save: { type: 'saving' } })
      const result = await settle(() => this.vault.recreatePost(base.summary.path, text))
      if (generation !== this.generation) return false
      if (result.ok) return this.takeSaveResult(base, text, version, result)
      if (result.reason === 'exists') return this.write(base, text, version)
      this.update({ save: { type: 'missing', message: result.message } })
      return false
    })

  /**
   * Writes the editor's text as a new post at `path` (never over an existing file)
   * and continues editing it there. The old file, if any, is left as it is. Failures
   * (`exists`, `invalid-name`, …) change nothing and are returned for the dialog.
   */
  readonly saveAs = (path: string): Promise<Result<object>> =>
    this.exclusive(async () => {
      if (!this.snapshot.document) return failure('missing', 'No post is open.')
      const text = this.editorText()
      const version = this.editVersion
      const generation = this.generation
      const result = await settle(() => this.vault.recreatePost(path, text))
      if (generation !== this.generation) return failure('cancelled', 'Another post was opened.')
      if (!result.ok) return result
      clearTimeout(this.autosaveTimer)
      this.saved(result.document, version)
      return { ok: true }
    })

  /**
   * Shows `mine`, typed over the version hashing to `baseHash`, against the disk's
   * version in `conflict` (a restored backup or history version that met a newer
   * file). The open post must be the conflict's post; the editor takes `mine` as one
   * undoable step and the session waits in the conflict state.
   */
  readonly showConflict = (mine: string, baseHash: string, conflict: SaveConflict): boolean => {
    const path = conflict.disk.summary.path
    if (this.snapshot.document?.summary.path !== path) return false
    clearTimeout(this.autosaveTimer)
    this.generation++
    this.text = mine
    this.editVersion++
    this.update({
      path,
      document: { ...conflict.disk, text: mine, hash: baseHash },
      loadId: this.snapshot.loadId + 1,
      loadKind: 'replace',
      isLoading: false,
      loadError: null,
      isDirty: true,
      save: { type: 'conflict', conflict },
    })
    this.backups.schedule()
    return true
  }

  /**
   * Restores an older text of the open post: saves any edits first, then `restore`s
   * over the current version (e.g. `history.restore`), and shows the result in the
   * editor as one undoable step. A newer file on disk gives the conflict state with
   * `text` as the editor's side.
   */
  readonly restoreVersion = async (text: string, restore: (baseHash: string) => Promise<SaveResult>): Promise<RestoreOutcome> => {
    const unsaved = { ok: false, reason: 'unsaved', message: 'The open post has changes that could not be saved.' } as const
    if (!(await this.flush())) return unsaved
    return this.exclusive(async (): Promise<RestoreOutcome> => {
      const base = this.snapshot.document
      if (!base) return failure('missing', 'No post is open.')
      if (this.snapshot.isDirty) return unsaved
      const generation = this.generation
      const result = await settle(() => restore(base.hash))
      if (generation !== this.generation) return failure('cancelled', 'Another post was opened.')
      if (result.ok) {
        this.load(result.document, 'replace')
        return { ok: true }
      }
      if (isSaveConflict(result)) {
        this.showConflict(text, base.hash, result)
        return { ok: true }
      }
      return result
    })
  }

  /**
   * Follows changes other programs made on disk (`postsChangedOnDisk`) to the open
   * post: a clean post is reloaded in place (outside the undo history); a post with
   * unsaved text goes through the conflict check at once; a move points the editor
   * at the new path; a deletion keeps the text, unsaved, in the `missing` state.
   */
  readonly handleDiskChanges = (changes: readonly DiskChange[]): void => {
    for (const change of changes) {
      const path = this.snapshot.document?.summary.path
      if (!path) return
      if (change.type === 'moved' && change.from === path) void this.followMove(change.to, change.hash)
      else if (change.type === 'removed' && change.path === path) void this.afterWrites(() => this.markMissing(path))
      else if (change.type === 'changed' && change.path === path) void this.followChange(path, change.hash)
    }
  }

  /** Stops the autosave and backup timers; call when the owner goes away. */
  readonly dispose = (): void => {
    clearTimeout(this.autosaveTimer)
    this.backups.cancel()
  }

  private async runSave(): Promise<boolean> {
    clearTimeout(this.autosaveTimer)
    const base = this.snapshot.document
    const state = this.snapshot.save.type
    if (state === 'conflict' || state === 'missing') return false
    if (!base || !this.text) {
      this.update({ isDirty: false })
      return true
    }
    return this.write(base, this.text.toString(), this.editVersion)
  }

  /** Saves `text` (the editor's at `version`) over `base` and takes in the result. */
  private async write(base: PostDocument, text: string, version: number, isRetry = false): Promise<boolean> {
    const generation = this.generation
    // A backup landing after the save would outlive it: the save is what drops it.
    await this.backups.settled()
    this.update({ save: { type: 'saving' } })
    const result = await settle(() => this.vault.savePost(base.summary.path, text, base.hash))
    if (generation !== this.generation) return false
    return this.takeSaveResult(base, text, version, result, isRetry)
  }

  private async takeSaveResult(base: PostDocument, text: string, version: number, result: SaveResult, isRetry = false): Promise<boolean> {
    if (result.ok) {
      this.saved(result.document, version)
      return true
    }
    if (result.reason === 'missing' && !isRetry) {
      // The post moved while this save ran, or main saw where it went: save it there.
      const current = this.snapshot.document
      if (current && current.summary.path !== base.summary.path) return this.write(current, text, version, true)
      const movedTo = 'movedTo' in result ? result.movedTo : null
      if (movedTo && current) {
        const moved = { ...current, summary: { ...current.summary, path: movedTo } }
        this.update({ path: movedTo, document: moved })
        return this.write(moved, text, version, true)
      }
    }
    let save: SaveState
    if (result.reason === 'conflict') save = { type: 'conflict', conflict: isSaveConflict(result) ? result : null }
    else if (result.reason === 'missing') save = { type: 'missing', message: result.message }
    else save = { type: 'failed', message: result.message }
    this.update({ save })
    if (save.type !== 'failed') this.backups.schedule()
    return false
  }

  private saved(document: PostDocument, version: number): void {
    this.savedVersion = version
    const isDirty = this.editVersion !== this.savedVersion
    if (!isDirty) this.backups.cancel()
    this.update({ path: document.summary.path, document, isDirty, save: idle })
    this.emitDocument(document)
    if (isDirty) this.scheduleAutosave()
  }

  private async followChange(path: string, hash: string): Promise<void> {
    await this.afterWrites(async () => {
      const base = this.snapshot.document
      if (!base || base.summary.path !== path) return
      if (hash === base.hash && this.snapshot.save.type !== 'missing') return
      if (this.isClean()) return this.refresh(path)
      // Unsaved text: ask the disk now rather than at the next pause in typing.
      await this.exclusive(() => this.write(base, this.editorText(), this.editVersion))
    })
  }

  private async followMove(to: string, hash: string): Promise<void> {
    await this.afterWrites(async () => {
      const base = this.snapshot.document
      if (!base) return
      const from = base.summary.path
      const read = await settle(() => this.vault.readPost(to))
      const current = this.snapshot.document
      if (!current || current.summary.path !== from) return
      const document = read.ok && read.document.hash === current.hash ? read.document : { ...current, summary: { ...current.summary, path: to } }
      const wasMissing = this.snapshot.save.type === 'missing'
      this.update({ path: to, document, ...(wasMissing ? { save: idle, isDirty: this.editVersion !== this.savedVersion } : {}) })
      // A backup under the old path would offer to restore a post that is no longer there: back up under the new one.
      void this.backups.discard(from)
      if (this.snapshot.isDirty) this.backups.schedule()
      if (hash !== current.hash) await this.followChange(to, hash)
    })
  }

  private markMissing(path: string): void {
    if (this.snapshot.document?.summary.path !== path) return
    clearTimeout(this.autosaveTimer)
    // The text is now nowhere on disk: it is unsaved, and worth a backup.
    this.update({ isDirty: true, save: { type: 'missing', message: null } })
    this.backups.schedule()
  }

  private async refresh(path: string): Promise<void> {
    const generation = this.generation
    const result = await settle(() => this.vault.readPost(path))
    if (!result.ok || generation !== this.generation || !this.isClean()) return
    if (result.document.hash === this.snapshot.document?.hash) this.update({ document: result.document })
    else this.load(result.document, 'reload')
  }

  private isClean(): boolean {
    return !this.snapshot.isDirty && !this.saving && this.snapshot.save.type === 'idle'
  }

  /** Runs `work` once no write is running, and before any write that starts later. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    // With nothing running, start at once: the text to save is the one seen now.
    const started = this.saving ? this.saving.then(work, work) : work()
    const run: Promise<T> = started.finally(() => {
      if (this.saving === run) this.saving = null
    })
    this.saving = run
    return run
  }

  /** Runs `work` after the writes running now, without holding later ones back. */
  private async afterWrites(work: () => void | Promise<void>): Promise<void> {
    while (this.saving) await this.saving.catch(() => {})
    await work()
  }

  private load(document: PostDocument, kind: LoadKind): void {
    clearTimeout(this.autosaveTimer)
    this.backups.cancel()
    this.generation++
    this.text = null
    this.editVersion = 0
    this.savedVersion = 0
    this.update({
      path: document.summary.path,
      document,
      loadId: this.snapshot.loadId + 1,
      loadKind: kind,
      isLoading: false,
      loadError: null,
      isDirty: false,
      save: idle,
    })
    this.emitDocument(document)
  }

  private reset(fields: Pick<DocumentSnapshot, 'path' | 'loadError'>): void {
    clearTimeout(this.autosaveTimer)
    this.backups.cancel()
    this.generation++
    this.text = null
    this.editVersion = 0
    this.savedVersion = 0
    this.update({ ...fields, document: null, isLoading: false, isDirty: false, save: idle })
  }

  private scheduleAutosave(): void {
    clearTimeout(this.autosaveTimer)
    this.autosaveTimer = setTimeout(() => void this.save(), this.autosaveDelayMs)
  }

  private update(fields: Partial<DocumentSnapshot>): void {
    const next = { ...this.snapshot, ...fields }
    const keys = Object.keys(fields) as (keyof DocumentSnapshot)[]
    if (keys.every((key) => next[key] === this.snapshot[key])) return
    this.snapshot = next
    for (const listener of [...this.listeners]) listener()
  }

  private emitDocument(document: PostDocument): void {
    for (const listener of [...this.documentListeners]) listener(document)
  }
}
