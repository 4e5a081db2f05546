import type { BackupEntry } from '../../src-shared/model/recovery'
import { failure, type Result } from '../../src-shared/model/results'
import type { SaveResult } from '../../src-shared/model/save-conflict'
import { resolvePostPath } from '../vault/post-path'
import type { BackupStore } from './backup-store'

/** What {@link RecoveryService} needs from the open vault. */
export interface RecoveryHost {
  root: string
  /** Null when the app gave no backup folder: the services then fail with a message. */
  backups: BackupStore | null
  /** The vault session's save, with its conflict check. */
  savePost: (path: string, text: string, baseHash: string) => Promise<SaveResult>
  /** Makes sure the version hashing to `baseHash` is in local history. */
  keepInHistory: (relative: string, baseHash: string) => Promise<void>
}

/**
 * The `recovery` services of one open vault: back up unsaved edits outside the
 * vault, list what a crash left, and restore (through the save's conflict check) or
 * discard it.
 */
export class RecoveryService {
  constructor(private readonly host: RecoveryHost) {}

  /**
   * Backs up unsaved `text` of `path`, typed over the version hashing to `baseHash`,
   * and makes sure that version is in local history: the merge base of a later
   * restore, even after a crash.
   */
  async backup(path: string, text: string, baseHash: string): Promise<Result<object>> {
    const { backups, root } = this.host
    if (!backups) return failure('io-error', 'Backups of unsaved edits are not available.')
    const resolved = await resolvePostPath(root, path)
    if (!resolved.ok) return resolved
    try {
      await backups.backup(root, resolved.relative, text, baseHash)
    } catch (error) {
      return failure('io-error', `Could not back up unsaved edits of "${resolved.relative}": ${(error as Error).message}`)
    }
    await this.host.keepInHistory(resolved.relative, baseHash)
    return { ok: true }
  }

  /** The backups of this vault, newest first. */
  async list(): Promise<BackupEntry[]> {
    return (await this.host.backups?.list(this.host.root)) ?? []
  }

  /** One backup with its text. */
  async read(id: string): Promise<Result<{ entry: BackupEntry; text: string }>> {
    const found = await this.host.backups?.read(this.host.root, id)
    return found ? { ok: true, ...found } : failure('missing', 'This backup no longer exists.')
  }

  /**
   * Restores a backup by saving its text over the version it was typed on, through
   * the same conflict check as a save: a post changed since gives a conflict (with a
   * merge when clean), a vanished one `missing`. The save drops the backup.
   */
  async restore(id: string): Promise<SaveResult> {
    const found = await this.read(id)
    if (!found.ok) return found
    return this.host.savePost(found.entry.path, found.text, found.entry.baseHash)
  }

  /**
   * Deletes the backup of the post at `path`, if any: the person took the disk's
   * version over their unsaved text, or the post moved and its text is now backed up
   * under the new path. A path that no longer exists is fine (the move case).
   */
  async discardPost(path: string): Promise<Result<object>> {
    const { backups, root } = this.host
    if (!backups) return failure('io-error', 'Backups of unsaved edits are not available.')
    const resolved = await resolvePostPath(root, path)
    if (!resolved.ok) return resolved
    await backups.discardFor(root, resolved.relative)
    return { ok: true }
  }

  /** Deletes a backup the person chose not to restore. */
  async discard(id: string): Promise<Result<object>> {
    const isDiscarded = await this.host.backups?.discard(id)
    return isDiscarded ? { ok: true } : failure('missing', 'This backup no longer exists.')
  }
}
