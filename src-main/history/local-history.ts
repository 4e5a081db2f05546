import { createHash } from 'node:crypto'
import type { Dirent } from 'node:fs'
import { mkdir, readdir, readFile, rename, rm, stat, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { HistoryEntry, HistorySettings } from '../../src-shared/model/history'
import { readHistorySettings, writeHistorySettings } from './history-settings'

/** The history folder, relative to the vault root. */
export const HISTORY_DIR = '.lemma/history'
/** Names of snapshot files: `<saved at ms>-<sha-256 hex>.md`. */
export const SNAPSHOT_NAME = /^(\d{13,})-([0-9a-f]{64})\.md$/
const PATH_FILE = 'path.txt'
const DAY_MS = 24 * 60 * 60 * 1000

interface Snapshot extends HistoryEntry {
  folder: string
}

/**
 * Local history: every saved version of every post, kept in `<vault>/.lemma/history`
 * so that a bad save, an outside overwrite or a regretted edit can be undone.
 *
 * Each post has a folder named after a hash of its path, holding `path.txt` and one
 * `<ms>-<sha256>.md` file per version, the exact bytes that were on disk. A version
 * equal to the post's newest snapshot is not stored twice. After each snapshot the
 * history is pruned to its {@link HistorySettings}: versions older than `maxAgeDays`
 * go (except each post's newest), then the oldest versions of all posts until the
 * folder fits in `maxTotalMegabytes`. Snapshots are written atomically but not
 * fsynced: they are a safety net, the post itself is fsynced.
 */
export class LocalHistory {
  private index: Map<string, Snapshot[]> | null = null
  private loading: Promise<Map<string, Snapshot[]>> | null = null
  private queue: Promise<unknown> = Promise.resolve()

  private constructor(
    private readonly dir: string,
    private current: HistorySettings,
  ) {}

  /** Opens the history of the vault at `root`, reading its settings (defaults when absent or invalid). */
  static async open(root: string): Promise<LocalHistory> {
    const dir = join(root, HISTORY_DIR)
    return new LocalHistory(dir, await readHistorySettings(dir))
  }

  /** The bounds in force. */
  get settings(): HistorySettings {
    return { ...this.current }
  }

  /** Changes the bounds, stores them in the history folder and prunes at once. */
  async updateSettings(settings: HistorySettings): Promise<void> {
    this.current = { ...settings }
    await writeHistorySettings(this.dir, this.current)
    await this.serialise(() => this.prune())
  }

  /**
   * Keeps `bytes` (hashing to `hash`) as a version of the post at `path`, unless the
   * post's newest version already has that hash. Returns the entry, or null when
   * nothing new was stored.
   */
  snapshot(path: string, bytes: Buffer, hash: string, savedAtMs = Date.now()): Promise<HistoryEntry | null> {
    return this.serialise(async () => {
      const index = await this.load()
      const folder = folderOf(path)
      const list = index.get(folder) ?? []
      if (list[0]?.hash === hash) return null
      // Two saves in the same millisecond would share a name.
      const at = Math.max(savedAtMs, (list[0]?.savedAtMs ?? 0) + 1)
      const name = `${at}-${hash}.md`
      const folderPath = join(this.dir, folder)
      await mkdir(folderPath, { recursive: true })
      if (list.length === 0) await writeFile(join(folderPath, PATH_FILE), path, 'utf8')
      await writeFileAtomic(join(folderPath, name), bytes, { fsync: false })
      const entry: Snapshot = { id: name, path, savedAtMs: at, hash, size: bytes.length, folder }
      index.set(folder, [entry, ...list])
      await this.prune()
      return toEntry(entry)
    })
  }

  /** The versions of the post at `path`, newest first. */
  async list(path: string): Promise<HistoryEntry[]> {
    const index = await this.load()
    return (index.get(folderOf(path)) ?? []).map((entry) => ({ ...toEntry(entry), path }))
  }

  /** The hash of the post's newest version, or null when it has none. */
  async newestHash(path: string): Promise<string | null> {
    const index = await this.load()
    return index.get(folderOf(path))?.[0]?.hash ?? null
  }

  /** The bytes of version `id` of the post at `path`; null when there is no such version. */
  async read(path: string, id: string): Promise<{ entry: HistoryEntry; bytes: Buffer } | null> {
    if (!SNAPSHOT_NAME.test(id)) return null
    const index = await this.load()
    const entry = index.get(folderOf(path))?.find((candidate) => candidate.id === id)
    if (!entry) return null
    try {
      return { entry: { ...toEntry(entry), path }, bytes: await readFile(join(this.dir, entry.folder, entry.id)) }
    } catch {
      return null
    }
  }

  /** The bytes of the post's newest version whose hash is `hash` (a merge base), or null. */
  async findByHash(path: string, hash: string): Promise<Buffer | null> {
    const index = await this.load()
    const entry = index.get(folderOf(path))?.find((candidate) => candidate.hash === hash)
    return entry ? ((await this.read(path, entry.id))?.bytes ?? null) : null
  }

  /** Moves the history of a post renamed or moved through Lemma to its new path. */
  move(from: string, to: string): Promise<void> {
    return this.serialise(async () => {
      const index = await this.load()
      const source = folderOf(from)
      const target = folderOf(to)
      const list = index.get(source)
      if (!list || source === target) return
      try {
        await rm(join(this.dir, target), { recursive: true, force: true })
        await rename(join(this.dir, source), join(this.dir, target))
        await writeFile(join(this.dir, target, PATH_FILE), to, 'utf8')
      } catch {
        return
      }
      index.delete(source)
      index.set(target, list.map((entry) => ({ ...entry, path: to, folder: target })))
    })
  }

  /** Bytes used by all versions of all posts. */
  async totalBytes(): Promise<number> {
    let total = 0
    for (const list of (await this.load()).values()) for (const entry of list) total += entry.size
    return total
  }

  private async prune(): Promise<void> {
    const index = await this.load()
    const now = Date.now()
    const maxAge = this.current.maxAgeDays * DAY_MS
    const maxBytes = this.current.maxTotalMegabytes * 1024 * 1024
    const all: Snapshot[] = []
    const expired: Snapshot[] = []
    for (const list of index.values()) {
      list.forEach((entry, position) => (position > 0 && now - entry.savedAtMs > maxAge ? expired : all).push(entry))
    }
    for (const entry of expired) await this.remove(index, entry)
    let total = all.reduce((sum, entry) => sum + entry.size, 0)
    if (total <= maxBytes) return
    all.sort((a, b) => a.savedAtMs - b.savedAtMs)
    for (const entry of all) {
      if (total <= maxBytes) break
      // Each post keeps its newest version while any older one can go instead.
      if (index.get(entry.folder)?.[0] === entry) continue
      total -= entry.size
      await this.remove(index, entry)
    }
    for (const entry of all) {
      if (total <= maxBytes) break
      if (index.get(entry.folder)?.[0] !== entry) continue
      total -= entry.size
      await this.remove(index, entry)
    }
  }

  private async remove(index: Map<string, Snapshot[]>, entry: Snapshot): Promise<void> {
    const list = index.get(entry.folder)
    if (list) {
      const rest = list.filter((candidate) => candidate !== entry)
      if (rest.length > 0) index.set(entry.folder, rest)
      else index.delete(entry.folder)
    }
    await unlink(join(this.dir, entry.folder, entry.id)).catch(() => {})
    if (!index.has(entry.folder)) await rm(join(this.dir, entry.folder), { recursive: true, force: true }).catch(() => {})
  }

  private load(): Promise<Map<string, Snapshot[]>> {
    if (this.index) return Promise.resolve(this.index)
    this.loading ??= scan(this.dir).then((index) => {
      this.index = index
      return index
    })
    return this.loading
  }

  private serialise<T>(run: () => Promise<T>): Promise<T> {
    const next = this.queue.then(run)
    this.queue = next.catch(() => {})
    return next
  }
}

/** The folder name of a post's history: a hash of its path, since paths may hold any character. */
export function folderOf(path: string): string {
  return createHash('sha256').update(path.normalize('NFC')).digest('hex').slice(0, 24)
}

function toEntry(entry: Snapshot): HistoryEntry {
  return { id: entry.id, path: entry.path, savedAtMs: entry.savedAtMs, hash: entry.hash, size: entry.size }
}

async function scan(dir: string): Promise<Map<string, Snapshot[]>> {
  const index = new Map<string, Snapshot[]>()
  let folders: Dirent[]
  try {
    folders = await readdir(dir, { withFileTypes: true })
  } catch {
    return index
  }
  for (const folder of folders) {
    if (!folder.isDirectory()) continue
    const folderPath = join(dir, folder.name)
    let path: string
    let names: string[]
    try {
      path = await readFile(join(folderPath, PATH_FILE), 'utf8')
      names = await readdir(folderPath)
    } catch {
      continue
    }
    const list: Snapshot[] = []
    for (const name of names) {
      const match = SNAPSHOT_NAME.exec(name)
      if (!match) continue
      const size = await stat(join(folderPath, name)).then((s) => s.size, () => -1)
      if (size >= 0) list.push({ id: name, path, savedAtMs: Number(match[1]), hash: match[2], size, folder: folder.name })
    }
    if (list.length > 0) index.set(folder.name, list.sort((a, b) => b.savedAtMs - a.savedAtMs))
  }
  return index
}
