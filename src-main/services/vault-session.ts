import { randomUUID } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import type { DiskChange } from '../../src-shared/model/disk-change'
import type { IndexProgress } from '../../src-shared/model/index-progress'
import type { PostDocument, PostSummary } from '../../src-shared/model/post'
import { failure, type Failure, type Result } from '../../src-shared/model/results'
import type { PostMissing, SaveConflict, SaveResult } from '../../src-shared/model/save-conflict'
import { sortNewestFirst } from '../../src-shared/model/sort'
import type { VaultChange, VaultInfo } from '../../src-shared/model/vault'
import { HistoryService } from '../history/history-service'
import { LocalHistory, SNAPSHOT_NAME } from '../history/local-history'
import { sameRecord, syncVaultIndex, type SyncOptions } from '../metadata/index-vault'
import { METADATA_FILE, MetadataStore, SAVE_FLUSH_DELAY_MS } from '../metadata/metadata-store'
import { IndexWorkers } from '../index-worker/index-workers'
import { resolveWorkerEntry, walkInWorker, type WorkerEntry } from '../index-worker/run-parse-workers'
import { toPostRecord, toSummary } from '../metadata/post-record'
import type { PostRecord } from '../metadata/schema'
import type { BackupStore } from '../recovery/backup-store'
import { BaseTextCache } from '../recovery/base-text-cache'
import { checkDisk, unavailableFailure, type FileFormat } from '../recovery/disk-check'
import { recreatePostFile } from '../recovery/recreate-post-file'
import { RecoveryService } from '../recovery/recovery-service'
import { cleanStaleTempFiles } from '../recovery/stale-temp-files'
import { mergeThreeWay } from '../recovery/three-way-merge'
import { createPostFile } from '../vault/create-post-file'
import { defaultPostTemplate, type NewPostMeta } from '../vault/post-template'
import { deletePostFile } from '../vault/delete-post-file'
import { parsePost } from '../vault/front-matter'
import { readPostFile, writePostFile, type PostFile } from '../vault/post-files'
import { resolvePostPath } from '../vault/post-path'
import { renamePostFile } from '../vault/rename-post-file'
import { decodeText, encodeText, hashBytes } from '../vault/text-codec'
import { OwnWrites } from '../watcher/own-writes'
import { reconcileChanges } from '../watcher/reconcile-changes'
import type { WalkedFile } from '../vault/walk'
import { VaultWatcher, type TouchedPaths } from '../watcher/vault-watcher'

/** Moves a file to the OS trash (Electron's `shell.trashItem` in the app). */
export type TrashFunction = (absolutePath: string) => Promise<void>

/** Where a session reports what happens, and what it may use. */
export interface VaultSessionOptions {
  /** Posts added, changed or removed (by Lemma, by indexing or by other programs). */
  onChange: (change: VaultChange) => void
  /** Indexing progress, for "1,234 / 10,000". */
  onProgress?: (progress: IndexProgress) => void
  /** Posts changed by other programs, for open editors. */
  onDiskChange?: (changes: DiskChange[]) => void
  /** Backups of unsaved edits (outside the vault); recovery services fail without it. */
  backups?: BackupStore | null
  /** Watch the folder for outside changes (default true). */
  watch?: boolean
  /**
   * Where indexing lists and parses (default `auto`: worker threads started for big
   * jobs). The app passes its running {@link IndexWorkers}.
   */
  parser?: SyncOptions['parser']
  /** The watcher's quiet period (see {@link VaultWatcher}). */
  watchQuietMs?: number
}

const EDITOR_KEEPS_TEXT = 'Nothing was overwritten; your text is still in the editor.'

/**
 * One open vault: its folder, metadata store, local history and watcher, and every
 * post operation the renderer may ask for. Every path argument is untrusted and
 * checked by the vault core; every change is written to the store and announced
 * through `onChange`.
 *
 * Opening returns at once: indexing (a worker-thread parse on a cold open, a stat
 * pass on a warm one) and the watcher start in the background, and {@link ready}
 * resolves when they are done; stale temp files are cleaned after indexing. Saves never overwrite
 * a version the editor has not seen ({@link savePost}); other programs' changes are
 * reconciled by content hash and pushed through `onDiskChange`.
 */
export class VaultSession {
  /** Resolves once the first indexing pass is complete and the watcher runs. Never rejects. */
  readonly ready: Promise<void>
  /** Local history of this vault's posts (the `history` services). */
  readonly history: HistoryService
  /** Backups of unsaved edits (the `recovery` services). */
  readonly recovery: RecoveryService
  private progressNow: IndexProgress = { phase: 'scanning', done: 0, total: 0 }
  private readonly ownWrites = new OwnWrites()
  private readonly baseTexts = new BaseTextCache()
  private readonly formats = new Map<string, FileFormat>()
  private readonly aborter = new AbortController()
  private watcher: VaultWatcher | null = null
  private housekeeping: Promise<void> = Promise.resolve()
  private queue: Promise<unknown> = Promise.resolve()
  private isClosed = false

  private constructor(
    readonly info: VaultInfo,
    private readonly store: MetadataStore,
    private readonly localHistory: LocalHistory,
    private readonly options: VaultSessionOptions,
    private listing: Promise<WalkedFile[]> | null,
  ) {
    const savePost = (path: string, text: string, baseHash: string) => this.savePost(path, text, baseHash)
    this.history = new HistoryService({ root: info.root, history: localHistory, savePost })
    this.recovery = new RecoveryService({
      root: info.root,
      backups: options.backups ?? null,
      savePost,
      keepInHistory: (relative, baseHash) => this.keepInHistory(relative, baseHash, null),
    })
    this.ready = this.start()
  }

  /**
   * Opens the vault at `root` (an absolute folder path). Returns as soon as the
   * metadata is loaded: `listPosts` then gives what the last session indexed (nothing
   * on a cold open) and the rest arrives through `onChange` while {@link ready} is pending.
   */
  static async open(root: string, options: VaultSessionOptions): Promise<{ session: VaultSession; notices: string[] }> {
    const early = await startListing(root, options.parser)
    // Side by side: the history settings are one small read, which would otherwise wait behind db.json.
    const [{ store, notices }, history] = await Promise.all([MetadataStore.open(root), LocalHistory.open(root)])
    return { session: new VaultSession({ root, name: basename(root) || root }, store, history, options, early?.listing ?? null), notices }
  }

  /** Every post, newest first. */
  listPosts(): PostSummary[] {
    return sortNewestFirst(this.store.all().map(toSummary))
  }

  /** How far indexing has come. */
  get progress(): IndexProgress {
    return { ...this.progressNow }
  }

  /** Re-reads the folder (stat only for unchanged files) and announces what changed. */
  rescan(): Promise<void> {
    return this.serialise(() => this.sync())
  }

  /** Reads a post for editing, refreshing its record if the file changed. */
  async readPost(path: string): Promise<Result<{ document: PostDocument }>> {
    const read = await readPostFile(this.info.root, path)
    if (!read.ok) {
      if (read.reason === 'missing') await this.forget(path)
      return read
    }
    this.remember(read.relative, read.hash, read.text, read)
    const summary = this.record(read.relative, read.text, read)
    return { ok: true, document: { summary, text: read.text, hash: read.hash, lineEnding: read.lineEnding, hasBom: read.hasBom } }
  }

  /**
   * Saves `text` over the version whose hash is `baseHash`, after comparing the disk
   * with it (size and mtime, then hash; see {@link checkDisk}). A touch or an identical
   * rewrite is not a conflict, nor is another program having written exactly `text`.
   * Other bytes on disk give a {@link SaveConflict} with the
   * disk's text and, when it applies cleanly, a three-way merge; a vanished file gives
   * a {@link PostMissing}. Nothing is written in either case. A successful save keeps
   * a snapshot in local history (and the version it replaced, if history lacked it)
   * and drops the post's crash backup.
   */
  async savePost(path: string, text: string, baseHash: string): Promise<SaveResult> {
    const resolved = await resolvePostPath(this.info.root, path)
    // An unplugged folder fails path resolution first; say what happened to the text.
    if (!resolved.ok) return resolved.reason === 'no-vault' ? unavailableFailure(this.info.root) : resolved
    const relative = resolved.relative
    const disk = await checkDisk(this.info.root, resolved.absolute, relative, baseHash, {
      record: this.store.get(relative),
      format: this.formats.get(relative),
    })
    switch (disk.state) {
      case 'missing':
        return this.missing(relative, baseHash)
      case 'unavailable':
        return unavailableFailure(this.info.root)
      case 'failed':
        return withEditorNote(disk.failure)
      case 'changed':
        // Someone else already wrote exactly this text: nothing to overwrite, nothing to ask.
        if (disk.file.text === text) return this.adopt(disk.file)
        return this.conflict(relative, text, baseHash, disk.file)
    }
    const format = disk.format ?? this.formats.get(relative) ?? { lineEnding: '\n' as const, hasBom: false }
    const bytes = encodeText(text, format.lineEnding, format.hasBom)
    const hash = hashBytes(bytes)
    await this.keepInHistory(relative, baseHash, disk.file?.bytes ?? null)
    this.ownWrites.expect(relative, hash)
    const written = await writePostFile(this.info.root, relative, text, { ...format, expectedHash: baseHash })
    if (!written.ok || written.isUnchanged) this.ownWrites.withdraw(relative, hash)
    if (!written.ok) return written.reason === 'conflict' ? this.lateConflict(resolved.absolute, relative, text, baseHash) : withEditorNote(written)
    this.remember(relative, written.hash, text, format)
    const summary = this.record(relative, text, written)
    await this.afterSave(relative, bytes, written.hash)
    return { ok: true, document: { summary, text, hash: written.hash, ...format } }
  }

  /**
   * Writes `text` as a new file at `path`: how a post deleted or moved while it was
   * open is saved again, at its old path or another. Fails with `exists` rather than
   * overwrite anything. The line ending and BOM of the post's last known version are kept.
   */
  async recreatePost(path: string, text: string): Promise<Result<{ document: PostDocument }>> {
    const resolved = await resolvePostPath(this.info.root, path)
    if (!resolved.ok) return resolved
    const format = this.formats.get(resolved.relative) ?? { lineEnding: '\n' as const, hasBom: false }
    const bytes = encodeText(text, format.lineEnding, format.hasBom)
    const hash = hashBytes(bytes)
    this.ownWrites.expect(resolved.relative, hash)
    const created = await recreatePostFile(this.info.root, resolved.relative, bytes)
    if (!created.ok) {
      this.ownWrites.withdraw(resolved.relative, hash)
      return created.reason === 'exists' ? created : withEditorNote(created)
    }
    this.remember(created.relative, created.hash, text, format)
    const summary = this.record(created.relative, text, created)
    await this.afterSave(created.relative, bytes, created.hash)
    return { ok: true, document: { summary, text, hash: created.hash, ...format } }
  }

  /**
   * Creates a post from a title in a vault-relative folder and returns it opened;
   * `meta` pre-fills the template's categories (one hierarchy) and tags.
   */
  async createPost(title: string, folder: string, meta?: NewPostMeta): Promise<Result<{ document: PostDocument }>> {
    if (title.trim() === '') return failure('invalid-name', 'A post needs a title.')
    const template = meta ? defaultPostTemplate(title, new Date(), meta) : undefined
    const created = await createPostFile(this.info.root, folder, title, template)
    if (!created.ok) return created
    return this.readPost(created.relative)
  }

  /** Renames a post within its folder; its id, history and place in the app survive. */
  async renamePost(path: string, newName: string): Promise<Result<{ summary: PostSummary }>> {
    const renamed = await renamePostFile(this.info.root, path, newName)
    if (!renamed.ok) return renamed
    const source = await resolvePostPath(this.info.root, path)
    const oldPath = source.ok ? source.relative : path
    const old = this.store.get(oldPath)
    const read = await readPostFile(this.info.root, renamed.relative)
    if (!read.ok) return read
    if (oldPath !== read.relative) {
      this.ownWrites.rename(oldPath, read.relative)
      const format = this.formats.get(oldPath)
      if (format) this.formats.set(read.relative, format)
      this.formats.delete(oldPath)
      await this.localHistory.move(oldPath, read.relative)
    }
    if (old) this.store.remove(old.path)
    const summary = this.record(read.relative, read.text, read, old?.id)
    if (old && old.path !== read.relative) this.options.onChange({ type: 'removed', paths: [old.path] })
    return { ok: true, summary }
  }

  /** Moves a post to the trash through `trash`. */
  async deletePost(path: string, trash: TrashFunction): Promise<Result<object>> {
    const deleted = await deletePostFile(this.info.root, path, trash)
    if (!deleted.ok) return deleted
    const resolved = await resolvePostPath(this.info.root, path)
    await this.forget(resolved.ok ? resolved.relative : path)
    return { ok: true }
  }

  /** Writes pending metadata now instead of after the batching delay. */
  async flush(): Promise<void> {
    await this.store.flush()
  }

  /** Delivers pending watcher events now and waits until they are applied (tests). */
  async settle(): Promise<void> {
    await this.ready
    await this.housekeeping
    await this.watcher?.settle()
    await this.queue
  }

  /** Stops indexing and watching, and writes pending metadata. */
  async close(): Promise<void> {
    this.isClosed = true
    this.aborter.abort()
    await this.ready
    await this.housekeeping
    await this.watcher?.close()
    await this.queue
    await this.store.flush().catch(() => {})
  }

  private async start(): Promise<void> {
    // chokidar's first scan takes seconds on 10,000 files, so it runs beside indexing; its batches queue behind it.
    const watching = this.options.watch === false ? Promise.resolve(null) : VaultWatcher.start(this.info.root, {
      onBatch: (touched) => this.serialise(() => this.applyTouched(touched)),
      quietMs: this.options.watchQuietMs,
    }).catch(() => null)
    await this.serialise(() => this.sync()).catch(() => this.setProgress({ ...this.progressNow, phase: 'done' }))
    // Off the critical path: temp files never end in .md, so the index never mistook one for a post.
    this.housekeeping = cleanStaleTempFiles(this.info.root, { newFileNames: SNAPSHOT_NAME }).then(() => {}, () => {})
    this.watcher = await watching
    if (this.isClosed) {
      await this.watcher?.close()
      return
    }
    // A file changed after the walk saw it but before the watcher was ready would be missed: stat everything once more.
    if (this.watcher) await this.serialise(() => this.sync(false)).catch(() => null)
  }

  private async sync(isReported = true): Promise<void> {
    const options = this.syncOptions()
    if (!isReported) delete options.onProgress
    // The listing started while db.json loaded, else a new one: in a worker too, as every sync walks the whole vault.
    const listing = this.listing ?? (await startListing(this.info.root, this.options.parser))?.listing
    this.listing = null
    if (listing) options.listing = listing
    const { removedPaths } = await syncVaultIndex(this.info.root, this.store, options)
    if (removedPaths.length) this.options.onChange({ type: 'removed', paths: removedPaths })
  }

  private syncOptions(): SyncOptions {
    return {
      parser: this.options.parser,
      signal: this.aborter.signal,
      onProgress: (progress) => this.setProgress(progress),
      onBatch: (records) => this.options.onChange({ type: 'upserted', posts: records.map(toSummary) }),
    }
  }

  private setProgress(progress: IndexProgress): void {
    this.progressNow = progress
    this.options.onProgress?.(progress)
  }

  private async applyTouched(touched: TouchedPaths): Promise<void> {
    if (this.isClosed) return
    const outcome = await reconcileChanges(this.info.root, touched, this.store, this.ownWrites)
    for (const change of outcome.diskChanges) {
      if (change.type === 'moved') {
        const format = this.formats.get(change.from)
        if (format) this.formats.set(change.to, format)
      }
    }
    if (outcome.removedPaths.length) this.options.onChange({ type: 'removed', paths: outcome.removedPaths })
    if (outcome.upserted.length) this.options.onChange({ type: 'upserted', posts: outcome.upserted.map(toSummary) })
    if (outcome.diskChanges.length) this.options.onDiskChange?.(outcome.diskChanges)
    if (outcome.upserted.length || outcome.removedPaths.length) this.store.scheduleFlush()
  }

  private async conflict(relative: string, mine: string, baseHash: string, disk: PostFile): Promise<SaveConflict> {
    this.remember(relative, disk.hash, disk.text, disk)
    const summary = this.record(relative, disk.text, disk)
    const base = this.baseTexts.get(baseHash) ?? (await this.historyText(relative, baseHash))
    const merge = base === null ? null : mergeThreeWay(base, mine, disk.text)
    const merged = merge?.isClean ? merge.text : null
    return {
      ok: false,
      reason: 'conflict',
      message: `"${relative}" was changed by another program since you opened it. Nothing was overwritten: keep your version, take the one on disk${merged === null ? '' : ', or take both merged'}.`,
      disk: { summary, text: disk.text, hash: disk.hash, lineEnding: disk.lineEnding, hasBom: disk.hasBom },
      merged,
    }
  }

  /** Takes the version on disk as the saved one. */
  private async adopt(file: PostFile): Promise<SaveResult> {
    this.remember(file.relative, file.hash, file.text, file)
    const summary = this.record(file.relative, file.text, file)
    await this.afterSave(file.relative, file.bytes, file.hash)
    return { ok: true, document: { summary, text: file.text, hash: file.hash, lineEnding: file.lineEnding, hasBom: file.hasBom } }
  }

  /** The file changed between the check and the write: read it again and report it like any conflict. */
  private async lateConflict(absolute: string, relative: string, text: string, baseHash: string): Promise<SaveResult> {
    const disk = await checkDisk(this.info.root, absolute, relative, baseHash, { record: undefined, format: undefined })
    if (disk.state === 'changed') return this.conflict(relative, text, baseHash, disk.file)
    if (disk.state === 'missing') return this.missing(relative, baseHash)
    if (disk.state === 'unavailable') return unavailableFailure(this.info.root)
    if (disk.state === 'failed') return withEditorNote(disk.failure)
    return withEditorNote(failure('io-error', `"${relative}" kept changing while Lemma saved it; try again`))
  }

  private missing(relative: string, baseHash: string): PostMissing {
    const moved = this.store.all().find((record) => record.hash === baseHash && record.path !== relative)
    const where = moved ? `was moved to "${moved.path}"` : 'was deleted or moved'
    return {
      ok: false,
      reason: 'missing',
      message: `"${relative}" ${where} by another program while it was open. Your text is still in the editor: save it again to re-create the file, or save it under another name.`,
      movedTo: moved?.path ?? null,
    }
  }

  private async historyText(relative: string, hash: string): Promise<string | null> {
    const bytes = await this.localHistory.findByHash(relative, hash).catch(() => null)
    return bytes ? decodeText(bytes).text : null
  }

  /** Makes sure the version about to be replaced is in history (it may come from outside Lemma). */
  private async keepInHistory(relative: string, baseHash: string, baseBytes: Buffer | null): Promise<void> {
    try {
      if ((await this.localHistory.newestHash(relative)) === baseHash) return
      const bytes = baseBytes ?? (await readPostFile(this.info.root, relative).then((read) => (read.ok && read.hash === baseHash ? read.bytes : null)))
      if (bytes) await this.localHistory.snapshot(relative, bytes, baseHash)
    } catch {
      // History is a safety net; a full disk there must not stop the save itself.
    }
  }

  private async afterSave(relative: string, bytes: Buffer, hash: string): Promise<void> {
    await this.localHistory.snapshot(relative, bytes, hash).catch(() => null)
    await this.options.backups?.discardFor(this.info.root, relative).catch(() => {})
  }

  private remember(relative: string, hash: string, text: string, format: FileFormat): void {
    this.baseTexts.set(hash, text)
    this.formats.set(relative, { lineEnding: format.lineEnding, hasBom: format.hasBom })
  }

  private record(
    relative: string,
    text: string,
    file: { hash: string; size: number; mtimeMs: number; birthtimeMs: number },
    id?: string,
  ): PostSummary {
    const existing = this.store.get(relative)
    const parsed = parsePost(text, { relPath: relative, birthtimeMs: file.birthtimeMs, mtimeMs: file.mtimeMs })
    const record: PostRecord = toPostRecord(id ?? existing?.id ?? randomUUID(), { relative, size: file.size, mtimeMs: file.mtimeMs, hash: file.hash }, parsed)
    if (!existing || !sameRecord(existing, record)) {
      this.store.put(record)
      this.store.scheduleFlush(SAVE_FLUSH_DELAY_MS)
      this.options.onChange({ type: 'upserted', posts: [toSummary(record)] })
    }
    return toSummary(record)
  }

  private async forget(path: string): Promise<void> {
    this.formats.delete(path)
    const removed = this.store.remove(path)
    if (!removed) return
    this.store.scheduleFlush()
    this.options.onChange({ type: 'removed', paths: [removed.path] })
  }

  private serialise<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run)
    this.queue = next.catch(() => {})
    return next
  }
}

/** Warm vaults whose metadata is smaller than this are listed in this thread (about 2,500 posts). */
const LARGE_METADATA_BYTES = 2 * 1024 * 1024

/**
 * Starts listing the vault in a worker thread, where the walk may block (three times
 * faster than the asynchronous walk in this thread) and overlaps the loading of
 * db.json here. Used on a cold open (no db.json yet) and for vaults whose metadata is
 * big: a small warm vault is listed sooner in this thread than a worker answers, even
 * one of the running {@link IndexWorkers} (at 1,000 posts: 50 against 86 ms). A worker
 * started for the listing through tsx (tests from source) costs a quarter of a second,
 * so it is used for big metadata only. Null when parsing in-process, when no worker
 * can start, or for small vaults: the sync then walks in this thread.
 */
async function startListing(root: string, parser: VaultSessionOptions['parser']): Promise<{ listing: Promise<WalkedFile[]> } | null> {
  if (parser === 'in-process') return null
  const pool = parser instanceof IndexWorkers ? parser : null
  const entry = pool ? null : parser === undefined || parser === 'auto' ? resolveWorkerEntry() : (parser as WorkerEntry)
  if (pool === null && entry === null) return null
  const metadataBytes = await stat(join(root, METADATA_FILE)).then((info) => info.size, () => null)
  const isWorthAWorker = metadataBytes === null ? pool !== null || entry?.type === 'script' : metadataBytes >= LARGE_METADATA_BYTES
  if (!isWorthAWorker) return null
  const listing = walkInWorker(root, pool ?? entry)
  // Rejections are seen by the first sync; until then they must not count as unhandled.
  listing.catch(() => {})
  // Wrapped: an async function returning the promise itself would wait for it.
  return { listing }
}

function withEditorNote(failed: Failure): Failure {
  return { ...failed, message: `${failed.message}. ${EDITOR_KEEPS_TEXT}`.replace('.. ', '. ') }
}
