import { lstat, readdir, realpath, stat } from 'node:fs/promises'
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent, type Stats } from 'node:fs'
import path from 'node:path'
import { isPathInside } from './vault-paths'

/** A Markdown file found by {@link walkMarkdownFiles}. */
export interface WalkedFile {
  /** Vault-relative path with `/` separators. */
  relative: string
  /** `root` joined with `relative`. */
  absolute: string
  size: number
  mtimeMs: number
  birthtimeMs: number
}

const MARKDOWN_FILE = /\.(md|markdown)$/i
const SKIPPED_FOLDERS = new Set(['node_modules'])
/** Parallel `stat` calls per folder; unbounded parallelism was several times slower than sequential. */
const STAT_CONCURRENCY = 8

/** How {@link walkMarkdownFiles} reaches the disk. */
export interface WalkOptions {
  /**
   * Use blocking calls (`readdirSync`, `statSync`, ...). Several times faster than
   * thousands of thread-pool round trips, but it stalls the thread: for worker
   * threads only, never the main process.
   */
  isBlocking?: boolean
}

interface WalkFs {
  readdir: (folder: string) => Promise<Dirent[]>
  stat: (file: string) => Promise<Stats>
  lstat: (file: string) => Promise<Stats>
  realpath: (file: string) => Promise<string>
}

const ASYNC_FS: WalkFs = {
  readdir: (folder) => readdir(folder, { withFileTypes: true }),
  stat: (file) => stat(file),
  lstat: (file) => lstat(file),
  realpath: (file) => realpath(file),
}

// `async` turns the blocking calls' exceptions into rejections, as the async calls give.
const BLOCKING_FS: WalkFs = {
  readdir: async (folder) => readdirSync(folder, { withFileTypes: true }),
  stat: async (file) => statSync(file),
  lstat: async (file) => lstatSync(file),
  realpath: async (file) => realpathSync(file),
}

/**
 * Lists every `.md` and `.markdown` file (any case) under `root`, sorted by relative
 * path. Skips dot-files and dot-folders (`.git`, `.lemma`, …) and `node_modules`.
 * Symbolic links are followed only when their real target is inside the root's real
 * path, and no real folder or file is listed twice: real paths are walked first, so
 * a link to something already listed adds nothing, and link loops end. Unreadable
 * or vanished subfolders are skipped; an unreadable root rejects.
 */
export async function walkMarkdownFiles(root: string, options: WalkOptions = {}): Promise<WalkedFile[]> {
  const fs = options.isBlocking === true ? BLOCKING_FS : ASYNC_FS
  const rootAbsolute = path.resolve(root)
  const realRoot = await fs.realpath(rootAbsolute)
  await fs.readdir(realRoot)
  const walk = new Walk(rootAbsolute, realRoot, fs)
  await walk.folder(realRoot, '')
  // Links are resolved after the plain tree, so that files keep their real paths when reachable both ways.
  while (walk.links.length > 0) {
    const links = walk.links.splice(0)
    for (const link of links) await walk.link(link)
  }
  return walk.files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
}

interface PendingLink {
  absolute: string
  relative: string
}

class Walk {
  readonly files: WalkedFile[] = []
  readonly links: PendingLink[] = []
  private readonly seenFolders = new Set<string>()
  private readonly seenFiles = new Set<string>()

  constructor(
    private readonly root: string,
    private readonly realRoot: string,
    private readonly fs: WalkFs,
  ) {}

  /** Walks the folder whose real path is `real`, reached as `relative`. */
  async folder(real: string, relative: string): Promise<void> {
    const pending: Array<{ real: string; relative: string }> = [{ real, relative }]
    while (pending.length > 0) {
      const next = pending.pop()!
      if (this.seenFolders.has(next.real)) continue
      this.seenFolders.add(next.real)
      let entries: Dirent[]
      try {
        entries = await this.fs.readdir(next.real)
      } catch {
        continue
      }
      const markdown: Array<{ real: string; relative: string }> = []
      for (const entry of entries) {
        if (entry.name.startsWith('.')) continue
        const childReal = path.join(next.real, entry.name)
        const childRelative = next.relative === '' ? entry.name : `${next.relative}/${entry.name}`
        const child = { real: childReal, relative: childRelative }
        const kind = await kindOf(entry, childReal, this.fs)
        if (kind === 'link') this.links.push({ absolute: childReal, relative: childRelative })
        else if (kind === 'folder' && !SKIPPED_FOLDERS.has(entry.name)) pending.push(child)
        else if (kind === 'file' && MARKDOWN_FILE.test(entry.name)) markdown.push(child)
      }
      await forEachLimited(markdown, this.fs === BLOCKING_FS ? 1 : STAT_CONCURRENCY, async (file) => {
        const stats = await this.fs.stat(file.real).catch(() => null)
        if (stats !== null) this.addFile(file.real, file.relative, stats)
      })
    }
  }

  /** Follows a symbolic link found at `link.absolute` (a real path) if it stays inside the vault. */
  async link(link: PendingLink): Promise<void> {
    const name = link.relative.slice(link.relative.lastIndexOf('/') + 1)
    let real: string
    let stats: Stats
    try {
      real = await this.fs.realpath(link.absolute)
      stats = await this.fs.stat(real)
    } catch {
      return
    }
    // Defends against links that lead out of the vault: the renderer must never see those files.
    if (!isPathInside(this.realRoot, real) || this.isSkipped(real)) return
    if (stats.isDirectory() && !SKIPPED_FOLDERS.has(name)) await this.folder(real, link.relative)
    else if (stats.isFile() && MARKDOWN_FILE.test(name)) this.addFile(real, link.relative, stats)
  }

  /** True when a real path lies in a folder the walk skips (a dot-folder or `node_modules`). */
  private isSkipped(real: string): boolean {
    const segments = path.relative(this.realRoot, real).split(path.sep)
    return segments.some((segment) => segment.startsWith('.') || SKIPPED_FOLDERS.has(segment))
  }

  private addFile(real: string, relative: string, stats: Stats): void {
    if (this.seenFiles.has(real)) return
    this.seenFiles.add(real)
    this.files.push({
      relative,
      absolute: path.join(this.root, ...relative.split('/')),
      size: stats.size,
      mtimeMs: stats.mtimeMs,
      birthtimeMs: stats.birthtimeMs,
    })
  }
}

/** What a directory entry is, asking the disk only when `readdir` could not tell (some file systems). */
async function kindOf(entry: Dirent, absolute: string, fs: WalkFs): Promise<'link' | 'folder' | 'file' | 'other'> {
  if (entry.isSymbolicLink()) return 'link'
  if (entry.isDirectory()) return 'folder'
  if (entry.isFile()) return 'file'
  try {
    const stats = await fs.lstat(absolute)
    return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other'
  } catch {
    return 'other'
  }
}

async function forEachLimited<T>(items: T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => {
    while (next < items.length) await run(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
