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

/** How {@link walkMarkdownFiles} reaches the disk. */
export interface WalkOptions {
  /**
   * Use blocking calls (`readdirSync`, `statSync`, ...). Several times faster than
   * thousands of thread-pool round trips, but it stalls the thread: for worker
   * threads only, never the main process.
   */
  isBlocking?: boolean
}

const MARKDOWN_FILE = /\.(md|markdown)$/i
const SKIPPED_FOLDERS = new Set(['node_modules'])
/** Parallel `stat` calls per folder; unbounded parallelism was several times slower than sequential. */
const STAT_CONCURRENCY = 8

/**
 * Lists every `.md` and `.markdown` file (any case) under `root`, sorted by relative
 * path. Skips dot-files and dot-folders (`.git`, `.lemma`, …) and `node_modules`.
 * Symbolic links are followed only when their real target is inside the root's real
 * path, and no real folder or file is listed twice: real paths are walked first, so
 * a link to something already listed adds nothing, and link loops end. Unreadable
 * or vanished subfolders are skipped; an unreadable root rejects.
 *
 * With `isBlocking` the whole walk is one synchronous loop (see
 * {@link walkMarkdownFilesBlocking}); otherwise every disk call is asynchronous.
 */
export async function walkMarkdownFiles(root: string, options: WalkOptions = {}): Promise<WalkedFile[]> {
  if (options.isBlocking === true) return walkMarkdownFilesBlocking(root)
  const rootAbsolute = path.resolve(root)
  const realRoot = await realpath(rootAbsolute)
  await readdir(realRoot)
  const walk = new Walk(rootAbsolute, realRoot)
  const steps = walk.run()
  let step = steps.next()
  while (!step.done) step = steps.next(await answerAsync(step.value))
  return walk.sortedFiles()
}

/**
 * {@link walkMarkdownFiles} with blocking calls and no promise per file: as close to
 * bare `readdirSync` + `statSync` as the safety rules allow. It stalls the thread for
 * the whole walk (tens of milliseconds for 10,000 files), so it is for worker threads
 * only, never the main process. Throws when the root cannot be read.
 */
export function walkMarkdownFilesBlocking(root: string): WalkedFile[] {
  const rootAbsolute = path.resolve(root)
  const realRoot = realpathSync(rootAbsolute)
  readdirSync(realRoot)
  const walk = new Walk(rootAbsolute, realRoot)
  const steps = walk.run()
  let step = steps.next()
  while (!step.done) step = steps.next(answerBlocking(step.value))
  return walk.sortedFiles()
}

/**
 * A disk call the walk needs, answered by the blocking or the asynchronous driver, so
 * that both run the same rules. A failed call is answered with null.
 */
type DiskRequest =
  | { op: 'readdir'; path: string }
  /** Stats of several files at once: one round per folder, not per file. */
  | { op: 'stat'; paths: string[] }
  | { op: 'lstat'; path: string }
  | { op: 'realpath'; path: string }

type DiskAnswer = Dirent[] | Array<Stats | null> | Stats | string | null
type WalkSteps<T> = Generator<DiskRequest, T, DiskAnswer>

function answerBlocking(request: DiskRequest): DiskAnswer {
  try {
    switch (request.op) {
      case 'readdir': return readdirSync(request.path, { withFileTypes: true })
      case 'stat': return request.paths.map(statOrNull)
      case 'lstat': return lstatSync(request.path)
      case 'realpath': return realpathSync(request.path)
    }
  } catch {
    return null
  }
}

function statOrNull(file: string): Stats | null {
  try {
    return statSync(file, { throwIfNoEntry: false }) ?? null
  } catch {
    return null
  }
}

async function answerAsync(request: DiskRequest): Promise<DiskAnswer> {
  try {
    switch (request.op) {
      case 'readdir': return await readdir(request.path, { withFileTypes: true })
      case 'stat': return await statLimited(request.paths)
      case 'lstat': return await lstat(request.path)
      case 'realpath': return await realpath(request.path)
    }
  } catch {
    return null
  }
}

async function statLimited(files: string[]): Promise<Array<Stats | null>> {
  const stats: Array<Stats | null> = new Array(files.length).fill(null)
  let next = 0
  const worker = async () => {
    while (next < files.length) {
      const index = next++
      stats[index] = await stat(files[index]).catch(() => null)
    }
  }
  await Promise.all(Array.from({ length: Math.min(STAT_CONCURRENCY, files.length) }, worker))
  return stats
}

function* readFolder(folder: string): WalkSteps<Dirent[] | null> {
  return (yield { op: 'readdir', path: folder }) as Dirent[] | null
}

function* statFiles(files: string[]): WalkSteps<Array<Stats | null>> {
  return ((yield { op: 'stat', paths: files }) as Array<Stats | null> | null) ?? files.map(() => null)
}

function* lstatFile(file: string): WalkSteps<Stats | null> {
  return (yield { op: 'lstat', path: file }) as Stats | null
}

function* realpathOf(file: string): WalkSteps<string | null> {
  return (yield { op: 'realpath', path: file }) as string | null
}

interface PendingLink {
  absolute: string
  relative: string
}

/** The walk's rules, as a generator of disk requests (see {@link DiskRequest}). */
/**
 * The absolute path of a walked file from its vault-relative path, as the walk makes
 * it: `rootPrefix` (the resolved root ending in a separator) then `relative` with the
 * platform's separators. See {@link rootPrefixOf}.
 */
export function joinRelative(rootPrefix: string, relative: string): string {
  return rootPrefix + (path.sep === '/' ? relative : relative.replaceAll('/', path.sep))
}

/** The prefix {@link joinRelative} takes for the vault at `root`. */
export function rootPrefixOf(root: string): string {
  const resolved = path.resolve(root)
  return resolved.endsWith(path.sep) ? resolved : resolved + path.sep
}

class Walk {
  private readonly files: WalkedFile[] = []
  /** Real path of each entry of `files`, for the de-duplication of files reached through links. */
  private readonly realPaths: string[] = []
  private readonly links: PendingLink[] = []
  private readonly seenFolders = new Set<string>()
  private seenFiles: Set<string> | null = null
  /** `root` with a trailing separator, so that a file's absolute path is one concatenation. */
  private readonly rootPrefix: string

  constructor(
    root: string,
    private readonly realRoot: string,
  ) {
    this.rootPrefix = rootPrefixOf(root)
  }

  *run(): WalkSteps<void> {
    yield* this.folder(this.realRoot, '')
    // Links are resolved after the plain tree, so that files keep their real paths when reachable both ways.
    // Only links can reach a real file twice, so the set of listed files is built when there are some.
    if (this.links.length > 0) this.seenFiles = new Set(this.realPaths)
    while (this.links.length > 0) {
      const links = this.links.splice(0)
      for (const link of links) yield* this.link(link)
    }
  }

  sortedFiles(): WalkedFile[] {
    return this.files.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0))
  }

  /** Walks the folder whose real path is `real`, reached as `relative`. */
  private *folder(real: string, relative: string): WalkSteps<void> {
    const pending: Array<{ real: string; relative: string }> = [{ real, relative }]
    while (pending.length > 0) {
      const next = pending.pop()!
      if (this.seenFolders.has(next.real)) continue
      this.seenFolders.add(next.real)
      const entries = yield* readFolder(next.real)
      if (entries === null) continue
      const realPrefix = next.real.endsWith(path.sep) ? next.real : next.real + path.sep
      const relativePrefix = next.relative === '' ? '' : `${next.relative}/`
      const markdownNames: string[] = []
      const markdownReals: string[] = []
      for (const entry of entries) {
        const name = entry.name
        if (name.charCodeAt(0) === 0x2e) continue
        let kind = kindOfEntry(entry)
        if (kind === 'unknown') kind = kindOfStats(yield* lstatFile(realPrefix + name))
        if (kind === 'file') {
          if (!MARKDOWN_FILE.test(name)) continue
          markdownNames.push(name)
          markdownReals.push(realPrefix + name)
        } else if (kind === 'folder') {
          if (!SKIPPED_FOLDERS.has(name)) pending.push({ real: realPrefix + name, relative: relativePrefix + name })
        } else if (kind === 'link') {
          this.links.push({ absolute: realPrefix + name, relative: relativePrefix + name })
        }
      }
      if (markdownReals.length === 0) continue
      const stats = yield* statFiles(markdownReals)
      for (let i = 0; i < stats.length; i++) {
        const fileStats = stats[i]
        if (fileStats !== null) this.addFile(markdownReals[i], relativePrefix + markdownNames[i], fileStats)
      }
    }
  }

  /** Follows a symbolic link found at `link.absolute` (a real path) if it stays inside the vault. */
  private *link(link: PendingLink): WalkSteps<void> {
    const name = link.relative.slice(link.relative.lastIndexOf('/') + 1)
    const real = yield* realpathOf(link.absolute)
    if (real === null) return
    const [stats] = yield* statFiles([real])
    if (stats === null) return
    // Defends against links that lead out of the vault: the renderer must never see those files.
    if (!isPathInside(this.realRoot, real) || this.isSkipped(real)) return
    if (stats.isDirectory() && !SKIPPED_FOLDERS.has(name)) yield* this.folder(real, link.relative)
    else if (stats.isFile() && MARKDOWN_FILE.test(name)) this.addFile(real, link.relative, stats)
  }

  /** True when a real path lies in a folder the walk skips (a dot-folder or `node_modules`). */
  private isSkipped(real: string): boolean {
    const segments = path.relative(this.realRoot, real).split(path.sep)
    return segments.some((segment) => segment.startsWith('.') || SKIPPED_FOLDERS.has(segment))
  }

  private addFile(real: string, relative: string, stats: Stats): void {
    if (this.seenFiles !== null) {
      if (this.seenFiles.has(real)) return
      this.seenFiles.add(real)
    }
    this.realPaths.push(real)
    this.files.push({
      relative,
      absolute: joinRelative(this.rootPrefix, relative),
      size: stats.size,
      mtimeMs: stats.mtimeMs,
      birthtimeMs: stats.birthtimeMs,
    })
  }
}

type EntryKind = 'link' | 'folder' | 'file' | 'other'

/** What a directory entry is, or `unknown` when `readdir` could not tell (some file systems). */
function kindOfEntry(entry: Dirent): EntryKind | 'unknown' {
  if (entry.isFile()) return 'file'
  if (entry.isDirectory()) return 'folder'
  if (entry.isSymbolicLink()) return 'link'
  if (entry.isFIFO() || entry.isSocket() || entry.isBlockDevice() || entry.isCharacterDevice()) return 'other'
  return 'unknown'
}

function kindOfStats(stats: Stats | null): EntryKind {
  if (stats === null) return 'other'
  return stats.isSymbolicLink() ? 'link' : stats.isDirectory() ? 'folder' : stats.isFile() ? 'file' : 'other'
}
