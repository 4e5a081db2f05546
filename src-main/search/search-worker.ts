import { parentPort, workerData } from 'node:worker_threads'
import { buildSearchIndex } from './build-search-index'
import type { SearchWorkerInput, SearchWorkerMessage } from './search-worker-protocol'

/**
 * The entry of the search worker thread: builds the full-text index of the posts it
 * was given with {@link buildSearchIndex} and transfers it to the main process.
 * Built as its own file (`out/main/search-worker.js`: an entry in
 * `electron.vite.config.ts`) and started by `buildInWorker`.
 */
async function run(): Promise<void> {
  const port = parentPort
  if (!port) throw new Error('search-worker must run in a worker thread')
  const input = workerData as SearchWorkerInput
  try {
    const built = await buildSearchIndex(input.root, input.metas, {
      sample: input.sample,
      onProgress: (done, total) => port.postMessage({ type: 'progress', done, total } satisfies SearchWorkerMessage),
    })
    const { terms, offsets, ids, weights, signatures } = built.segment
    const message: SearchWorkerMessage = { type: 'done', terms, offsets, ids, weights, signatures, posts: built.posts, docs: built.docs }
    const transferred = [offsets.buffer, ids.buffer, weights.buffer, signatures.common.buffer, signatures.offsets.buffer, signatures.bytes.buffer]
    port.postMessage(message, transferred as ArrayBuffer[])
  } catch (error) {
    port.postMessage({ type: 'error', message: (error as Error).message } satisfies SearchWorkerMessage)
  }
}

void run()
