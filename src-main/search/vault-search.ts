import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { VaultChange } from '../../src-shared/model/vault'
import { parseQuery } from '../../src-shared/search/parse-query'
import type { IndexStatus, QuickOpenHit, SearchOptions, SearchResponse } from '../../src-shared/search/search-types'
import { LinkGraph } from '../links/link-graph'
import { decodeText } from '../vault/text-codec'
import { buildInWorker, type SearchWorkerEntry } from './build-in-worker'
import type { BuiltIndex } from './build-search-index'
import { executeQuery, findMatches, type QueryContext } from './execute-query'
import { readIndexFile, writeIndexFile } from './index-file'
import { InvertedIndex } from './inverted-index'
import { LiteralCache } from './literal-cache'
import { QuickOpenIndex } from './quick-open'
import { ReusableFileReader } from './reusable-file-reader'
import { analyzeFile, isCurrent, type PostMeta, type SearchDoc } from './search-document'

/** Where the index lives inside a vault. */
export const SEARCH_INDEX_FILE = '.lemma/search-index.bin'

/** How a {@link VaultSearch} runs. */
export interface VaultSearchOptions {
  /** Absolute path of the vault. */
  root: string
  /** Absolute path of the index file; default `<root>/.lemma/search-index.bin`. */
  indexFile?: string
  /** The search worker's code (see `resolveSearchWorkerEntry`); null builds in the main thread. */
  worker?: SearchWorkerEntry | null
  /** Vaults with fewer posts build in the main thread, in slices (default 1,000; see `buildInWorker`). */
  minPostsForWorker?: number
  /** Milliseconds after the last change before the index is written again; default 30 s. */
  persistDelayMs?: number
  /** Posts whose text is kept in memory for snippets and phrase checks; default 64. */
  textCacheSize?: number
  /** Phrase queries whose per-post results are remembered until the index changes; default 8, 0 turns it off. */
  literalCacheSize?: number
  /** Told whenever the status changes (loading, building with progress, ready). */
  onStatus?: (status: IndexStatus) => void
}

/** The persisted header: per post (in id order) its search document and token count. */
interface StoredHeader {
  docs: SearchDoc[]
  lengths: number[]
}

/** More than this share of posts changed since the index was written: rebuild instead of patching. */
const REBUILD_SHARE = 0.3
/** Patching this many posts is always cheaper than a rebuild. */
const REBUILD_MINIMUM = 200
const TEXT_CACHE_SIZE = 64
const LITERAL_CACHE_SIZE = 8

/**
 * Full-text search, quick open and the link graph of one vault, in the main
 * process. {@link start} loads `.lemma/search-index.bin` and patches it with what
 * changed since (warm start), or builds the index in the search worker (cold
 * start). Meanwhile a search answers from the stored index when one was loaded,
 * else finds nothing, and says `isIndexing` either way. Keep it current by
 * calling {@link applyVaultChange} with every `VaultChange` the session announces
 * (saves, renames, deletions, rescans after the watcher), or {@link indexPost} when
 * the text is at hand. The file is rewritten in the background a while after
 * changes, and by {@link close}.
 */
export class VaultSearch {
  private index = new InvertedIndex()
  private docs = new Map<string, SearchDoc>()
  private graph = new LinkGraph()
  private quickOpenIndex = new QuickOpenIndex()
  private state: IndexStatus = { state: 'idle', posts: 0 }
  private serial: Promise<unknown> = Promise.resolve()
  private persistTimer: NodeJS.Timeout | null = null
  private isDirty = false
  private isClosed = false
  private readonly textCache = new Map<string, string>()
  private readonly literalCache: LiteralCache
  private readonly abort = new AbortController()
  private readonly fileReader = new ReusableFileReader()
  private readonly indexFile: string

  constructor(private readonly options: VaultSearchOptions) {
    this.indexFile = options.indexFile ?? join(options.root, SEARCH_INDEX_FILE)
    this.literalCache = new LiteralCache(options.literalCacheSize ?? LITERAL_CACHE_SIZE)
  }

  /**
   * Brings the index in line with `metas` (every post of the vault, from the
   * metadata store): loads the stored index and re-indexes only posts whose
   * record changed, or builds from scratch. Resolves when the index is ready.
   */
  start(metas: readonly PostMeta[]): Promise<void> {
    return this.enqueue(async () => {
      this.setStatus({ state: 'loading', posts: 0 })
      const stored = await readIndexFile<StoredHeader>(this.indexFile)
      if (stored !== null && isValidHeader(stored.header, stored.segment.ids)) {
        const { docs, lengths } = stored.header
        this.install({ segment: stored.segment, posts: docs.map((doc, i) => ({ path: doc.path, length: lengths[i], date: doc.date })), docs })
        const stale = metas.filter((meta) => { const doc = this.docs.get(meta.path); return doc === undefined || !isCurrent(doc, meta) })
        if (stale.length <= Math.max(REBUILD_MINIMUM, REBUILD_SHARE * metas.length)) {
          await this.reconcileNow(metas, stale)
          this.setStatus({ state: 'ready', posts: this.index.size })
          return
        }
      }
      await this.rebuildNow(metas)
    })
  }

  /** Waits for queued work (start, updates) to finish. */
  whenIdle(): Promise<void> {
    return this.enqueue(async () => {})
  }

  /** Where indexing stands. */
  status(): IndexStatus {
    return { ...this.state, posts: this.index.size }
  }

  /** Runs a full-text search (see `executeQuery`). */
  async query(text: string, options: SearchOptions = {}): Promise<SearchResponse> {
    const response = await executeQuery(this.context(), text, options)
    return { ...response, isIndexing: this.state.state !== 'ready' }
  }

  /** The paths of every post matching `text`, unordered: for recall checks, not for the window. */
  async matchingPaths(text: string): Promise<string[]> {
    const { paths } = await findMatches(this.context(), parseQuery(text))
    return paths
  }

  /** Quick open: fuzzy titles, paths and pinyin, recent files first. */
  quickOpen(text: string, recentPaths: readonly string[], limit = 50): QuickOpenHit[] {
    return this.quickOpenIndex.search(text, recentPaths, limit)
  }

  /** The link graph, kept in step with the index (a new one after a rebuild: ask again each time). */
  links(): LinkGraph {
    return this.graph
  }

  /** Indexes (or re-indexes) one post whose whole text is `text`. */
  indexPost(meta: PostMeta, text: string): void {
    const { doc, analyzed } = analyzeFile(meta, text)
    this.index.put(meta.path, analyzed, meta.date)
    this.remember(doc)
    this.textCache.delete(meta.path)
    this.literalCache.clear()
    this.changed()
  }

  /** Drops a post from the index. */
  removePost(path: string): void {
    const wasIndexed = this.index.remove(path)
    this.docs.delete(path)
    this.graph.removePost(path)
    this.quickOpenIndex.remove(path)
    this.textCache.delete(path)
    this.literalCache.clear()
    if (wasIndexed) this.changed()
  }

  /**
   * Follows a change the vault session announced: upserted posts whose record
   * differs from what is indexed are read again and re-indexed, removed ones
   * dropped; `reset` re-reconciles with the posts it lists. Queued after any
   * running build, so nothing is lost while the index starts.
   */
  applyVaultChange(change: VaultChange): Promise<void> {
    return this.enqueue(async () => {
      if (change.type === 'removed') for (const path of change.paths) this.removePost(path)
      else if (change.type === 'upserted') await this.refresh(change.posts)
      else await this.reconcileNow(change.posts, change.posts.filter((meta) => { const doc = this.docs.get(meta.path); return doc === undefined || !isCurrent(doc, meta) }))
    })
  }

  /** Writes the index file now if anything changed since it was last written. */
  persist(): Promise<void> {
    return this.enqueue(() => this.persistNow())
  }

  /** Stops any build, writes the index if it changed, and stops timers. */
  async close(): Promise<void> {
    this.abort.abort()
    if (this.persistTimer !== null) clearTimeout(this.persistTimer)
    await this.serial.catch(() => {})
    if (this.state.state === 'ready') await this.persistNow()
    this.isClosed = true
  }

  private context(): QueryContext {
    return { index: this.index, docs: this.docs, readText: (path) => this.readText(path), readBytes: (path) => this.fileReader.read(join(this.options.root, path)), literalCache: this.literalCache }
  }

  private async rebuildNow(metas: readonly PostMeta[]): Promise<void> {
    this.setStatus({ state: 'building', posts: 0, progress: { done: 0, total: metas.length } })
    const built = await buildInWorker(this.options.root, metas, {
      entry: this.options.worker,
      minPostsForWorker: this.options.minPostsForWorker,
      signal: this.abort.signal,
      onProgress: (done, total) => this.setStatus({ state: 'building', posts: 0, progress: { done, total } }),
    })
    this.install(built)
    this.setStatus({ state: 'ready', posts: this.index.size })
    this.isDirty = true
    await this.persistNow()
  }

  private async reconcileNow(metas: readonly PostMeta[], stale: readonly PostMeta[]): Promise<void> {
    const present = new Set(metas.map((meta) => meta.path))
    for (const path of this.index.paths()) if (!present.has(path)) this.removePost(path)
    await this.refresh(stale)
  }

  private async refresh(metas: readonly PostMeta[]): Promise<void> {
    for (const meta of metas) {
      const doc = this.docs.get(meta.path)
      if (doc !== undefined && isCurrent(doc, meta)) continue
      const text = await this.readFresh(meta.path)
      if (text === null) this.removePost(meta.path)
      else this.indexPost(meta, text)
    }
  }

  private install(built: BuiltIndex): void {
    this.index = new InvertedIndex(built.segment, built.posts)
    this.docs = new Map()
    this.graph = new LinkGraph()
    this.quickOpenIndex = new QuickOpenIndex()
    this.textCache.clear()
    this.literalCache.clear()
    for (const doc of built.docs) this.remember(doc)
  }

  private remember(doc: SearchDoc): void {
    this.docs.set(doc.path, doc)
    this.graph.setPost(doc.path, doc.title, doc.links)
    this.quickOpenIndex.set({ path: doc.path, title: doc.title, date: doc.date, syllables: doc.pinyin === null ? null : doc.pinyin.split(' ') })
  }

  private changed(): void {
    this.isDirty = true
    if (this.isClosed || this.state.state !== 'ready') return
    if (this.persistTimer !== null) clearTimeout(this.persistTimer)
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null
      void this.persist().catch(() => {})
    }, this.options.persistDelayMs ?? 30_000)
    this.persistTimer.unref?.()
  }

  private async persistNow(): Promise<void> {
    if (!this.isDirty || this.isClosed) return
    this.isDirty = false
    const { segment, posts } = this.index.snapshot()
    const docs = posts.map((post) => this.docs.get(post.path) as SearchDoc)
    try {
      await writeIndexFile<StoredHeader>(this.indexFile, { docs, lengths: posts.map((post) => post.length) }, segment)
    } catch {
      // The index is a cache: failing to store it only costs a rebuild at the next start.
      this.isDirty = true
    }
  }

  private async readText(path: string): Promise<string | null> {
    const cached = this.textCache.get(path)
    if (cached !== undefined) {
      this.textCache.delete(path)
      this.textCache.set(path, cached)
      return cached
    }
    // A page of snippets reads about twenty small files: one synchronous read each beats four thread-pool trips.
    const bytes = this.readBytes(path)
    const text = bytes === null ? null : decodeText(bytes).text
    const capacity = this.options.textCacheSize ?? TEXT_CACHE_SIZE
    if (text !== null && capacity > 0) {
      this.textCache.set(path, text)
      if (this.textCache.size > capacity) this.textCache.delete(this.textCache.keys().next().value as string)
    }
    return text
  }

  private readBytes(path: string): Buffer | null {
    try {
      return readFileSync(join(this.options.root, path))
    } catch {
      return null
    }
  }

  private async readFresh(path: string): Promise<string | null> {
    try {
      return decodeText(await readFile(join(this.options.root, path))).text
    } catch {
      return null
    }
  }

  private setStatus(status: IndexStatus): void {
    this.state = status
    this.options.onStatus?.(this.status())
  }

  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const run = this.serial.then(work, work)
    this.serial = run.catch(() => {})
    return run
  }
}

/** Checks a stored header against its postings: the file is ours, but may be damaged or foreign. */
function isValidHeader(header: StoredHeader, ids: Uint32Array): boolean {
  if (typeof header !== 'object' || header === null || !Array.isArray(header.docs) || !Array.isArray(header.lengths)) return false
  const count = header.docs.length
  if (header.lengths.length !== count) return false
  if (!header.docs.every((doc) => typeof doc?.path === 'string' && typeof doc.title === 'string' && Array.isArray(doc.links) && Array.isArray(doc.tags))) return false
  for (let i = 0; i < ids.length; i++) if (ids[i] >= count) return false
  return true
}
