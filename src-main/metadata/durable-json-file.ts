import { open, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { yieldToEventLoop } from './yield-to-event-loop'

/** How {@link DurableJsonFile.readWithReport} found the file and its last good copy. */
export type DurableRead<T> =
  | { source: 'file'; data: T }
  /** The file was missing or unusable (`problem` says why, null when missing) and the backup was used. */
  | { source: 'backup'; data: T; problem: string | null }
  /** Neither could be used; `problem` is why the file could not (null when it is missing). */
  | { source: 'none'; problem: string | null }

/**
 * Checks (and may migrate) parsed JSON: the data, or a sentence saying why it cannot
 * be used (e.g. "it was written by a newer version of Lemma").
 */
export type JsonValidator<T> = (value: unknown) => { ok: true; data: T } | { ok: false; problem: string }

/**
 * A lowdb {@link Adapter} for data that must survive a crash at any moment.
 *
 * A write goes to `.<name>.tmp` (lowdb's own temp name, so one cleanup rule covers
 * both), is flushed to the disk with fsync, then the current file becomes
 * `<name>.bak` (the last good copy) and the temp file takes its place by rename; the
 * folder is fsynced so the renames are durable too. At every instant the file, or
 * else its `.bak`, is a complete, parseable version: a crash never leaves only a torn
 * one. Reads fall back to the `.bak` when the file is missing, empty, cut off or
 * fails `validate`. Writes are serialised.
 *
 * Reading decodes the bytes in one piece: at 10,000 posts (8 MB) that holds the
 * thread some 40 ms, but decoding in slices with the event loop running in between
 * cost a third more in all (the slices are joined, so copied, again before
 * `JSON.parse`), and the main process blocking for that long delays IPC answers,
 * never the window's drawing.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  /** The last good copy kept beside the file. */
  readonly backupFile: string
  /** The temp file a write goes through. */
  readonly tempFile: string
  private queue: Promise<void> = Promise.resolve()

  /**
   * `stringify` turns data into the file's text, `JSON.stringify` by default (one
   * call: cutting it into pieces with the event loop running in between cost three
   * times as much at 10,000 posts); an asynchronous one must not depend on the data
   * changing after it was called.
   */
  constructor(
    readonly file: string,
    private readonly validate: JsonValidator<T>,
    private readonly stringify: (data: T) => string | Promise<string> = (data) => JSON.stringify(data),
  ) {
    this.backupFile = `${file}.bak`
    this.tempFile = join(dirname(file), `.${basename(file)}.tmp`)
  }

  /** The data of the file, else of its backup, else null (lowdb's contract). */
  async read(): Promise<T | null> {
    const read = await this.readWithReport()
    return read.source === 'none' ? null : read.data
  }

  /** Like {@link read}, saying which copy was used and what was wrong with the file. */
  async readWithReport(): Promise<DurableRead<T>> {
    const primary = await readJson(this.file, this.validate)
    if ('data' in primary) return { source: 'file', data: primary.data }
    const backup = await readJson(this.backupFile, this.validate)
    if ('data' in backup) return { source: 'backup', data: backup.data, problem: primary.problem }
    return { source: 'none', problem: primary.problem }
  }

  /** Writes `data` as compact JSON through the temp file, keeping the previous version as `.bak`. */
  write(data: T): Promise<void> {
    // Started now, so that the text is of the data as it is now, even behind a queued write.
    const text = Promise.resolve(this.stringify(data))
    text.catch(() => {})
    const run = this.queue.then(async () => this.writeNow(await text))
    this.queue = run.catch(() => {})
    return run
  }

  private async writeNow(text: string): Promise<void> {
    // TextEncoder is several times faster than Buffer's own UTF-8 encoding on megabytes of Chinese.
    const bytes = utf8Encoder.encode(text)
    const handle = await open(this.tempFile, 'w')
    try {
      await handle.writeFile(bytes)
      await handle.sync()
    } catch (error) {
      await handle.close()
      await unlink(this.tempFile).catch(() => {})
      throw error
    }
    await handle.close()
    try {
      await rename(this.file, this.backupFile)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    await rename(this.tempFile, this.file)
    await syncFolder(dirname(this.file))
  }
}

const utf8Encoder = new TextEncoder()

/**
 * Flushes a folder's entries (renames, creations) to the disk. Windows cannot open a
 * folder for this and NTFS journals renames itself, so failures are ignored.
 */
export async function syncFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return
  try {
    const handle = await open(folder, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // Some file systems (network shares) refuse fsync on folders; the data itself is synced.
  }
}

async function readJson<T>(file: string, validate: JsonValidator<T>): Promise<{ data: T } | { problem: string | null }> {
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { problem: null }
    return { problem: `it could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})` }
  }
  const text = bytes.toString('utf8')
  if (text.trim() === '') return { problem: 'it is empty' }
  await yieldToEventLoop()
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return { problem: 'it is not valid JSON (probably a write was cut off)' }
  }
  const checked = validate(parsed)
  return checked.ok ? { data: checked.data } : { problem: checked.problem }
}
