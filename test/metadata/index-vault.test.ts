import { mkdtemp, rm, utimes, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { IndexProgress } from '../../src-shared/model/index-progress'
import { textOf } from '../../src-main/index-worker/parse-files'
import { resolveWorkerEntry, walkInWorker } from '../../src-main/index-worker/run-parse-workers'
import { walkMarkdownFiles } from '../../src-main/vault/walk'
import { decodeText } from '../../src-main/vault/text-codec'
import { detectConflictCopy } from '../../src-main/metadata/conflict-copies'
import { newestFirst, syncVaultIndex } from '../../src-main/metadata/index-vault'
import { MetadataStore } from '../../src-main/metadata/metadata-store'
import type { PostRecord } from '../../src-main/metadata/schema'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lemma-index-'))
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

async function writePosts(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const year = 2000 + (i % 20)
    const day = String((i % 28) + 1).padStart(2, '0')
    const folder = join(root, `cat-${i % 5}`, String(year))
    await mkdir(folder, { recursive: true })
    const text = `---\ntitle: "第 ${i} 篇 Post ${i}"\ndate: ${year}-03-${day} 10:00:00\ntags: [t${i % 7}]\n---\n\n正文 $x_${i}^2$ and [[链接 ${i}]].\n`
    await writeFile(join(folder, `${year}-03-${day}-post-${i}.md`), text)
  }
}

const withoutIds = (records: PostRecord[]) => records.map(({ id: _id, ...rest }) => rest).sort((a, b) => (a.path < b.path ? -1 : 1))

describe('indexing a vault', () => {
  it('parses a cold vault in worker threads into the same records as in this thread', async () => {
    await writePosts(250)
    const entry = resolveWorkerEntry()
    expect(entry?.type).toBe('typescript')
    const inWorkers = (await MetadataStore.open(root)).store
    const progress: IndexProgress[] = []
    const batches: PostRecord[][] = []
    const outcome = await syncVaultIndex(root, inWorkers, { parser: entry!, onProgress: (p) => progress.push(p), onBatch: (b) => batches.push(b) })
    expect(outcome.parsedCount).toBe(250)
    expect(batches.length).toBeGreaterThan(1)
    expect(batches.flat()).toHaveLength(250)
    expect(progress[0]).toEqual({ phase: 'scanning', done: 0, total: 0 })
    expect(progress.at(-1)).toEqual({ phase: 'done', done: 250, total: 250 })
    const dones = progress.filter((p) => p.phase === 'indexing').map((p) => p.done)
    expect(dones).toEqual([...dones].sort((a, b) => a - b))

    await rm(join(root, '.lemma'), { recursive: true })
    const inThread = (await MetadataStore.open(root)).store
    await syncVaultIndex(root, inThread, { parser: 'in-process' })
    expect(withoutIds(inWorkers.all())).toEqual(withoutIds(inThread.all()))
  })

  it('lists a vault in a worker exactly as in this thread, and reports an unreadable folder', async () => {
    await writePosts(30)
    await writeFile(join(root, '.hidden.md'), 'skipped')
    expect(await walkInWorker(root)).toEqual(await walkMarkdownFiles(root))
    await expect(walkInWorker(join(root, 'missing'))).rejects.toThrow()
  })

  it('hands over the newest posts first, so the first page of the feed fills early', async () => {
    await writePosts(120)
    const { store } = await MetadataStore.open(root)
    const batches: PostRecord[][] = []
    await syncVaultIndex(root, store, { parser: 'in-process', onBatch: (b) => batches.push(b) })
    const all = store.all().map((r) => r.date).sort().reverse()
    const firstPage = batches[0].map((r) => r.date).sort().reverse().slice(0, 20)
    expect(batches[0].length).toBeGreaterThanOrEqual(20)
    expect(firstPage).toEqual(all.slice(0, 20))
  })

  it('reads nothing on a warm open and only what changed after it', async () => {
    await writePosts(30)
    const first = await MetadataStore.open(root)
    await syncVaultIndex(root, first.store, { parser: 'in-process' })
    const warm = await MetadataStore.open(root)
    const again = await syncVaultIndex(root, warm.store)
    expect(again).toEqual({ upserted: [], removedPaths: [], parsedCount: 0 })
    const target = warm.store.all()[0]
    await writeFile(join(root, target.path), '---\ntitle: Changed\n---\nnew\n')
    const later = new Date(Date.now() + 5000)
    await utimes(join(root, warm.store.all()[1].path), later, later)
    const changed = await syncVaultIndex(root, warm.store)
    expect(changed.parsedCount).toBe(2)
    expect(warm.store.get(target.path)!.title).toBe('Changed')
    expect(warm.store.get(target.path)!.id).toBe(target.id)
  })

  it('indexes sync tools\' conflict copies as posts, flagged', async () => {
    await writeFile(join(root, 'note.md'), '# Note\n')
    await writeFile(join(root, 'note (conflicted copy).md'), '# Note\nother\n')
    await writeFile(join(root, 'note.sync-conflict-20240102-101500-ABCDEFG.md'), '# Note\nthird\n')
    const { store } = await MetadataStore.open(root)
    await syncVaultIndex(root, store)
    expect(store.get('note.md')!.conflictCopyOf).toBeUndefined()
    expect(store.get('note (conflicted copy).md')!.conflictCopyOf).toBe('note.md')
    expect(store.get('note (conflicted copy).md')!.warnings.map((w) => w.type)).toContain('conflict-copy')
    expect(store.get('note.sync-conflict-20240102-101500-ABCDEFG.md')!.conflictCopyOf).toBe('note.md')
  })
})

describe('recognising conflict copies', () => {
  it.each([
    ['a/note (conflicted copy).md', 'a/note.md'],
    ["note (Ana's conflicted copy 2024-01-02).md", 'note.md'],
    ['note (conflicted copy 2024-01-02 101500).md', 'note.md'],
    ['note (Case Conflict).md', 'note.md'],
    ['笔记.sync-conflict-20240102-101500-ABCDEFG.md', '笔记.md'],
    ['note_conflict-20240102-101500.md', 'note.md'],
    ['note (SFConflict ana@example.com 2024-01-02-10-15-00).md', 'note.md'],
    ['note.Conflict.md', 'note.md'],
  ])('flags %s as a copy of %s', (path, original) => {
    expect(detectConflictCopy(path)?.original).toBe(original)
  })

  it.each(['note 2.md', 'note (1).md', 'conflicts.md', 'a/sync-conflict.md'])('does not flag %s', (path) => {
    expect(detectConflictCopy(path)).toBeNull()
  })
})

describe('ordering files newest first', () => {
  it('prefers a date in the file name, then the modification time', () => {
    const files = [
      { relative: 'a/2019-01-01-x.md', mtimeMs: 9e12 },
      { relative: 'b/2024-05-01-y.md', mtimeMs: 0 },
      { relative: 'c/undated.md', mtimeMs: Date.parse('2021-01-01') },
    ]
    expect(newestFirst(files).map((f) => f.relative)).toEqual(['b/2024-05-01-y.md', 'c/undated.md', 'a/2019-01-01-x.md'])
  })
})

describe('decoding for the index', () => {
  it.each([
    ['plain', Buffer.from('a\nb\n')],
    ['CRLF', Buffer.from('a\r\nb\r\n')],
    ['BOM and CRLF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('标题\r\n正文\n')])],
    ['a lone CR', Buffer.from('a\rb\n')],
  ])('gives the same text as decodeText (%s)', (_name, bytes) => {
    expect(textOf(bytes)).toBe(decodeText(bytes).text)
  })
})
