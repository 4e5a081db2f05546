import { basename } from 'node:path'
import type { PostDocument, PostSummary } from '../../src-shared/model/post'
import { failure, type Result } from '../../src-shared/model/results'
import { sortNewestFirst } from '../../src-shared/model/sort'
import type { VaultChange, VaultInfo } from '../../src-shared/model/vault'
import { MetadataStore } from '../metadata/metadata-store'
import { syncVaultIndex } from '../metadata/index-vault'
import { toPostRecord } from '../metadata/post-record'
import type { PostRecord } from '../metadata/schema'
import { parsePost } from '../vault/front-matter'
import { createPostFile, deletePostFile, readPostFile, renamePostFile, writePostFile } from '../vault/post-files'
import { randomUUID } from 'node:crypto'

/** Moves a file to the OS trash (Electron's `shell.trashItem` in the app). */
export type TrashFunction = (absolutePath: string) => Promise<void>

/**
 * One open vault: its folder, its metadata store, and the post operations the
 * renderer may ask for. Every path argument is untrusted and checked by the vault
 * core; every change is written to the store and announced through `onChange`.
 */
export class VaultSession {
  private constructor(
    readonly info: VaultInfo,
    private readonly store: MetadataStore,
    private readonly onChange: (change: VaultChange) => void,
  ) {}

  /** Opens the vault at `root` (an absolute folder path) and indexes it. */
  static async open(root: string, onChange: (change: VaultChange) => void): Promise<{ session: VaultSession; notices: string[] }> {
    const { store, notices } = await MetadataStore.open(root)
    await syncVaultIndex(root, store)
    return { session: new VaultSession({ root, name: basename(root) || root }, store, onChange), notices }
  }

  /** Every post, newest first. */
  listPosts(): PostSummary[] {
    return sortNewestFirst(this.store.all().map(toSummary))
  }

  /** Re-reads the folder and announces what changed. */
  async rescan(): Promise<void> {
    const { upserted, removedPaths } = await syncVaultIndex(this.info.root, this.store)
    if (upserted.length) this.onChange({ type: 'upserted', posts: upserted.map(toSummary) })
    if (removedPaths.length) this.onChange({ type: 'removed', paths: removedPaths })
  }

  /** Reads a post for editing, refreshing its record if the file changed. */
  async readPost(path: string): Promise<Result<{ document: PostDocument }>> {
    const read = await readPostFile(this.info.root, path)
    if (!read.ok) {
      if (read.reason === 'missing') await this.forget(path)
      return read
    }
    const summary = this.record(read.relative, read.text, read)
    return { ok: true, document: { summary, text: read.text, hash: read.hash, lineEnding: read.lineEnding, hasBom: read.hasBom } }
  }

  /**
   * Saves `text` over the version whose hash is `baseHash`. If the disk holds
   * anything else, nothing is written and a `conflict` failure comes back.
   */
  async savePost(path: string, text: string, baseHash: string): Promise<Result<{ document: PostDocument }>> {
    const current = await readPostFile(this.info.root, path)
    if (!current.ok) return current
    const written = await writePostFile(this.info.root, current.relative, text, {
      lineEnding: current.lineEnding,
      hasBom: current.hasBom,
      expectedHash: baseHash,
    })
    if (!written.ok) return written
    const summary = this.record(current.relative, text, { ...written, birthtimeMs: written.birthtimeMs ?? current.birthtimeMs })
    return { ok: true, document: { summary, text, hash: written.hash, lineEnding: current.lineEnding, hasBom: current.hasBom } }
  }

  /** Creates a post from a title in a vault-relative folder and returns it opened. */
  async createPost(title: string, folder: string): Promise<Result<{ document: PostDocument }>> {
    if (title.trim() === '') return failure('invalid-name', 'A post needs a title.')
    const created = await createPostFile(this.info.root, folder, title)
    if (!created.ok) return created
    return this.readPost(created.relative)
  }

  /** Renames a post within its folder; its id, and so its place in the app, survive. */
  async renamePost(path: string, newName: string): Promise<Result<{ summary: PostSummary }>> {
    const renamed = await renamePostFile(this.info.root, path, newName)
    if (!renamed.ok) return renamed
    const old = this.store.get(path)
    const read = await readPostFile(this.info.root, renamed.relative)
    if (!read.ok) return read
    if (old) this.store.remove(old.path)
    const summary = this.record(read.relative, read.text, read, old?.id)
    if (old && old.path !== read.relative) this.onChange({ type: 'removed', paths: [old.path] })
    return { ok: true, summary }
  }

  /** Moves a post to the trash through `trash`. */
  async deletePost(path: string, trash: TrashFunction): Promise<Result<object>> {
    const deleted = await deletePostFile(this.info.root, path, trash)
    if (!deleted.ok) return deleted
    await this.forget(path)
    return { ok: true }
  }

  /** Writes any pending metadata. */
  async close(): Promise<void> {
    await this.store.flush()
  }

  private record(
    relative: string,
    text: string,
    file: { hash: string; size: number; mtimeMs: number; birthtimeMs: number },
    id?: string,
  ): PostSummary {
    const existing = this.store.get(relative)
    const parsed = parsePost(text, { relPath: relative, birthtimeMs: file.birthtimeMs, mtimeMs: file.mtimeMs })
    const record = toPostRecord(id ?? existing?.id ?? randomUUID(), { relative, size: file.size, mtimeMs: file.mtimeMs, hash: file.hash }, parsed)
    if (!existing || !sameRecord(existing, record)) {
      this.store.put(record)
      void this.store.flush()
      this.onChange({ type: 'upserted', posts: [toSummary(record)] })
    }
    return toSummary(record)
  }

  private async forget(path: string): Promise<void> {
    const removed = this.store.remove(path)
    if (!removed) return
    await this.store.flush()
    this.onChange({ type: 'removed', paths: [removed.path] })
  }
}

function toSummary(record: PostRecord): PostSummary {
  const { hash: _hash, ...summary } = record
  return summary
}

function sameRecord(a: PostRecord, b: PostRecord): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
