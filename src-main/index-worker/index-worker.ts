import { readFileSync } from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { walkMarkdownFilesBlocking } from '../vault/walk'
import { packListing } from './packed-listing'
import type { IndexWorkerInput, IndexWorkerMessage } from './worker-protocol'

/**
 * The entry of the index worker thread. `parse`: reads and parses the files it was
 * given with {@link parseFiles} and posts each batch, then `done`. `walk`: lists the
 * vault with the vault core's walk, off the main thread so that the listing and the
 * loading of db.json overlap. The parser (and the YAML library) is loaded only for
 * `parse`, so a listing worker starts sooner. Built as its own file (`out/main/index-worker.js`, see
 * `electron.vite.config.ts`) and started by `run-parse-workers.ts`.
 */
async function run(): Promise<void> {
  const port = parentPort
  if (!port) throw new Error('index-worker must run in a worker thread')
  const post = (message: IndexWorkerMessage) => port.postMessage(message)
  const input = workerData as IndexWorkerInput
  try {
    if (input.task === 'walk') {
      // Blocking calls are free in a worker and several times faster than async ones.
      const listing = packListing(walkMarkdownFilesBlocking(input.root))
      port.postMessage({ type: 'walked', listing } satisfies IndexWorkerMessage, [listing.stats.buffer])
      return
    }
    const { parseFiles } = await import('./parse-files')
    await parseFiles(input.files, {
      batchSize: input.batchSize,
      readBytes: (absolute) => readFileSync(absolute),
      onBatch: (batch) => post({ type: 'batch', batch }),
    })
    post({ type: 'done' })
  } catch (error) {
    post({ type: 'error', message: (error as Error).message })
  }
}

void run()
