import { parentPort } from 'node:worker_threads'
import { walkMarkdownFilesBlocking } from '../vault/walk'
import { createFileReader } from './file-reader'
import { packListing } from './packed-listing'
import type { IndexWorkerJob, IndexWorkerMessage } from './worker-protocol'

/**
 * The entry of an index worker thread, which lives as long as its pool
 * (`index-workers.ts`) and takes one job at a time. `parse`: reads and parses the
 * files it was given with `parseFiles` and posts each batch, then `done`. `walk`: lists
 * the vault with the vault core's walk, off the main thread. `ready` is posted once the
 * parser (and the YAML library) is loaded, so that a worker started ahead of time
 * (`IndexWorkers.prestart`) is idle when it says so. Built as
 * its own file (`out/main/index-worker.js`, see `electron.vite.config.ts`).
 */
function run(): void {
  const port = parentPort
  if (!port) throw new Error('index-worker must run in a worker thread')
  const post = (message: IndexWorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer)
  const parser = import('./parse-files')
  // One for the thread: parseFiles is done with each file's bytes before it reads the next.
  const readBytes = createFileReader()
  // Jobs run one after another even if the pool posts the next one early.
  let queue: Promise<void> = Promise.resolve()
  port.on('message', (job: IndexWorkerJob) => {
    queue = queue.then(async () => {
      try {
        if (job.task === 'walk') {
          // Blocking calls are free in a worker and several times faster than async ones.
          const listing = packListing(walkMarkdownFilesBlocking(job.root))
          post({ job: job.job, type: 'walked', listing }, [listing.stats.buffer])
          return
        }
        const { parseFiles } = await parser
        await parseFiles(job.files, {
          batchSize: job.batchSize,
          readBytes,
          onBatch: (batch) => post({ job: job.job, type: 'batch', batch }),
        })
        post({ job: job.job, type: 'done' })
      } catch (error) {
        post({ job: job.job, type: 'error', message: (error as Error).message })
      }
    })
  })
  // Posted either way: a parser that failed to load fails each parse job with its error.
  void parser.then(() => post({ type: 'ready' }), () => post({ type: 'ready' }))
}

run()
