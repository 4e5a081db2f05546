import { relative, sep } from 'node:path'
import { watch, type FSWatcher } from 'chokidar'

/** Paths touched on disk during one quiet period, vault-relative with `/` separators. */
export interface TouchedPaths {
  /** Markdown files that were added, changed or removed. */
  files: Set<string>
  /** Folders that were added or removed (their files may not be reported one by one). */
  folders: Set<string>
}

/** Options of {@link VaultWatcher.start}. */
export interface VaultWatcherOptions {
  /** Receives each batch; batches are delivered one at a time, never overlapping. */
  onBatch: (touched: TouchedPaths) => Promise<void> | void
  /** A batch is delivered once nothing happened for this long. Default 120 ms. */
  quietMs?: number
  /** …or at the latest this long after its first event, during a long burst. Default 1 s. */
  maxDelayMs?: number
  onError?: (error: unknown) => void
}

const MARKDOWN_FILE = /\.(md|markdown)$/i

/**
 * Watches a vault folder with chokidar and delivers what was touched in batches:
 * a `git checkout` that rewrites hundreds of files, or an editor's save through a temp
 * file and a rename, arrive as one batch of paths instead of a storm of events. The
 * batch only names paths; the receiver reads the disk to learn what they hold now
 * (content hashes, not event kinds, decide what changed), which makes duplicated,
 * reordered or coalesced events harmless.
 *
 * Follows the walk's rules: dot-files and dot-folders (`.git`, `.lemma`, editors'
 * `.note.md.swp`) and `node_modules` are ignored, symbolic links are not followed.
 * The quiet-period timer only groups events; it never decides whose write it was.
 */
export class VaultWatcher {
  private pending: TouchedPaths = { files: new Set(), folders: new Set() }
  private timer: NodeJS.Timeout | null = null
  private firstEventAt = 0
  private delivering: Promise<void> = Promise.resolve()
  private isClosed = false

  private constructor(
    private readonly root: string,
    private readonly options: VaultWatcherOptions,
    private readonly watcher: FSWatcher,
  ) {}

  /** Starts watching `root` and resolves once chokidar has finished its initial scan. */
  static async start(root: string, options: VaultWatcherOptions): Promise<VaultWatcher> {
    const isIgnored = (path: string) => {
      const rel = relative(root, path)
      if (rel === '' || rel.startsWith('..')) return false
      return rel.split(sep).some((segment) => segment.startsWith('.') || segment === 'node_modules')
    }
    // `atomic: false`: chokidar would hold deletions back for 100 ms to guess at atomic saves; hashes decide here.
    const watcher = watch(root, { ignoreInitial: true, ignored: isIgnored, followSymlinks: false, persistent: true, atomic: false })
    const self = new VaultWatcher(root, options, watcher)
    watcher.on('all', (event, path) => self.record(event, path))
    watcher.on('error', (error) => options.onError?.(error))
    await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
    return self
  }

  /** Delivers anything pending now and waits for the delivery (tests, shutdown). */
  async settle(): Promise<void> {
    this.deliver()
    await this.delivering
  }

  /** Stops watching; pending paths are dropped. */
  async close(): Promise<void> {
    this.isClosed = true
    if (this.timer) clearTimeout(this.timer)
    await this.watcher.close()
    await this.delivering
  }

  private record(event: string, absolute: string): void {
    if (this.isClosed) return
    const path = relative(this.root, absolute).split(sep).join('/')
    if (path === '' || path.startsWith('..')) return
    if (event === 'addDir' || event === 'unlinkDir') this.pending.folders.add(path)
    else if (MARKDOWN_FILE.test(path)) this.pending.files.add(path)
    else return
    const now = Date.now()
    if (this.timer === null) this.firstEventAt = now
    else clearTimeout(this.timer)
    const quiet = this.options.quietMs ?? 120
    const wait = Math.max(0, Math.min(quiet, this.firstEventAt + (this.options.maxDelayMs ?? 1000) - now))
    this.timer = setTimeout(() => this.deliver(), wait)
  }

  private deliver(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    if (this.pending.files.size === 0 && this.pending.folders.size === 0) return
    const batch = this.pending
    this.pending = { files: new Set(), folders: new Set() }
    this.delivering = this.delivering
      .then(() => (this.isClosed ? undefined : this.options.onBatch(batch)))
      .catch((error: unknown) => this.options.onError?.(error))
  }
}
