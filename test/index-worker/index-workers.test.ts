import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { IndexWorkers } from '../../src-main/index-worker/index-workers'
import { parseFiles, type ParsedFile } from '../../src-main/index-worker/parse-files'
import { resolveWorkerEntry, runParseWorkers } from '../../src-main/index-worker/run-parse-workers'
import { walkMarkdownFiles, walkMarkdownFilesBlocking } from '../../src-main/vault/walk'
import type { WorkerEntry } from '../../src-main/workers/worker-entry'

const folders: string[] = []
const pools: IndexWorkers[] = []
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

function entry(): WorkerEntry {
  const found = resolveWorkerEntry()
  if (found === null) throw new Error('No index worker entry (built or TypeScript with tsx) was found')
  return found
}

function pool(size = 2, from: WorkerEntry = entry(), idleMs?: number): IndexWorkers {
  const workers = new IndexWorkers(from, size, idleMs)
  pools.push(workers)
  return workers
}

async function vault(posts = 60): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'lemma-pool-'))
  folders.push(root)
  await mkdir(join(root, '数学'))
  for (let i = 0; i < posts; i++) {
    const folder = i % 3 === 0 ? '数学/' : ''
    await writeFile(join(root, `${folder}2024-01-${String(1 + (i % 28)).padStart(2, '0')}-post-${i}.md`), `---\ntitle: 帖子 ${i}\ntags: [a, b]\n---\n正文 ${i} with [[帖子 ${i + 1}]] and words.\n`)
  }
  return root
}

/** Parsed files by path, without the order batches arrived in. */
function byPath(batches: ParsedFile[][]): Map<string, ParsedFile> {
  return new Map(batches.flat().map((file) => [file.relative, file]))
}

describe('IndexWorkers', () => {
  it('lists a folder as the walk does in this thread, and reports an unreadable root as an error', async () => {
    const root = await vault(5)
    const workers = pool()
    expect(await workers.list(root)).toEqual(walkMarkdownFilesBlocking(root))
    expect(await workers.list(join(root, 'missing'))).toBeInstanceOf(Error)
  })

  it('parses files spread over its workers exactly as parseFiles does here', async () => {
    const root = await vault()
    const files = await walkMarkdownFiles(root)
    const inWorkers: ParsedFile[][] = []
    const leftovers = await pool().parse(files, { onBatch: (batch) => inWorkers.push(batch), batchSize: 7 })
    expect(leftovers).toEqual([])
    const here: ParsedFile[][] = []
    await parseFiles(files, { onBatch: (batch) => { here.push(batch) } })
    expect(byPath(inWorkers)).toEqual(byPath(here))
    expect(inWorkers.flat()).toHaveLength(files.length)
  })

  it('keeps its threads from one job to the next', async () => {
    const root = await vault(10)
    const workers = pool()
    expect(await workers.prestart()).toBe(true)
    const started = workers.threadIds()
    expect(started).toHaveLength(2)
    await workers.list(root)
    await workers.parse(await walkMarkdownFiles(root), { onBatch: () => {} })
    await workers.list(root)
    expect(workers.threadIds()).toEqual(started)
  })

  it('hands back what was not parsed when aborted, and takes the next job with a new thread', async () => {
    const root = await vault(120)
    const files = await walkMarkdownFiles(root)
    const workers = pool(1)
    await workers.prestart()
    const before = workers.threadIds()
    const aborter = new AbortController()
    const seen: ParsedFile[] = []
    const leftovers = await workers.parse(files, {
      batchSize: 10,
      signal: aborter.signal,
      onBatch: (batch) => {
        seen.push(...batch)
        aborter.abort()
      },
    })
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.length + leftovers.length).toBe(files.length)
    expect(new Set([...seen.map((f) => f.relative), ...leftovers.map((f) => f.relative)]).size).toBe(files.length)
    const again: ParsedFile[][] = []
    expect(await workers.parse(files, { onBatch: (batch) => again.push(batch) })).toEqual([])
    expect(again.flat()).toHaveLength(files.length)
    expect(workers.threadIds()).not.toEqual(before)
  })

  it('ends workers left idle, and starts them again for the next job', async () => {
    const root = await vault(5)
    const workers = pool(1, entry(), 200)
    await workers.prestart()
    expect(workers.threadIds()).toHaveLength(1)
    await expect.poll(() => workers.threadIds(), { timeout: 5000 }).toEqual([])
    expect(await workers.list(root)).toEqual(walkMarkdownFilesBlocking(root))
    expect(workers.threadIds()).toHaveLength(1)
  })

  it('lets a job that was aborted while queued go without stopping the job before it', async () => {
    const root = await vault(80)
    const files = await walkMarkdownFiles(root)
    const workers = pool(1)
    await workers.prestart()
    const first: ParsedFile[][] = []
    const running = workers.parse(files, { onBatch: (batch) => first.push(batch), batchSize: 5 })
    const aborter = new AbortController()
    const queued = workers.parse(files, { onBatch: () => { throw new Error('an aborted job must not report') }, signal: aborter.signal })
    aborter.abort()
    expect(await running).toEqual([])
    expect(first.flat()).toHaveLength(files.length)
    expect(await queued).toHaveLength(files.length)
  })

  it('answers null and hands every file back when its workers cannot run, and runParseWorkers then parses here', async () => {
    const root = await vault(30)
    const files = await walkMarkdownFiles(root)
    const broken: WorkerEntry = { type: 'script', url: pathToFileURL(join(root, 'no-such-worker.js')) }
    const workers = pool(2, broken)
    expect(await workers.list(root)).toBeNull()
    expect(await workers.parse(files, { onBatch: () => {} })).toHaveLength(files.length)
    const batches: ParsedFile[][] = []
    const run = await runParseWorkers(files, { pool: workers, onBatch: (batch) => batches.push(batch) })
    expect(run.mode).toBe('workers')
    expect(batches.flat()).toHaveLength(files.length)
  })
})
