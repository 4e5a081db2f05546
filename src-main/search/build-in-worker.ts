import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { buildSearchIndex, type BuiltIndex } from './build-search-index'
import { numberTerms } from './index-segment'
import type { PostMeta } from './search-document'
import type { SearchWorkerInput, SearchWorkerMessage } from './search-worker-protocol'

/**
 * Where the search worker's code is: the built `search-worker.js` beside the main
 * bundle, or the TypeScript source started through tsx (tests, benchmarks).
 */
export type SearchWorkerEntry = { type: 'script'; url: URL } | { type: 'typescript'; url: URL; tsxApi: URL }

/** How {@link buildInWorker} runs. */
export interface BuildInWorkerOptions {
  /** The worker's code; default {@link resolveSearchWorkerEntry}. Null builds in this thread, in slices. */
  entry?: SearchWorkerEntry | null
  onProgress?: (done: number, total: number) => void
  /**
   * Fewer posts than this are indexed in this thread (default 1,000, about half a
   * second in slices): starting a worker and loading its code costs more than it saves.
   */
  minPostsForWorker?: number
  /** Aborting terminates the worker; the promise rejects. */
  signal?: AbortSignal
}

const MIN_POSTS_FOR_WORKER = 1000

/**
 * Builds the full-text index of `metas` in a worker thread, so the main process
 * keeps answering the window while ten thousand posts are read and tokenized; the
 * finished arrays are transferred, not copied. When no worker can start or it
 * fails, or the vault is small, builds in this thread instead, yielding to the
 * event loop every 10 ms: slower to finish, never wrong.
 */
export async function buildInWorker(root: string, metas: readonly PostMeta[], options: BuildInWorkerOptions = {}): Promise<BuiltIndex & { mode: 'worker' | 'in-process' }> {
  const entry = options.entry === undefined ? resolveSearchWorkerEntry() : options.entry
  if (entry !== null && metas.length > 0 && metas.length >= (options.minPostsForWorker ?? MIN_POSTS_FOR_WORKER)) {
    const built = await runWorker(entry, { root, metas: [...metas] }, options).catch(() => null)
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

function runWorker(entry: SearchWorkerEntry, input: SearchWorkerInput, options: BuildInWorkerOptions): Promise<BuiltIndex> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(entry, input)
    let isSettled = false
    const settle = (outcome: BuiltIndex | Error) => {
      if (isSettled) return
      isSettled = true
      options.signal?.removeEventListener('abort', abort)
      void worker.terminate()
      if (outcome instanceof Error) reject(outcome)
      else resolve(outcome)
    }
    const abort = () => settle(new Error('The search index build was cancelled'))
    options.signal?.addEventListener('abort', abort)
    worker.on('message', (message: SearchWorkerMessage) => {
      if (message.type === 'progress') options.onProgress?.(message.done, message.total)
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

function startWorker(entry: SearchWorkerEntry, input: SearchWorkerInput): Worker {
  if (entry.type === 'script') return new Worker(entry.url, { workerData: input })
  // Node 20 does not apply `--import tsx` to a worker's own entry, so a tiny script registers tsx first.
  const bootstrap = `import(${JSON.stringify(entry.tsxApi.href)}).then((api) => { api.register(); return import(${JSON.stringify(entry.url.href)}) })`
  return new Worker(bootstrap, { eval: true, workerData: input })
}

/**
 * Finds the search worker's code: the built `search-worker.js` next to this
 * module's bundle (or one folder up), else the TypeScript source beside this file
 * when tsx is installed. Null when neither exists.
 */
export function resolveSearchWorkerEntry(): SearchWorkerEntry | null {
  const here = import.meta.url
  // Names are variables so that the bundler does not turn `new URL('…', import.meta.url)` into an asset.
  const built = ['./search-worker.js', '../search-worker.js']
  for (const name of built) {
    const url = new URL(name, here)
    if (url.protocol === 'file:' && existsSync(url)) return { type: 'script', url }
  }
  const sourceName = './search-worker.ts'
  const source = new URL(sourceName, here)
  if (source.protocol !== 'file:' || !existsSync(source)) return null
  const tsxApi = findTsxApi(fileURLToPath(source))
  return tsxApi ? { type: 'typescript', url: source, tsxApi } : null
}

function findTsxApi(from: string): URL | null {
  try {
    const manifestPath = createRequire(from).resolve('tsx/package.json')
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports?: Record<string, { import?: { default?: string } }> }
    const api = manifest.exports?.['./esm/api']?.import?.default
    return api ? pathToFileURL(join(dirname(manifestPath), api)) : null
  } catch {
    return null
  }
}
