import { walkMarkdownFiles, type WalkedFile } from '../vault/walk'
import { resolveWorkerEntry as resolveEntry, type WorkerEntry } from '../workers/worker-entry'
import { defaultWorkerCount, IndexWorkers } from './index-workers'
import { parseFiles, type FileToParse, type ParsedFile } from './parse-files'

export type { WorkerEntry }
export { defaultWorkerCount }

/** How {@link runParseWorkers} splits and hands over its work. */
export interface RunParseOptions {
  /** Called on the main thread with each batch, as batches arrive. */
  onBatch: (batch: ParsedFile[]) => void
  batchSize?: number
  /** Running workers to use (the app's, started at launch); else workers started for this job. */
  pool?: IndexWorkers
  /** Worker threads started for this job when there is no `pool`; default {@link defaultWorkerCount}. */
  workers?: number
  /** The worker's code when there is no `pool`; default {@link resolveWorkerEntry}. Null parses in this thread. */
  entry?: WorkerEntry | null
  /** Aborting stops the workers; the promise then resolves with what was done. */
  signal?: AbortSignal
}

/** How the work was done, for diagnostics and benchmarks. */
export interface ParseRun {
  mode: 'workers' | 'in-process'
  workers: number
}

/**
 * Reads and parses `files` in worker threads so that the main process (and so the
 * window) never stalls on a cold open of thousands of posts: the `pool`'s, or threads
 * started for this job and stopped after it (see {@link IndexWorkers}).
 *
 * When no worker can start (no built entry, a packaging problem) or a worker dies,
 * the files it had not reported yet are parsed in this thread with the same
 * {@link parseFiles} loop: slower, never wrong.
 */
export async function runParseWorkers(files: readonly FileToParse[], options: RunParseOptions): Promise<ParseRun> {
  const batchSize = options.batchSize ?? 250
  const isCancelled = () => options.signal?.aborted === true
  const entry = options.pool ? null : options.entry === undefined ? resolveWorkerEntry() : options.entry
  if ((options.pool === undefined && entry === null) || files.length === 0) {
    await parseFiles(files, { batchSize, onBatch: options.onBatch, isCancelled })
    return { mode: 'in-process', workers: 0 }
  }
  const pool = options.pool ?? new IndexWorkers(entry!, Math.min(options.workers ?? defaultWorkerCount(), files.length))
  try {
    const leftovers = await pool.parse(files, { batchSize, onBatch: options.onBatch, signal: options.signal })
    if (leftovers.length > 0 && !isCancelled()) await parseFiles(leftovers, { batchSize, onBatch: options.onBatch, isCancelled })
    return { mode: 'workers', workers: Math.min(pool.size, files.length) }
  } finally {
    if (pool !== options.pool) await pool.close()
  }
}

/**
 * Lists the vault at `root` ({@link walkMarkdownFiles}) in a worker thread (the
 * `pool`'s, else one started for this listing), so that the listing's thousands of
 * `stat` calls proceed while the main thread parses db.json. Falls back to listing in
 * this thread when no worker can; rejects like the walk when the folder cannot be read.
 */
export async function walkInWorker(root: string, source: IndexWorkers | WorkerEntry | null = resolveWorkerEntry()): Promise<WalkedFile[]> {
  const listed = source === null ? null : source instanceof IndexWorkers ? await source.list(root) : await listInWorker(root, source)
  if (listed instanceof Error) throw listed
  return listed ?? walkMarkdownFiles(root)
}

/**
 * Lists the vault in a worker thread started for it: the listing, the walk's error,
 * or null when the worker could not start or died (then the caller lists in its own thread).
 */
export async function listInWorker(root: string, entry: WorkerEntry): Promise<WalkedFile[] | Error | null> {
  const pool = new IndexWorkers(entry, 1)
  try {
    return await pool.list(root)
  } finally {
    await pool.close()
  }
}

/**
 * Finds the index worker's code: the built `index-worker.js` beside this module's
 * bundle, else the TypeScript source through tsx (see `resolveWorkerEntry` in
 * `workers/worker-entry`). Null when neither exists.
 */
export function resolveWorkerEntry(): WorkerEntry | null {
  return resolveEntry(import.meta.url, 'index-worker')
}
