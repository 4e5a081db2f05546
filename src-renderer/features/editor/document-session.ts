import type { LemmaApi } from '../../../src-shared/ipc/contract'
import type { PostDocument, PostSummary } from '../../../src-shared/model/post'
import { failure, type Result } from '../../../src-shared/model/results'
import type { VaultChange } from '../../../src-shared/model/vault'

/** The vault calls a {@link DocumentSession} makes. */
export type DocumentVault = Pick<LemmaApi['vault'], 'readPost' | 'savePost'>

/** Where saving stands. A conflict or failure keeps the text and waits for the person. */
export type SaveState =
  | { type: 'idle' }
  | { type: 'saving' }
  | { type: 'conflict' }
  | { type: 'failed'; message: string }

/** An immutable picture of the open post, for rendering. */
export interface DocumentSnapshot {
  /** The post shown or being opened; null when none is. */
  path: string | null
  /** The version last read or saved: its hash is the base of the next save. */
  document: PostDocument | null
  /** Bumped whenever the editor must take `document.text`; `loadKind` says how. */
  loadId: number
  /** `open` starts a fresh editor state; `reload` replaces the text in place. */
  loadKind: 'open' | 'reload'
  isLoading: boolean
  /** Why the post at `path` could not be opened. */
  loadError: string | null
  /** Whether the editor holds text that is not on disk. */
  isDirty: boolean
  save: SaveState
}

/** How {@link DocumentSession.open} ended. */
export type OpenOutcome =
  | { ok: true }
  | { ok: false; reason: 'unsaved' | 'superseded' | 'failed'; message: string }

/** Anything whose `toString()` is the editor's text (a CodeMirror `Text`, or a string). */
export interface TextSource {
  toString(): string
}

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

async function settle<T>(call: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call()
  } catch (error) {
    return failure('io-error', error instanceof Error ? error.message : String(error))
  }
}

/**
 * The open post and its saving, free of React and of the editor. The editor reports
 * edits with {@link edit}; the session saves them after a pause in typing or on
 * {@link save}, always against the hash of the version it last read or wrote, so a
 * file changed by someone else gives a conflict instead of being overwritten. The
 * text is never dropped: failures keep it and say why.
 *
 * Read it with {@link subscribe}/{@link getSnapshot} (shaped for
 * `useSyncExternalStore`).
 */
export class DocumentSession {
  private snapshot = initialSnapshot
  private readonly listeners = new Set<() => void>()
  private readonly documentListeners = new Set<(document: PostDocument) => void>()
  private text: TextSource | null = null
  private editVersion = 0
  private savedVersion = 0
  /** Bumped when a different text is loaded, so answers about the old one are ignored. */
  private generation = 0
  private openToken = 0
  private saving: Promise<boolean> | null = null
  private autosaveTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private readonly vault: DocumentVault,
    private readonly autosaveDelayMs = 1200,
  ) {}

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

  /** Records that the editor's text is now `text`, and schedules an autosave. */
  readonly edit = (text: TextSource): void => {
    if (!this.snapshot.document) return
    this.text = text
    this.editVersion++
    this.update({ isDirty: true })
    this.scheduleAutosave()
  }

  /**
   * Saves the editor's text if it has changed. Resolves to true when this call left
   * the text it saw on disk, false on a conflict or failure (shown in the snapshot).
   * Calls made while a save is running wait for it, then save anything newer.
   */
  readonly save = (): Promise<boolean> => {
    if (this.saving) return this.saving.then(() => this.save())
    if (!this.snapshot.isDirty) return Promise.resolve(true)
    const run = this.runSave().finally(() => {
      this.saving = null
    })
    this.saving = run
    return run
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
   * Follows changes on disk: a clean post that changed is reloaded in place, one
   * that disappeared is closed. A post with unsaved text is left alone; its next save
   * reports the conflict.
   */
  readonly handleVaultChange = (change: VaultChange): void => {
    const base = this.snapshot.document
    if (!base) return
    const path = base.summary.path
    let summary: PostSummary | undefined
    if (change.type === 'removed') {
      if (!change.paths.includes(path)) return
    } else {
      summary = change.posts.find((post) => post.path === path)
      if (!summary && change.type === 'upserted') return
    }
    if (!this.isClean()) return
    if (!summary) this.close()
    else if (summary.mtimeMs !== base.summary.mtimeMs || summary.size !== base.summary.size) void this.refresh(path)
  }

  /** Stops the autosave timer; call when the owner goes away. */
  readonly dispose = (): void => {
    clearTimeout(this.autosaveTimer)
  }

  private async runSave(): Promise<boolean> {
    clearTimeout(this.autosaveTimer)
    const base = this.snapshot.document
    const source = this.text
    if (!base || !source) {
      this.update({ isDirty: false })
      return true
    }
    if (this.snapshot.save.type === 'conflict') return false
    const generation = this.generation
    const version = this.editVersion
    const text = source.toString()
    this.update({ save: { type: 'saving' } })
    const result = await settle(() => this.vault.savePost(base.summary.path, text, base.hash))
    if (generation !== this.generation) return false
    if (!result.ok) {
      this.update({ save: result.reason === 'conflict' ? { type: 'conflict' } : { type: 'failed', message: result.message } })
      return false
    }
    this.savedVersion = version
    const isDirty = this.editVersion !== this.savedVersion
    this.update({ document: result.document, isDirty, save: idle })
    this.emitDocument(result.document)
    if (isDirty) this.scheduleAutosave()
    return true
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

  private load(document: PostDocument, kind: 'open' | 'reload'): void {
    clearTimeout(this.autosaveTimer)
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
