import { parentPort, workerData } from 'node:worker_threads'

/** A worker for `start-worker.test.ts`: answers with what it was given and how it was started. */
const typed: string = 'typescript'
parentPort?.postMessage({ workerData, execArgv: process.execArgv, typed })
