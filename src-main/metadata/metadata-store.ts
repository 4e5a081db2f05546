import { mkdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { Low, Memory } from 'lowdb'
import { DurableJsonFile, type JsonValidator } from './durable-json-file'
import { migrateMetadata } from './migrations'
import { fromPostColumns, toPostColumns } from './post-columns'
import { checkMetadataShape, CURRENT_SCHEMA_VERSION, emptyMetadata, type MetadataData, type PostRecord } from './schema'
import { yieldToEventLoop } from './yield-to-event-loop'

/** Lemma's own folder inside a vault. */
export const LEMMA_DIR = '.lemma'
/** The metadata file, relative to the vault root. */
export const METADATA_FILE = `${LEMMA_DIR}/db.json`
/** How long {@link MetadataStore.scheduleFlush} gathers changes before one write, by default. */
export const FLUSH_DELAY_MS = 250
/**
 * How long a post's own save may stay unwritten in db.json: a write is the whole
 * file (8 MB at 10,000 posts), and autosave while typing would otherwise rewrite it
 * every few seconds. Losing the delayed change to a crash costs nothing: the next
 * open sees the post's size or mtime differ from its record and reads it again.
 */
export const SAVE_FLUSH_DELAY_MS = 15_000

/**
 * The per-vault metadata: one {@link PostRecord} per post, keyed by a stable id,
 * kept in `<vault>/.lemma/db.json` through lowdb with a {@link DurableJsonFile}
 * adapter (fsynced temp file and rename, previous version kept as `db.json.bak`).
 *
 * The store is a cache of what the Markdown files say: losing it loses nothing. A
 * damaged db.json is replaced by its last good copy, and when that is unusable too it
 * is moved aside and rebuilt. Changes are batched: {@link scheduleFlush} gathers them
 * for {@link FLUSH_DELAY_MS}, {@link flush} writes now, and concurrent flushes share
 * one write; nothing is written while nothing changed.
 *
 * The records live in maps; lowdb's `data` (the file's columns, see
 * {@link toPostColumns}) is rebuilt from them at each write.
 */
export class MetadataStore {
  private readonly byPath = new Map<string, PostRecord>()
  private readonly byId = new Map<string, PostRecord>()
  private pendingWrite: Promise<void> | null = null
  private flushTimer: NodeJS.Timeout | null = null
  /** When the scheduled write runs (`performance.now()` time), while {@link flushTimer} is set. */
  private flushAt = 0

  private constructor(
    private readonly db: Low<MetadataData>,
    records: readonly PostRecord[],
    private isDirty: boolean,
  ) {
    for (const record of records) {
      // A repeated id (a hand-edited file) keeps its first post; the other file is indexed again as new.
      if (this.byId.has(record.id)) continue
      this.byPath.set(record.path, record)
      this.byId.set(record.id, record)
    }
  }

  /**
   * Opens the store of the vault at `root`. `notices` says, in words for people,
   * whether the file had to be replaced or moved aside and why.
   */
  static async open(root: string): Promise<{ store: MetadataStore; notices: string[] }> {
    const dir = join(root, LEMMA_DIR)
    const file = join(root, METADATA_FILE)
    try {
      await mkdir(dir, { recursive: true })
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') throw error
      // A read-only folder can still be read and edited where the files allow it.
      const memory = new Low<MetadataData>(new Memory<MetadataData>(), emptyMetadata())
      return { store: new MetadataStore(memory, [], false), notices: [`Lemma cannot write its index in this folder (${code}: the folder is read-only), so it keeps the index in memory and reads every post at each opening.`] }
    }
    let wasMigrated = false
    const adapter = new DurableJsonFile<MetadataData>(file, (value) => {
      const checked = validateMetadata(value)
      if (checked.ok) wasMigrated = (value as { schemaVersion?: unknown }).schemaVersion !== CURRENT_SCHEMA_VERSION
      return checked
    })
    const db = new Low<MetadataData>(adapter, emptyMetadata())
    const read = await adapter.readWithReport()
    const notices: string[] = []
    let records: PostRecord[] = []
    if (read.source !== 'none') {
      db.data = read.data
      // Lets the window breathe between parsing db.json and building the records (each several milliseconds at 10,000 posts).
      await yieldToEventLoop()
      records = fromPostColumns(read.data.posts)
    }
    if (read.source !== 'file' && read.problem) {
      const aside = await moveAside(dir, file)
      const fate = read.source === 'backup'
        ? 'Lemma used its last good copy (db.json.bak) and brought it up to date'
        : 'it was rebuilt from your posts'
      notices.push(`Lemma's index of this folder (.lemma/db.json) could not be used because ${read.problem}. It was moved aside to ${LEMMA_DIR}/${aside} and ${fate}; no post was changed.`)
    }
    // An older version or the backup is written back at the next flush, so that the next opening reads db.json as it is.
    return { store: new MetadataStore(db, records, wasMigrated || read.source === 'backup'), notices }
  }

  /** Number of records. */
  get size(): number {
    return this.byPath.size
  }

  /** Every record, in no particular order. */
  all(): PostRecord[] {
    return [...this.byPath.values()]
  }

  /** The record of the post at a vault-relative path. */
  get(path: string): PostRecord | undefined {
    return this.byPath.get(path)
  }

  /** Adds or replaces a record (matched by id; a changed path moves it). */
  put(record: PostRecord): void {
    const previous = this.byId.get(record.id)
    if (previous && previous.path !== record.path && this.byPath.get(previous.path)?.id === record.id) this.byPath.delete(previous.path)
    const atPath = this.byPath.get(record.path)
    if (atPath && atPath.id !== record.id) this.byId.delete(atPath.id)
    this.byId.set(record.id, record)
    this.byPath.set(record.path, record)
    this.isDirty = true
  }

  /** Removes the record of a path; returns it if there was one. */
  remove(path: string): PostRecord | undefined {
    const record = this.byPath.get(path)
    if (!record) return undefined
    this.byPath.delete(path)
    this.byId.delete(record.id)
    this.isDirty = true
    return record
  }

  /**
   * Writes pending changes after `delayMs` ({@link FLUSH_DELAY_MS} by default),
   * gathering everything changed meanwhile into one write. A write already scheduled
   * sooner stays; one scheduled later is brought forward.
   */
  scheduleFlush(delayMs = FLUSH_DELAY_MS): void {
    const at = performance.now() + delayMs
    if (this.flushTimer) {
      if (this.flushAt <= at) return
      clearTimeout(this.flushTimer)
    }
    this.flushAt = at
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null
      // A failed background write leaves the store dirty; the next flush retries it.
      this.flush().catch(() => {})
    }, delayMs)
  }

  /** Writes pending changes to disk now; concurrent calls share one write. */
  async flush(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer)
      this.flushTimer = null
    }
    while (this.pendingWrite) await this.pendingWrite
    if (!this.isDirty) return
    this.isDirty = false
    // Fresh columns for each write: the write is queued behind any write under way, and they must not change meanwhile.
    this.db.data = { schemaVersion: CURRENT_SCHEMA_VERSION, posts: toPostColumns(this.byId.values()) }
    this.pendingWrite = this.db.write()
      .catch((error: unknown) => {
        this.isDirty = true
        throw error
      })
      .finally(() => { this.pendingWrite = null })
    await this.pendingWrite
  }
}

const validateMetadata: JsonValidator<MetadataData> = (value) => {
  const migrated = migrateMetadata(value)
  if (migrated === null) return { ok: false, problem: 'it was written by a newer or unknown version of Lemma' }
  const problem = checkMetadataShape(migrated)
  return problem ? { ok: false, problem } : { ok: true, data: migrated as MetadataData }
}

async function moveAside(dir: string, file: string): Promise<string> {
  const name = `db.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
  try {
    await rename(file, join(dir, name))
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  return name
}
