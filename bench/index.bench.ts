import { readFileSync, statSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'
import { createFileReader } from '../src-main/index-worker/file-reader'
import { IndexWorkers } from '../src-main/index-worker/index-workers'
import type { WorkerEntry } from '../src-main/index-worker/run-parse-workers'
import { VaultSession } from '../src-main/services/vault-session'
import { walkMarkdownFiles } from '../src-main/vault/walk'
import { parseBytes } from '../src-main/index-worker/parse-files'
import { countWordsUtf8 } from '../src-main/vault/word-count'
import { scanWordsUtf8 } from '../src-main/vault/word-scan'
import { ensureCorpus } from './support/corpus'
import { percentiles, writeReport } from './support/report'

/**
 * `npm run bench -- index`: opening the shared corpus (seed 42, 1,000 and 10,000
 * posts) to complete metadata, against reading every file's bytes in this process
 * (the floor) and against Hexo loading the same folder as `source/_posts`.
 *
 * Every measurement runs with the OS page cache warm (the floor reads first), so
 * "cold" means "no Lemma metadata yet", not "cold disk". The index worker is bundled
 * first, as in the app, so the workers start from plain JavaScript.
 */
const RUNS = 3
const require = createRequire(import.meta.url)

async function main(): Promise<void> {
  const worker = await bundleWorker()
  const metrics: Record<string, number> = {}
  const notes: Record<string, string | number> = {
    page_cache: 'warm for every measurement; cold = no .lemma metadata',
    read_floor: 'walk the folder with blocking calls, then read every file in this process (median of 3), the faster of readFileSync and one reused buffer (createFileReader, what the index workers use); the async ways are slower',
    parse_one_thread: 'bytes already in memory: parsePostBytes + sha-256 of every file in one thread, no I/O (best of 3): the CPU a cold open has to spread over its workers',
    byte_loop: 'a JavaScript loop that only sums every byte of the corpus (best of 3): the least any per-byte scan written in JavaScript costs here',
    word_scan: 'the exact word count and link-line scan of every file, best of 3: word_scan_ms in WebAssembly SIMD (word-scan.wat, what indexing runs), word_count_js_ms the JavaScript loop it replaced (same results)',
    hexo: 'hexo.init() + hexo.load() on a temp site whose source/_posts is a copy of the corpus; a pass-through renderer is registered for .md (no HTML rendering), since Hexo only treats renderable files as posts and no renderer plugin is installed',
    first_feed_page: 'cold: from open until 20 posts were pushed to the feed (parsed newest-first by the date in the file name); warm: until the stored metadata is loaded',
    workers: 'defaultWorkerCount(): two worker threads on this two-core machine',
    index_workers: 'as in the app, which starts its index workers at launch while the window loads: before each timed open a new IndexWorkers pool is started and awaited (so its code is compiled afresh each time, as at a real launch), and the open lists and parses in it. *_threads_per_job_ms: the same opens with threads started for each job instead (no pool)',
  }
  for (const n of [1000, 10000]) {
    const corpus = ensureCorpus(n)
    const vault = await mkdtemp(join(tmpdir(), `lemma-bench-${n}-`))
    await cp(corpus, vault, { recursive: true })
    try {
      const floor = await readFloor(vault)
      const floorMs = Math.min(floor.sync, floor.reused)
      metrics[`n${n}_read_floor_ms`] = floorMs
      metrics[`n${n}_read_floor_readfilesync_ms`] = floor.sync
      metrics[`n${n}_read_floor_reused_buffer_ms`] = floor.reused
      metrics[`n${n}_read_floor_async_sequential_ms`] = floor.asyncSequential
      metrics[`n${n}_read_floor_async_parallel16_ms`] = floor.asyncParallel
      const cpu = await measureParseCpu(vault)
      metrics[`n${n}_parse_one_thread_ms`] = cpu.parse
      metrics[`n${n}_byte_loop_ms`] = cpu.byteLoop
      metrics[`n${n}_word_scan_ms`] = cpu.wordScan
      metrics[`n${n}_word_count_js_ms`] = cpu.wordCountJs
      metrics[`n${n}_corpus_bytes`] = cpu.bytes
      const cold = await measureOpens(vault, worker, true)
      const warm = await measureOpens(vault, worker, false)
      metrics[`n${n}_cold_open_threads_per_job_ms`] = (await measureOpens(vault, worker, true, false)).total
      metrics[`n${n}_warm_open_threads_per_job_ms`] = (await measureOpens(vault, worker, false, false)).total
      metrics[`n${n}_cold_open_ms`] = cold.total
      metrics[`n${n}_cold_first_feed_page_ms`] = cold.firstPage
      metrics[`n${n}_cold_peak_rss_mb`] = cold.peakRssMb
      metrics[`n${n}_rss_before_open_mb`] = cold.baseRssMb
      metrics[`n${n}_warm_open_ms`] = warm.total
      metrics[`n${n}_warm_first_feed_page_ms`] = warm.firstPage
      metrics[`n${n}_warm_peak_rss_mb`] = warm.peakRssMb
      metrics[`n${n}_db_json_bytes`] = statSync(join(vault, '.lemma', 'db.json')).size
      metrics[`n${n}_posts`] = cold.posts
      const hexo = await measureHexo(vault)
      metrics[`n${n}_hexo_load_ms`] = hexo.ms
      metrics[`n${n}_hexo_posts`] = hexo.posts
      console.log(`n=${n}: floor ${floorMs.toFixed(0)} ms, cold ${cold.total.toFixed(0)} ms, warm ${warm.total.toFixed(0)} ms, hexo ${hexo.ms.toFixed(0)} ms`)
    } finally {
      await rm(vault, { recursive: true, force: true })
    }
  }
  const big = 'n10000'
  writeReport({
    suite: 'index',
    metrics,
    ratios: {
      cold_vs_read_floor: metrics[`${big}_cold_open_ms`] / metrics[`${big}_read_floor_ms`],
      warm_vs_cold: metrics[`${big}_warm_open_ms`] / metrics[`${big}_cold_open_ms`],
      cold_vs_hexo: metrics[`${big}_cold_open_ms`] / metrics[`${big}_hexo_load_ms`],
      n1000_cold_vs_read_floor: metrics.n1000_cold_open_ms / metrics.n1000_read_floor_ms,
      n1000_warm_vs_cold: metrics.n1000_warm_open_ms / metrics.n1000_cold_open_ms,
      n1000_cold_vs_hexo: metrics.n1000_cold_open_ms / metrics.n1000_hexo_load_ms,
      cold_vs_async_parallel_read: metrics[`${big}_cold_open_ms`] / metrics[`${big}_read_floor_async_parallel16_ms`],
    },
    notes,
  })
}

/** The index worker bundled to plain JavaScript, as electron-vite builds it for the app. */
async function bundleWorker(): Promise<WorkerEntry> {
  const outDir = resolve('node_modules/.cache/lemma-bench')
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { ssr: resolve('src-main/index-worker/index-worker.ts'), outDir, emptyOutDir: true, minify: false, rollupOptions: { output: { entryFileNames: 'index-worker.js' } } },
  })
  return { type: 'script', url: pathToFileURL(join(outDir, 'index-worker.js')) }
}

async function readFloor(vault: string): Promise<{ sync: number; reused: number; asyncSequential: number; asyncParallel: number }> {
  const time = async (read: (files: Array<{ absolute: string }>) => Promise<void> | void) => {
    const samples: number[] = []
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now()
      const files = await walkMarkdownFiles(vault, { isBlocking: true })
      await read(files)
      samples.push(performance.now() - started)
    }
    return percentiles(samples).median
  }
  let bytes = 0
  const sync = await time((files) => { for (const file of files) bytes += readFileSync(file.absolute).length })
  const reused = await time((files) => {
    const read = createFileReader()
    for (const file of files) bytes += read(file.absolute).length
  })
  const asyncSequential = await time(async (files) => { for (const file of files) bytes += (await readFile(file.absolute)).length })
  const asyncParallel = await time(async (files) => {
    let next = 0
    await Promise.all(Array.from({ length: 16 }, async () => { while (next < files.length) bytes += (await readFile(files[next++].absolute)).length }))
  })
  if (bytes === 0) throw new Error(`No bytes read from ${vault}`)
  return { sync, reused, asyncSequential, asyncParallel }
}

/** The parse work of a cold open without its I/O, and the cost of merely touching every byte in JavaScript. */
async function measureParseCpu(vault: string): Promise<{ parse: number; byteLoop: number; wordScan: number; wordCountJs: number; bytes: number }> {
  const files = (await walkMarkdownFiles(vault, { isBlocking: true })).map((file) => ({ file, bytes: readFileSync(file.absolute) }))
  let parse = Number.POSITIVE_INFINITY
  let byteLoop = Number.POSITIVE_INFINITY
  let wordScan = Number.POSITIVE_INFINITY
  let wordCountJs = Number.POSITIVE_INFINITY
  let checksum = 0
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now()
    for (const { file, bytes } of files) checksum += parseBytes(file, bytes).size
    parse = Math.min(parse, performance.now() - started)
    started = performance.now()
    for (const { bytes } of files) checksum += sumBytes(bytes)
    byteLoop = Math.min(byteLoop, performance.now() - started)
    let words = 0
    started = performance.now()
    for (const { bytes } of files) words += scanWordsUtf8(bytes, 0, bytes.length, [])
    wordScan = Math.min(wordScan, performance.now() - started)
    started = performance.now()
    for (const { bytes } of files) words -= countWordsUtf8(bytes, 0, bytes.length, [])
    wordCountJs = Math.min(wordCountJs, performance.now() - started)
    if (words !== 0) throw new Error('The WebAssembly word scan and the JavaScript word count disagree')
  }
  if (checksum === 0) throw new Error(`Nothing parsed in ${vault}`)
  return { parse, byteLoop, wordScan, wordCountJs, bytes: files.reduce((sum, { bytes }) => sum + bytes.length, 0) }
}

function sumBytes(bytes: Uint8Array): number {
  let sum = 0
  for (let i = 0; i < bytes.length; i++) sum += bytes[i]
  return sum
}

interface OpenFigures {
  total: number
  firstPage: number
  peakRssMb: number
  /** RSS of this process just before the open (node, tsx and vite loaded). */
  baseRssMb: number
  posts: number
}

/**
 * Opens the vault `RUNS` times (after deleting its metadata when `isCold`) and returns
 * the medians; with `isPooled`, in index workers started (untimed) just before, as the
 * app starts them at launch.
 */
async function measureOpens(vault: string, worker: WorkerEntry, isCold: boolean, isPooled = true): Promise<OpenFigures> {
  const runs: OpenFigures[] = []
  for (let run = 0; run < RUNS; run++) {
    if (isCold) await rm(join(vault, '.lemma'), { recursive: true, force: true })
    const pool = isPooled ? new IndexWorkers(worker) : null
    if (pool && !(await pool.prestart())) throw new Error('The index workers did not start')
    ;(globalThis as { gc?: () => void }).gc?.()
    const base = process.memoryUsage().rss
    let peak = base
    const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 5)
    let pushed = 0
    let firstPage = Number.NaN
    const started = performance.now()
    const { session } = await VaultSession.open(vault, {
      watch: false,
      parser: pool ?? worker,
      onChange: (change) => {
        if (change.type !== 'upserted') return
        pushed += change.posts.length
        if (pushed >= 20 && Number.isNaN(firstPage)) firstPage = performance.now() - started
      },
    })
    if (session.listPosts().length >= 20) firstPage = performance.now() - started
    await session.ready
    const total = performance.now() - started
    clearInterval(sampler)
    peak = Math.max(peak, process.memoryUsage().rss)
    runs.push({ total, firstPage, peakRssMb: peak / 1024 / 1024, baseRssMb: base / 1024 / 1024, posts: session.listPosts().length })
    await session.close()
    await pool?.close()
  }
  const median = (key: keyof OpenFigures) => percentiles(runs.map((r) => r[key])).median
  return { total: median('total'), firstPage: median('firstPage'), peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)), baseRssMb: median('baseRssMb'), posts: runs[0].posts }
}

/** Hexo loading the same posts as `source/_posts` of a minimal site (once: it takes a while). */
async function measureHexo(vault: string): Promise<{ ms: number; posts: number }> {
  const site = await mkdtemp(join(tmpdir(), 'lemma-bench-hexo-'))
  try {
    await mkdir(join(site, 'source'), { recursive: true })
    await cp(vault, join(site, 'source', '_posts'), { recursive: true, filter: (source) => !source.includes(`${join(vault, '.lemma')}`) })
    await writeFile(join(site, '_config.yml'), 'title: bench\nsource_dir: source\npublic_dir: public\n')
    const Hexo = require('hexo') as new (base: string, options: object) => HexoInstance
    ;(globalThis as { gc?: () => void }).gc?.()
    const started = performance.now()
    const hexo = new Hexo(site, { silent: true })
    await hexo.init()
    hexo.extend.renderer.register('md', 'html', (data: { text: string }) => data.text, true)
    await hexo.load()
    const ms = performance.now() - started
    const posts = hexo.locals.get('posts').length
    await hexo.exit()
    return { ms, posts }
  } finally {
    await rm(site, { recursive: true, force: true })
  }
}

interface HexoInstance {
  init(): Promise<void>
  load(): Promise<void>
  exit(): Promise<void>
  extend: { renderer: { register(ext: string, output: string, fn: (data: { text: string }) => string, sync: boolean): void } }
  locals: { get(name: 'posts'): { length: number } }
}

await main()
