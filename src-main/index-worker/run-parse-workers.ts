import { availableParallelism } from 'node:os'
import type { Worker } from 'node:worker_threads'
import { walkMarkdownFiles, type WalkedFile } from '../vault/walk'
import { startWorker } from '../workers/start-worker'
import { resolveWorkerEntry as resolveEntry, type WorkerEntry } from '../workers/worker-entry'
import { unpackListing } from './packed-listing'
import { parseFiles, type FileToParse, type ParsedFile } from './parse-files'
import type { IndexWorkerInput, IndexWorkerMessage } from './worker-protocol'

export type { WorkerEntry }

/** How {@link runParseWorkers} splits and hands over its work. */
export interface RunParseOptions {
  /** Called on the main thread with each batch, as batches arrive. */
  onBatch: (batch: ParsedFile[]) => void
  batchSize?: number
  /** Worker threads; default {@link defaultWorkerCount}. */
  workers?: number
  /** The worker's code; default {@link resolveWorkerEntry}. Null parses in this thread. */
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
 * window) never stalls on a cold open of thousands of posts. The files are dealt
 * round-robin to the workers, so that every worker starts with the first (newest)
 * files and the first batches fill the first page of the feed.
 *
 * When no worker can start (no built entry, a packaging problem) or a worker dies,
 * the files it had not reported yet are parsed in this thread with the same
 * {@link parseFiles} loop: slower, never wrong.
 */
export async function runParseWorkers(files: readonly FileToParse[], options: RunParseOptions): Promise<ParseRun> {
  const entry = options.entry === undefined ? resolveWorkerEntry() : options.entry
  const count = Math.max(1, Math.min(options.workers ?? defaultWorkerCount(), files.length))
  const batchSize = options.batchSize ?? 250
  if (entry === null || files.length === 0) {
    await parseFiles(files, { batchSize, onBatch: options.onBatch, isCancelled: () => options.signal?.aborted === true })
    return { mode: 'in-process', workers: 0 }
  }
  const shares: FileToParse[][] = Array.from({ length: count }, () => [])
  files.forEach((file, index) => shares[index % count].push(file))
  const outcomes = await Promise.all(shares.map((share) => runOneWorker(entry, share, batchSize, options)))
  const leftovers = outcomes.flat()
  if (leftovers.length > 0 && options.signal?.aborted !== true) {
    await parseFiles(leftovers, { batchSize, onBatch: options.onBatch, isCancelled: () => options.signal?.aborted === true })
  }
  return { mode: 'workers', workers: count }
}

/**
 * One core less than the machine has, between two and four: the main process and
 * the window keep a core on big machines, and a two-core machine still parses on both.
 */
export function defaultWorkerCount(): number {
  return Math.min(4, Math.max(2, availableParallelism() - 1))
}

/** Runs one worker over `files`; resolves with the files it did not report (all of them if it never started). */
function runOneWorker(entry: WorkerEntry, files: FileToParse[], batchSize: number, options: RunParseOptions): Promise<FileToParse[]> {
  return new Promise((resolve) => {
    const reported = new Set<string>()
    const input: IndexWorkerInput = { task: 'parse', files, batchSize }
    let worker: Worker
    try {
      worker = startWorker(entry, input)
    } catch {
      resolve(files)
      return
    }
    let isSettled = false
    const settle = () => {
      if (isSettled) return
      isSettled = true
      options.signal?.removeEventListener('abort', abort)
      void worker.terminate()
      resolve(files.filter((file) => !reported.has(file.relative)))
    }
    const abort = () => settle()
    options.signal?.addEventListener('abort', abort)
    worker.on('message', (message: IndexWorkerMessage) => {
      if (isSettled) return
      if (message.type === 'batch') {
        for (const file of message.batch) reported.add(file.relative)
        options.onBatch(message.batch)
      } else {
        settle()
      }
    })
    worker.on('error', settle)
    worker.on('exit', settle)
  })
}

/**
 * Lists the vault at `root` ({@link walkMarkdownFiles}) in a worker thread, so that
 * the listing's thousands of `stat` calls proceed while the main thread parses
 * db.json. Falls back to listing in this thread when no worker can start; rejects
 * like the walk when the folder cannot be read.
 */
export async function walkInWorker(root: string, entry: WorkerEntry | null = resolveWorkerEntry()): Promise<WalkedFile[]> {
  const listed = entry === null ? null : await listInWorker(root, entry)
  if (listed instanceof Error) throw listed
  return listed ?? walkMarkdownFiles(root)
}

/**
 * The worker half of {@link walkInWorker}: the listing, the walk's error, or null
 * when the worker could not start or died (then the caller lists in its own thread).
 */
export function listInWorker(root: string, entry: WorkerEntry): Promise<WalkedFile[] | Error | null> {
  return new Promise((resolve) => {
    let worker: Worker
    try {
      worker = startWorker(entry, { task: 'walk', root } satisfies IndexWorkerInput)
    } catch {
      resolve(null)
      return
    }
    worker.once('message', (message: IndexWorkerMessage) => {
      resolve(message.type === 'walked' ? unpackListing(root, message.listing) : message.type === 'error' ? new Error(message.message) : null)
      void worker.terminate()
    })
    worker.once('error', () => resolve(null))
    worker.once('exit', () => resolve(null))
  })
}

/**
 * Finds the index worker's code: the built `index-worker.js` beside this module's
 * bundle, else the TypeScript source through tsx (see `resolveWorkerEntry` in
 * `workers/worker-entry`). Null when neither exists.
 */
export function resolveWorkerEntry(): WorkerEntry | null {
  return resolveEntry(import.meta.url, 'index-worker')
}
