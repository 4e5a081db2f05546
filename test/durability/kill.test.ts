import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DurableJsonFile } from '../../src-main/metadata/durable-json-file'
import { SNAPSHOT_NAME } from '../../src-main/history/local-history'
import { classifyTempName } from '../../src-main/recovery/stale-temp-files'
import { VaultSession } from '../../src-main/services/vault-session'
import { hashBytes } from '../../src-main/vault/text-codec'
import { seededRandom } from '../recovery/session-fixture'
import { isExactVersion, versionText } from './versions'

const SCALE = Number(process.env.LEMMA_KILL_SCALE ?? 1)
const SIZES: Record<string, number> = { 'small.md': 1024, 'medium.md': 1024 * 1024, 'large.md': 20 * 1024 * 1024 }
const FILLER_POSTS = 600
const CHILD_DIR = resolve('node_modules/.cache/lemma-kill-test')

/**
 * Two vaults, each with its own child, killed side by side (one per core). A round of
 * saves with the 20 MB post takes most of a second, so one lane saves all three posts
 * and the other only the 1 KB and 1 MB ones, whose short rounds allow many more kills.
 */
const LANES: Array<{ sizes: Record<string, number>; kills: number; maxDelayMs: number }> = [
  { sizes: SIZES, kills: Math.round(70 * SCALE), maxDelayMs: 800 },
  { sizes: { 'small.md': SIZES['small.md'], 'medium.md': SIZES['medium.md'] }, kills: Math.round(140 * SCALE), maxDelayMs: 150 },
]
const KILLS = LANES.reduce((total, lane) => total + lane.kills, 0)
let roots: string[] = []

beforeAll(async () => {
  // Bundled once so each of the hundreds of child processes starts in a few tens of milliseconds.
  await build({
    configFile: false,
    logLevel: 'silent',
    build: { ssr: resolve('test/durability/kill-child.ts'), outDir: CHILD_DIR, emptyOutDir: true, minify: false, rollupOptions: { output: { entryFileNames: 'kill-child.mjs' } } },
  })
  roots = await Promise.all(LANES.map(() => mkdtemp(join(tmpdir(), 'lemma-kill-'))))
  for (const [lane, root] of roots.entries()) {
    for (const [path, size] of Object.entries(LANES[lane].sizes)) await writeFile(join(root, path), versionText(size, 0))
    // Enough other posts that db.json is half a megabyte, so kills land inside its writes too.
    await mkdir(join(root, 'filler'))
    for (let i = 0; i < FILLER_POSTS; i++) {
      await writeFile(join(root, 'filler', `post-${i}.md`), `---\ntitle: "填充 filler ${i}"\ndate: 2024-01-01 00:00:00\ntags: [a, b]\n---\n\n${'word '.repeat(60)}\n`)
    }
    const { session } = await VaultSession.open(root, { onChange: () => {}, watch: false, parser: 'in-process' })
    await session.ready
    await session.close()
  }
}, 120_000)

afterAll(async () => {
  await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })))
})

/**
 * Starts a child that saves the posts in a loop, kills it `delayMs` after the first
 * line `after` (`ready`, or `flushing` to aim at a db.json write), and returns what it
 * confirmed and what it was doing.
 */
function runAndKill(root: string, sizes: Record<string, number>, after: 'ready' | 'flushing', delayMs: number): Promise<{ confirmed: Map<string, number>; wasReady: boolean; stderr: string; during: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(CHILD_DIR, 'kill-child.mjs'), root, JSON.stringify(sizes)], { stdio: ['ignore', 'pipe', 'pipe'] })
    const confirmed = new Map<string, number>()
    let wasReady = false
    let isArmed = false
    let during = 'start-up'
    let buffered = ''
    let stderr = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop()!
      for (const line of lines) {
        if (line === 'ready') wasReady = true
        if (line === after && !isArmed) {
          isArmed = true
          setTimeout(() => child.kill('SIGKILL'), delayMs)
        }
        const saved = /^saved (\S+) (\d+)$/.exec(line)
        if (saved) confirmed.set(saved[1], Number(saved[2]))
        const saving = /^saving (\S+) /.exec(line)
        // The phase the child was in when the kill landed, as far as its last line tells.
        during = saving ? `save of ${saving[1]}` : line === 'flushing' ? 'db.json write' : 'between writes'
      }
    })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    child.on('error', fail)
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') fail(new Error(`the child exited by itself (${code}): ${stderr}`))
      else done({ confirmed, wasReady, stderr, during })
    })
  })
}

async function listTempFiles(folder: string, relative = ''): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true })
  const names = new Set(entries.map((e) => e.name))
  const found: string[] = []
  for (const entry of entries) {
    const path = relative ? `${relative}/${entry.name}` : entry.name
    if (entry.isDirectory()) found.push(...(await listTempFiles(join(folder, entry.name), path)))
    else if (classifyTempName(entry.name, names, SNAPSHOT_NAME)) found.push(path)
  }
  return found
}

interface LaneFigures {
  savesConfirmed: number
  /** Kills by the phase the child was in: a save of one of the posts, a db.json write, in between. */
  killedDuring: Record<string, number>
  posts: Record<string, { old: number; new: number; torn: number }>
  db: { fromFile: number; fromBackup: number; unreadable: number }
  versions: Map<string, number>
}

/** Kills a child `lane.kills` times in the vault at `root`, checking every file after each kill. */
async function runLane(root: string, lane: (typeof LANES)[number], seed: number): Promise<LaneFigures> {
  const random = seededRandom(seed)
  const versions = new Map(Object.keys(lane.sizes).map((path) => [path, 0]))
  const posts = Object.fromEntries(Object.keys(lane.sizes).map((path) => [path, { old: 0, new: 0, torn: 0 }]))
  const db = { fromFile: 0, fromBackup: 0, unreadable: 0 }
  let savesConfirmed = 0
  const killedDuring: Record<string, number> = {}
  const dbFile = new DurableJsonFile<unknown>(join(root, '.lemma', 'db.json'), (value) => ({ ok: true, data: value }))
  for (let kill = 0; kill < lane.kills; kill++) {
    // A fifth aim at a db.json write, the rest land early (first saves) or anywhere in a round.
    const dice = random()
    const after = dice < 0.2 ? 'flushing' : 'ready'
    const delay = dice < 0.2 ? random() * 8 : dice < 0.6 ? random() * 60 : random() * lane.maxDelayMs
    const { confirmed, wasReady, stderr, during } = await runAndKill(root, lane.sizes, after, delay)
    expect(wasReady, stderr).toBe(true)
    killedDuring[during] = (killedDuring[during] ?? 0) + 1
    for (const [path, size] of Object.entries(lane.sizes)) {
      const before = versions.get(path)!
      const after = confirmed.get(path) ?? before
      savesConfirmed += after - before
      const onDisk = isExactVersion(await readFile(join(root, path)), size)
      if (onDisk === null || (onDisk !== after && onDisk !== after + 1)) {
        posts[path].torn++
        continue
      }
      posts[path][onDisk === after ? 'old' : 'new']++
      versions.set(path, onDisk)
    }
    const read = await dbFile.readWithReport()
    db[read.source === 'file' ? 'fromFile' : read.source === 'backup' ? 'fromBackup' : 'unreadable']++
  }
  return { savesConfirmed, killedDuring, posts, db, versions }
}

async function verifySnapshots(root: string): Promise<number> {
  const history = join(root, '.lemma', 'history')
  let count = 0
  for (const folder of await readdir(history, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue
    for (const name of await readdir(join(history, folder.name))) {
      const match = SNAPSHOT_NAME.exec(name)
      if (!match) continue
      count++
      expect(hashBytes(await readFile(join(history, folder.name, name)))).toBe(match[2])
    }
  }
  return count
}

describe('a process killed with SIGKILL while saving', () => {
  it(`leaves every post and the db whole: old or new, never a mix or empty (${KILLS} kills)`, async () => {
    const started = Date.now()
    const lanes = await Promise.all(roots.map((root, lane) => runLane(root, LANES[lane], 20260101 + lane)))
    const seconds = (Date.now() - started) / 1000
    let snapshots = 0
    let tempsFound = 0
    let tempsLeft = 0
    for (const [lane, root] of roots.entries()) {
      snapshots += await verifySnapshots(root)
      const temps = await listTempFiles(root)
      tempsFound += temps.length
      // The next open cleans temp files older than a minute: age them instead of waiting.
      const old = new Date(Date.now() - 5 * 60_000)
      for (const path of temps) await utimes(join(root, ...path.split('/')), old, old)
      const { session } = await VaultSession.open(root, { onChange: () => {}, watch: false, parser: 'in-process' })
      await session.ready
      await session.close()
      tempsLeft += (await listTempFiles(root)).length
      for (const [path, size] of Object.entries(LANES[lane].sizes)) expect(isExactVersion(await readFile(join(root, path)), size)).toBe(lanes[lane].versions.get(path))
    }
    const sum = <K extends 'old' | 'new' | 'torn'>(path: string, key: K) => lanes.reduce((total, lane) => total + (lane.posts[path]?.[key] ?? 0), 0)
    const posts = Object.fromEntries(Object.keys(SIZES).map((path) => [`${path} (${SIZES[path]} bytes)`, { old: sum(path, 'old'), new: sum(path, 'new'), torn: sum(path, 'torn') }]))
    const killedDuring: Record<string, number> = {}
    for (const lane of lanes) for (const [phase, count] of Object.entries(lane.killedDuring)) killedDuring[phase] = (killedDuring[phase] ?? 0) + count
    const db = { fromFile: 0, fromBackup: 0, unreadable: 0 }
    for (const lane of lanes) for (const key of Object.keys(db) as Array<keyof typeof db>) db[key] += lane.db[key]
    const figures = {
      kills: KILLS,
      seconds,
      savesConfirmed: lanes.reduce((total, lane) => total + lane.savesConfirmed, 0),
      killedDuring,
      posts,
      db,
      historySnapshotsVerified: snapshots,
      staleTempFilesFound: tempsFound,
      staleTempFilesAfterNextOpen: tempsLeft,
    }
    console.log('[kill test]', JSON.stringify(figures, null, 2))
    for (const outcome of Object.values(posts)) expect(outcome.torn).toBe(0)
    expect(db.unreadable).toBe(0)
    expect(tempsLeft).toBe(0)
  }, 600_000)
})
