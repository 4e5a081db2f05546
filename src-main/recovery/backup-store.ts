import { createHash } from 'node:crypto'
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { BackupEntry } from '../../src-shared/model/recovery'
import { cleanStaleTempFiles } from './stale-temp-files'

/** A backup as stored: one JSON file per vault and post. */
interface StoredBackup {
  version: 1
  vault: string
  path: string
  baseHash: string
  savedAtMs: number
  text: string
}

const BACKUP_NAME = /^([0-9a-f]{32})\.json$/
const ID = /^[0-9a-f]{32}$/
const PREVIEW_LENGTH = 160

/**
 * Backups of unsaved edits, kept outside every vault (in `<userData>/backups`), so a
 * crash, a kill or a power cut loses at most the last second of typing.
 *
 * One file per vault and post, `<id>.json`, replaced atomically and fsynced at each
 * backup: after a crash it holds either the previous backup or the new one. A backup
 * is discarded when the post is saved; whatever is left at the next start is offered
 * for restore. Ids come from the renderer and are checked against `[0-9a-f]{32}`
 * before they touch a path.
 */
export class BackupStore {
  private constructor(private readonly dir: string) {}

  /** Opens (creating) the backup folder and removes temp files a crash left there. */
  static async open(dir: string): Promise<BackupStore> {
    await mkdir(dir, { recursive: true })
    await cleanStaleTempFiles(dir, { newFileNames: BACKUP_NAME })
    return new BackupStore(dir)
  }

  /** The id of the backup of `path` in the vault at `vaultRoot`. */
  static idOf(vaultRoot: string, path: string): string {
    return createHash('sha256').update(`${vaultRoot}\0${path.normalize('NFC')}`).digest('hex').slice(0, 32)
  }

  /** Writes (or replaces) the backup of `path`: `text` typed over the version hashing to `baseHash`. */
  async backup(vaultRoot: string, path: string, text: string, baseHash: string): Promise<BackupEntry> {
    const stored: StoredBackup = { version: 1, vault: vaultRoot, path, baseHash, savedAtMs: Date.now(), text }
    const id = BackupStore.idOf(vaultRoot, path)
    await writeFileAtomic(join(this.dir, `${id}.json`), JSON.stringify(stored), { fsync: true })
    return toEntry(id, stored)
  }

  /** The backups of the vault at `vaultRoot`, newest first. Unreadable files are skipped. */
  async list(vaultRoot: string): Promise<BackupEntry[]> {
    let names: string[]
    try {
      names = await readdir(this.dir)
    } catch {
      return []
    }
    const entries: BackupEntry[] = []
    for (const name of names) {
      const match = BACKUP_NAME.exec(name)
      if (!match) continue
      const stored = await this.load(match[1])
      if (stored && stored.vault === vaultRoot) entries.push(toEntry(match[1], stored))
    }
    return entries.sort((a, b) => b.savedAtMs - a.savedAtMs)
  }

  /** The backup `id` of the vault at `vaultRoot` with its text; null when there is none. */
  async read(vaultRoot: string, id: string): Promise<{ entry: BackupEntry; text: string } | null> {
    if (!ID.test(id)) return null
    const stored = await this.load(id)
    if (!stored || stored.vault !== vaultRoot) return null
    return { entry: toEntry(id, stored), text: stored.text }
  }

  /** Removes backup `id`; true when there was one. */
  async discard(id: string): Promise<boolean> {
    if (!ID.test(id)) return false
    try {
      await unlink(join(this.dir, `${id}.json`))
      return true
    } catch {
      return false
    }
  }

  /** Removes the backup of `path` in the vault at `vaultRoot`, if any (after a successful save). */
  async discardFor(vaultRoot: string, path: string): Promise<void> {
    await this.discard(BackupStore.idOf(vaultRoot, path))
  }

  private async load(id: string): Promise<StoredBackup | null> {
    try {
      const parsed = JSON.parse(await readFile(join(this.dir, `${id}.json`), 'utf8')) as Partial<StoredBackup>
      const isValid = parsed.version === 1 && typeof parsed.vault === 'string' && typeof parsed.path === 'string' &&
        typeof parsed.baseHash === 'string' && typeof parsed.savedAtMs === 'number' && typeof parsed.text === 'string'
      return isValid ? (parsed as StoredBackup) : null
    } catch {
      return null
    }
  }
}

function toEntry(id: string, stored: StoredBackup): BackupEntry {
  return { id, path: stored.path, baseHash: stored.baseHash, savedAtMs: stored.savedAtMs, length: stored.text.length, preview: stored.text.slice(0, PREVIEW_LENGTH) }
}
