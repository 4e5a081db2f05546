import type { PostDocument } from '../../../src-shared/model/post'
import type { SaveResult } from '../../../src-shared/model/save-conflict'
import { BackupScheduler, type BackupOptions } from './backup-scheduler'
import type { DocumentSnapshot, DocumentVault, LoadKind, SaveState, TextSource } from './document-types'
import { isSaveConflict, settle } from './settle'
import { SnapshotStore } from './snapshot-store'

/** The save state with nothing to report. */
export const idle: SaveState = { type: 'idle' }

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
 * The state of the open post and the save machine every action of a
 * `DocumentSession` shares: the snapshot, the editor's text and its versions, the
 * one queue of writes ({@link exclusive}), the autosave timer and the backups.
 * A save always goes against the hash of the version last read or written, and
 * takes in main's answer: saved, a conflict, a missing file or a failure, never
 * dropping the text. Loading another text bumps {@link generation}, so answers
 * about the old one are ignored.
 *
 * The session's conflict resolution (`conflict-resolution.ts`) and disk following
 * (`follow-disk-changes.ts`) work on it directly; nothing outside the session sees it.
 */
export class SessionCore {
  /** The snapshot the session shows. */
  readonly store = new SnapshotStore(initialSnapshot)
  private readonly documentListeners = new Set<(document: PostDocument) => void>()
  /** The editor's text after the last edit; null while it is `document.text`. */
  text: TextSource | null = null
  /** Counts edits since the last load; the version a save wrote is {@link savedVersion}. */
  editVersion = 0
  /** The edit version on disk; -1 when the disk differs from every version (a conflict overwritten). */
  savedVersion = 0
  /** Bumped when a different text is loaded, so answers about the old one are ignored. */
  generation = 0
  /** Bumped by each open, close or reload, so a superseded one gives up. */
  openToken = 0
  /** The write (save, re-create, conflict resolution) running now; writes never overlap. */
  saving: Promise<unknown> | null = null
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined
  readonly backups: BackupScheduler

  constructor(
    readonly vault: DocumentVault,
    private readonly autosaveDelayMs: number,
    backups: BackupOptions | undefined,
  ) {
    this.backups = new BackupScheduler(backups, () => {
      const base = this.snapshot.document
      if (!base || !this.snapshot.isDirty) return null
      return this.saving ? 'busy' : { path: base.summary.path, text: this.editorText(), baseHash: base.hash }
    })
  }

  /** The current snapshot. */
  get snapshot(): DocumentSnapshot {
    return this.store.get()
  }

  /** Calls `listener` with every document read or saved; returns the unsubscribe function. */
  readonly onDocument = (listener: (document: PostDocument) => void): (() => void) => {
    this.documentListeners.add(listener)
    return () => this.documentListeners.delete(listener)
  }

  /** The editor's text as last reported or loaded; `''` when no post is open. */
  readonly editorText = (): string => (this.text ?? this.snapshot.document?.text ?? '').toString()

  /** Saves the editor's text if it has changed, after any write running now; see `DocumentSession.save`. */
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

  /** Saves `text` (the editor's at `version`) over `base` and takes in the result. */
  async write(base: PostDocument, text: string, version: number, isRetry = false): Promise<boolean> {
    const generation = this.generation
    // A backup landing after the save would outlive it: the save is what drops it.
    await this.backups.settled()
    this.update({ save: { type: 'saving' } })
    const result = await settle(() => this.vault.savePost(base.summary.path, text, base.hash))
    if (generation !== this.generation) return false
    return this.takeSaveResult(base, text, version, result, isRetry)
  }

  /**
   * Takes in main's answer to writing `text` (the editor's at `version`) over `base`:
   * saved; the post moved meanwhile (written again there, once); or a conflict, a
   * missing file or a failure, shown in the snapshot with the text kept.
   */
  async takeSaveResult(base: PostDocument, text: string, version: number, result: SaveResult, isRetry = false): Promise<boolean> {
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

  /** Takes in `document`, just written with the editor's text at `version`; later edits stay dirty. */
  saved(document: PostDocument, version: number): void {
    this.savedVersion = version
    const isDirty = this.editVersion !== this.savedVersion
    if (!isDirty) this.backups.cancel()
    this.update({ path: document.summary.path, document, isDirty, save: idle })
    this.emitDocument(document)
    if (isDirty) this.scheduleAutosave()
  }

  /** Whether the editor shows the disk's text with nothing unsaved, running or waiting. */
  isClean(): boolean {
    return !this.snapshot.isDirty && !this.saving && this.snapshot.save.type === 'idle'
  }

  /** Runs `work` once no write is running, and before any write that starts later. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    // With nothing running, start at once: the text to save is the one seen now.
    const started = this.saving ? this.saving.then(work, work) : work()
    const run: Promise<T> = started.finally(() => {
      if (this.saving === run) this.saving = null
    })
    this.saving = run
    return run
  }

  /** Runs `work` after the writes running now, without holding later ones back. */
  async afterWrites(work: () => void | Promise<void>): Promise<void> {
    while (this.saving) await this.saving.catch(() => {})
    await work()
  }

  /** Shows `document` as the open post, clean, for the editor to take as `kind` says. */
  load(document: PostDocument, kind: LoadKind): void {
    this.forgetText()
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

  /** Shows no post (or one that could not be opened, with `loadError`). */
  reset(fields: Pick<DocumentSnapshot, 'path' | 'loadError'>): void {
    this.forgetText()
    this.update({ ...fields, document: null, isLoading: false, isDirty: false, save: idle })
  }

  /** Saves after the autosave delay, unless something happens first. */
  scheduleAutosave(): void {
    clearTimeout(this.autosaveTimer)
    this.autosaveTimer = setTimeout(() => void this.save(), this.autosaveDelayMs)
  }

  /** Drops a pending autosave. */
  cancelAutosave(): void {
    clearTimeout(this.autosaveTimer)
  }

  /** Changes the snapshot; see {@link SnapshotStore.update}. */
  update(fields: Partial<DocumentSnapshot>): void {
    this.store.update(fields)
  }

  private async runSave(): Promise<boolean> {
    this.cancelAutosave()
    const base = this.snapshot.document
    const state = this.snapshot.save.type
    if (state === 'conflict' || state === 'missing') return false
    if (!base || !this.text) {
      this.update({ isDirty: false })
      return true
    }
    return this.write(base, this.text.toString(), this.editVersion)
  }

  /** Drops the editor's text, its versions and its pending autosave and backup, ignoring answers about it. */
  private forgetText(): void {
    this.cancelAutosave()
    this.backups.cancel()
    this.generation++
    this.text = null
    this.editVersion = 0
    this.savedVersion = 0
  }

  private emitDocument(document: PostDocument): void {
    for (const listener of [...this.documentListeners]) listener(document)
  }
}
