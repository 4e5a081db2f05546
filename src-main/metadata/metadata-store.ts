import { mkdir, readFile, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { checkMetadataShape, emptyMetadata, type MetadataData, type PostRecord } from './schema'
import { migrateMetadata } from './migrations'

/** Lemma's own folder inside a vault. */
export const LEMMA_DIR = '.lemma'
/** The metadata file, relative to the vault root. */
export const METADATA_FILE = `${LEMMA_DIR}/db.json`

/**
 * The per-vault metadata: one {@link PostRecord} per post, keyed by a stable id,
 * kept in `<vault>/.lemma/db.json` through lowdb.
 *
 * The store is a cache of what the Markdown files say: losing it loses nothing, so a
 * missing, empty, corrupt or unknown-version db.json is moved aside and rebuilt.
 * Writes go through lowdb's adapter (a temp file and a rename); {@link flush}
 * coalesces many changes into one write.
 */
export class MetadataStore {
  private readonly byPath = new Map<string, PostRecord>()
  private pendingWrite: Promise<void> | null = null
  private isDirty = false

  private constructor(private readonly db: Low<MetadataData>) {
    for (const record of Object.values(db.data.posts)) this.byPath.set(record.path, record)
  }

  /**
   * Opens the store of the vault at `root`. `notices` says, in words for people,
   * whether the file had to be moved aside and why.
   */
  static async open(root: string): Promise<{ store: MetadataStore; notices: string[] }> {
    const dir = join(root, LEMMA_DIR)
    const file = join(root, METADATA_FILE)
    await mkdir(dir, { recursive: true })
    const notices: string[] = []
    const db = new Low<MetadataData>(new JSONFile<MetadataData>(file), emptyMetadata())
    const problem = await readInto(db, file)
    if (problem) {
      const aside = join(dir, `db.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}.json`)
      await rename(file, aside)
      db.data = emptyMetadata()
      notices.push(`Lemma's index of this folder (.lemma/db.json) could not be used because ${problem}. It was moved aside to ${LEMMA_DIR}/${aside.split(/[\\/]/).pop()} and rebuilt from your posts; no post was changed.`)
    }
    return { store: new MetadataStore(db), notices }
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
    const previous = this.db.data.posts[record.id]
    if (previous && previous.path !== record.path) this.byPath.delete(previous.path)
    const atPath = this.byPath.get(record.path)
    if (atPath && atPath.id !== record.id) delete this.db.data.posts[atPath.id]
    this.db.data.posts[record.id] = record
    this.byPath.set(record.path, record)
    this.isDirty = true
  }

  /** Removes the record of a path; returns it if there was one. */
  remove(path: string): PostRecord | undefined {
    const record = this.byPath.get(path)
    if (!record) return undefined
    this.byPath.delete(path)
    delete this.db.data.posts[record.id]
    this.isDirty = true
    return record
  }

  /** Writes pending changes to disk; concurrent calls share one write. */
  async flush(): Promise<void> {
    while (this.pendingWrite) await this.pendingWrite
    if (!this.isDirty) return
    this.isDirty = false
    this.pendingWrite = this.db.write().finally(() => { this.pendingWrite = null })
    await this.pendingWrite
  }
}

async function readInto(db: Low<MetadataData>, file: string): Promise<string | null> {
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  if (text.trim() === '') return 'it is empty'
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return 'it is not valid JSON (probably a write was cut off)'
  }
  const migrated = migrateMetadata(parsed)
  if (migrated === null) return 'it was written by a newer or unknown version of Lemma'
  const shapeProblem = checkMetadataShape(migrated)
  if (shapeProblem) return shapeProblem
  db.data = migrated as MetadataData
  return null
}
