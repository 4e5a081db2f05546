import type { DiffPart, HistoryEntry, HistorySettings } from '../../src-shared/model/history'
import { failure, type Result } from '../../src-shared/model/results'
import type { SaveResult } from '../../src-shared/model/save-conflict'
import { readPostFile } from '../vault/post-files'
import { resolvePostPath } from '../vault/post-path'
import { decodeText } from '../vault/text-codec'
import { checkHistorySettings } from './history-settings'
import { lineDiff } from './line-diff'
import type { LocalHistory } from './local-history'

/** What {@link HistoryService} needs from the open vault. */
export interface HistoryHost {
  root: string
  history: LocalHistory
  /** The vault session's save, with its conflict check. */
  savePost: (path: string, text: string, baseHash: string) => Promise<SaveResult>
}

/**
 * The `history` services of one open vault: browse, read, diff and restore the saved
 * versions of a post, and bound the history. Paths are untrusted and checked by the
 * vault core; a restore is a save, so it goes through the same conflict check.
 */
export class HistoryService {
  constructor(private readonly host: HistoryHost) {}

  /** The saved versions of a post, newest first. */
  async list(path: string): Promise<Result<{ entries: HistoryEntry[] }>> {
    const resolved = await resolvePostPath(this.host.root, path)
    if (!resolved.ok) return resolved
    return { ok: true, entries: await this.host.history.list(resolved.relative) }
  }

  /** The text of one saved version. */
  async read(path: string, id: string): Promise<Result<{ entry: HistoryEntry; text: string }>> {
    const resolved = await resolvePostPath(this.host.root, path)
    if (!resolved.ok) return resolved
    const found = await this.host.history.read(resolved.relative, id)
    if (!found) return failure('missing', 'This version is no longer in the history (it may have been pruned).')
    return { ok: true, entry: found.entry, text: decodeText(found.bytes).text }
  }

  /** A line diff from a saved version to the post as it is on disk now (to empty text when the post is gone). */
  async diff(path: string, id: string): Promise<Result<{ parts: DiffPart[] }>> {
    const version = await this.read(path, id)
    if (!version.ok) return version
    const current = await readPostFile(this.host.root, version.entry.path)
    if (!current.ok && current.reason !== 'missing') return current
    return { ok: true, parts: lineDiff(version.text, current.ok ? current.text : '') }
  }

  /**
   * Restores a saved version by saving its text over the version whose hash is
   * `baseHash`, through the same conflict check as any save.
   */
  async restore(path: string, id: string, baseHash: string): Promise<SaveResult> {
    const version = await this.read(path, id)
    if (!version.ok) return version
    return this.host.savePost(version.entry.path, version.text, baseHash)
  }

  /** The bounds of local history. */
  settings(): HistorySettings {
    return this.host.history.settings
  }

  /** Changes the bounds of local history and prunes to them. */
  async updateSettings(settings: HistorySettings): Promise<Result<{ settings: HistorySettings }>> {
    const problem = checkHistorySettings(settings)
    if (problem) return failure('invalid-name', problem)
    try {
      await this.host.history.updateSettings(settings)
    } catch (error) {
      return failure('io-error', `Could not store the history settings: ${(error as Error).message}`)
    }
    return { ok: true, settings: this.host.history.settings }
  }
}
