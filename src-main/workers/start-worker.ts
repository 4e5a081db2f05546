import { Worker } from 'node:worker_threads'
import type { WorkerEntry } from './worker-entry'

/**
 * Starts a worker thread running `entry` with `workerData`. A built script starts
 * with no inherited flags: plain JavaScript needs no loader, and not inheriting the
 * parent's `--import tsx` saves most of a second. TypeScript starts through a tiny
 * bootstrap that registers tsx first, as Node 20 does not apply `--import tsx` to a
 * worker's own entry. Throws like `new Worker` when the thread cannot start.
 */
export function startWorker(entry: WorkerEntry, workerData: unknown): Worker {
  if (entry.type === 'script') return new Worker(entry.url, { workerData, execArgv: [] })
  const bootstrap = `import(${JSON.stringify(entry.tsxApi.href)}).then((api) => { api.register(); return import(${JSON.stringify(entry.url.href)}) })`
  return new Worker(bootstrap, { eval: true, workerData })
}
