import { availableParallelism } from 'node:os'
import { startWorker } from '../workers/start-worker'
import { resolveWorkerEntry, type WorkerEntry } from '../workers/worker-entry'
import { buildSearchIndex, type BuiltIndex } from './build-search-index'
import { numberTerms } from './index-segment'
import { mergeBuiltIndexes } from './merge-built-indexes'
import { SAMPLE_POSTS } from './phrase-signatures'
import type { PostMeta } from './search-document'
import type { SearchWorkerInput, SearchWorkerMessage } from './search-worker-protocol'

/**
 * Where the search worker's code is: the built `search-worker.js` beside the main
 * bundle, or the TypeScript source started through tsx (tests, benchmarks).
 */
export type SearchWorkerEntry = WorkerEntry

/** How {@link buildInWorker} runs. */
export interface BuildInWorkerOptions {
  /** The worker's code; default {@link resolveSearchWorkerEntry}. Null builds in this thread, in slices. */
  entry?: SearchWorkerEntry | null
  onProgress?: (done: number, total: number) => void
  /**
   * Fewer posts than this are indexed in this thread (default 1,000, about half a
   * second in slices): starting a worker and loading its code costs more than it
   * saves.
   */
  minPostsForWorker?: number
  /** Worker threads at most; default {@link defaultSearchWorkerCount}. */
  workers?: number
  /**
   * Posts each worker takes at least (default 1,024): the first share must hold the
   * posts every later worker samples for the common junction keys, so well over
   * {@link SAMPLE_POSTS}, or the merge fails and the build runs in this thread.
   */
  minPostsPerWorker?: number
  /** Aborting terminates the workers; the promise rejects. */
  signal?: AbortSignal
}

const MIN_POSTS_FOR_WORKER = 1000
const MIN_POSTS_PER_WORKER = 4 * SAMPLE_POSTS

/**
 * Builds the full-text index of `metas` in worker threads, so the main process
 * keeps answering the window while ten thousand posts are read and tokenized.
 * Large vaults are cut into consecutive shares of about equal bytes, one worker
 * each, whose indexes are transferred (not copied) and merged into exactly the
 * index one build would give (see `mergeBuiltIndexes`). When no worker can start
 * or one fails, or the vault is small, builds in this thread instead, yielding to
 * the event loop every 10 ms: slower to finish, never wrong.
 */
export async function buildInWorker(root: string, metas: readonly PostMeta[], options: BuildInWorkerOptions = {}): Promise<BuiltIndex & { mode: 'worker' | 'in-process' }> {
  const entry = options.entry === undefined ? resolveSearchWorkerEntry() : options.entry
  if (entry !== null && metas.length > 0 && metas.length >= (options.minPostsForWorker ?? MIN_POSTS_FOR_WORKER)) {
    const built = await runWorkers(entry, root, metas, options).catch(() => null)
    if (built !== null) return { ...built, mode: 'worker' }
  }
  if (options.signal?.aborted === true) throw new Error('The search index build was cancelled')
  const built = await buildSearchIndex(root, metas, {
    onProgress: options.onProgress,
    yieldToEvents: () => new Promise((resolve) => setImmediate(resolve)),
    isCancelled: () => options.signal?.aborted === true,
  })
  return { ...built, mode: 'in-process' }
}

/** One thread per core, up to four: the build is the only heavy work while a vault opens. */
export function defaultSearchWorkerCount(): number {
  return Math.max(1, Math.min(4, availableParallelism()))
}

/**
 * Cuts `metas` into at most `count` consecutive shares of about equal total size,
 * each of at least `minimum` posts (one share when there are too few posts).
 */
export function splitIntoShares<T extends { size: number }>(metas: readonly T[], count: number, minimum: number): T[][] {
  const shares = Math.max(1, Math.min(count, Math.floor(metas.length / minimum)))
  if (shares === 1) return [[...metas]]
  const total = metas.reduce((sum, meta) => sum + meta.size, 0)
  const result: T[][] = []
  let start = 0
  let bytes = 0
  for (let share = 1; share < shares; share++) {
    let end = start
    while (end < metas.length && (bytes < (total * share) / shares || end - start < minimum)) bytes += metas[end++].size
    end = Math.min(end, metas.length - minimum * (shares - share))
    result.push(metas.slice(start, end))
    start = end
  }
  result.push(metas.slice(start))
  return result
}

async function runWorkers(entry: SearchWorkerEntry, root: string, metas: readonly PostMeta[], options: BuildInWorkerOptions): Promise<BuiltIndex> {
  const minimum = Math.max(SAMPLE_POSTS, options.minPostsPerWorker ?? MIN_POSTS_PER_WORKER)
  const shares = splitIntoShares(metas, options.workers ?? defaultSearchWorkerCount(), minimum)
  const done = shares.map(() => 0)
  const sample = shares[0].slice(0, minimum)
  // One worker failing stops the others: the whole build then runs in this thread.
  const failed = new AbortController()
  const signal = options.signal === undefined ? failed.signal : AbortSignal.any([options.signal, failed.signal])
  const parts = await Promise.all(shares.map((share, k) => {
    const input: SearchWorkerInput = { root, metas: share, sample: k === 0 ? undefined : sample }
    const built = runWorker(entry, input, signal, (count) => {
      done[k] = count
      options.onProgress?.(done.reduce((sum, n) => sum + n, 0), metas.length)
    })
    built.catch(() => failed.abort())
    return built
  }))
  return mergeBuiltIndexes(parts)
}

function runWorker(entry: SearchWorkerEntry, input: SearchWorkerInput, signal: AbortSignal | undefined, onProgress: (done: number) => void): Promise<BuiltIndex> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(entry, input)
    let isSettled = false
    const settle = (outcome: BuiltIndex | Error) => {
      if (isSettled) return
      isSettled = true
      signal?.removeEventListener('abort', abort)
      void worker.terminate()
      if (outcome instanceof Error) reject(outcome)
      else resolve(outcome)
    }
    const abort = () => settle(new Error('The search index build was cancelled'))
    if (signal?.aborted === true) abort()
    signal?.addEventListener('abort', abort)
    worker.on('message', (message: SearchWorkerMessage) => {
      if (message.type === 'progress') onProgress(message.done)
      else if (message.type === 'error') settle(new Error(message.message))
      else {
        const segment = { terms: message.terms, termNumbers: numberTerms(message.terms), offsets: message.offsets, ids: message.ids, weights: message.weights, signatures: message.signatures }
        settle({ segment, posts: message.posts, docs: message.docs })
      }
    })
    worker.on('error', (error) => settle(error))
    worker.on('exit', (code) => settle(new Error(`The search worker stopped (exit code ${code})`)))
  })
}

/**
 * Finds the search worker's code: the built `search-worker.js` next to this
 * module's bundle (or one folder up), else the TypeScript source beside this file
 * when tsx is installed. Null when neither exists.
 */
export function resolveSearchWorkerEntry(): SearchWorkerEntry | null {
  return resolveWorkerEntry(import.meta.url, 'search-worker')
}
