import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import type { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it } from 'vitest'
import { startWorker } from '../../src-main/workers/start-worker'
import { resolveWorkerEntry } from '../../src-main/workers/worker-entry'

const folders: string[] = []
const workers: Worker[] = []

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.terminate()))
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })))
})

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'lemma-worker-'))
  folders.push(folder)
  return folder
}

/** The first message of a worker started from `entry`. */
function firstMessage(worker: Worker): Promise<{ workerData: unknown; execArgv: string[]; typed?: string }> {
  workers.push(worker)
  return new Promise((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
}

describe('finding a worker entry', () => {
  it('prefers the built script beside the module, then one folder up', async () => {
    const folder = await tempFolder()
    await writeFile(join(folder, 'echo.js'), '')
    const besides = resolveWorkerEntry(pathToFileURL(join(folder, 'main.js')).href, 'echo')
    expect(besides).toEqual({ type: 'script', url: pathToFileURL(join(folder, 'echo.js')) })
    const below = resolveWorkerEntry(pathToFileURL(join(folder, 'chunks', 'main.js')).href, 'echo')
    expect(below).toEqual({ type: 'script', url: pathToFileURL(join(folder, 'echo.js')) })
  })

  it('falls back to the TypeScript source with tsx when nothing is built', () => {
    const entry = resolveWorkerEntry(import.meta.url, 'echo-worker')
    expect(entry?.type).toBe('typescript')
    expect(entry?.type === 'typescript' && entry.tsxApi.protocol).toBe('file:')
  })

  it('finds nothing for a worker that is neither built nor beside the module', async () => {
    expect(resolveWorkerEntry(pathToFileURL(join(await tempFolder(), 'main.js')).href, 'echo')).toBeNull()
  })
})

describe('starting a worker', () => {
  it('starts a built script with its data and without the parent\'s flags', async () => {
    const folder = await tempFolder()
    const script = join(folder, 'echo.js')
    await writeFile(script, "import { parentPort, workerData } from 'node:worker_threads'\nparentPort.postMessage({ workerData, execArgv: process.execArgv })\n")
    await writeFile(join(folder, 'package.json'), '{"type": "module"}')
    const answer = await firstMessage(startWorker({ type: 'script', url: pathToFileURL(script) }, { n: 1 }))
    expect(answer).toEqual({ workerData: { n: 1 }, execArgv: [] })
  })

  it('starts TypeScript through tsx', async () => {
    const entry = resolveWorkerEntry(import.meta.url, 'echo-worker')
    if (entry === null) throw new Error('tsx is not installed')
    const answer = await firstMessage(startWorker(entry, ['data']))
    expect(answer.workerData).toEqual(['data'])
    expect(answer.typed).toBe('typescript')
  }, 20_000)
})
