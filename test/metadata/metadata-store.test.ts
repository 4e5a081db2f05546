import { mkdtemp, mkdir, readFile, readdir, rm, writeFile, rename, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MetadataStore, METADATA_FILE } from '../../src-main/metadata/metadata-store'
import { syncVaultIndex } from '../../src-main/metadata/index-vault'
import { fromPostColumns, type PostColumns } from '../../src-main/metadata/post-columns'
import { CURRENT_SCHEMA_VERSION } from '../../src-main/metadata/schema'

let root: string
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'lemma-meta-'))
  await mkdir(join(root, 'algo'), { recursive: true })
  await writeFile(join(root, 'algo', 'two-pointers.md'), '---\ntitle: "盛最多水的容器"\ndate: 2026-01-11 10:00:00\ncategories: [算法]\ntags: [leetcode]\n---\n\n在初始时 \\(\\min(1,7) * 8 = 8\\)。\n')
  await writeFile(join(root, 'hello.md'), '# Hello world\n\nSome text with $x^2$.\n')
})
afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

/** The records in a db.json as written. */
async function readRecords(file: string) {
  const db = JSON.parse(await readFile(file, 'utf8')) as { schemaVersion: number; posts: PostColumns }
  return fromPostColumns(db.posts)
}

async function snapshotPosts(): Promise<Record<string, Buffer>> {
  return {
    'algo/two-pointers.md': await readFile(join(root, 'algo', 'two-pointers.md')),
    'hello.md': await readFile(join(root, 'hello.md')),
  }
}

describe('the metadata store', () => {
  it('writes db.json with a schema version and one record per post', async () => {
    const { store, notices } = await MetadataStore.open(root)
    await syncVaultIndex(root, store)
    const db = JSON.parse(await readFile(join(root, METADATA_FILE), 'utf8'))
    expect(notices).toEqual([])
    expect(db.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    const records = await readRecords(join(root, METADATA_FILE))
    expect(records.map((r) => r.path).sort()).toEqual(['algo/two-pointers.md', 'hello.md'])
    const post = records.find((r) => r.path === 'algo/two-pointers.md')!
    expect(post.title).toBe('盛最多水的容器')
    expect(post.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(post).toEqual(store.get('algo/two-pointers.md'))
  })

  it('keeps a post id when the file is renamed outside Lemma', async () => {
    const first = await MetadataStore.open(root)
    await syncVaultIndex(root, first.store)
    const before = first.store.get('hello.md')!.id
    await rename(join(root, 'hello.md'), join(root, 'greetings.md'))
    const second = await MetadataStore.open(root)
    const outcome = await syncVaultIndex(root, second.store)
    expect(second.store.get('greetings.md')!.id).toBe(before)
    expect(second.store.get('hello.md')).toBeUndefined()
    expect(outcome.removedPaths).toEqual(['hello.md'])
  })

  it('does not re-read files whose size and mtime are unchanged', async () => {
    const first = await MetadataStore.open(root)
    await syncVaultIndex(root, first.store)
    const second = await MetadataStore.open(root)
    const outcome = await syncVaultIndex(root, second.store)
    expect(outcome.upserted).toEqual([])
    expect(outcome.removedPaths).toEqual([])
  })

  it.each([
    ['empty', ''],
    ['truncated', '{"schemaVersion":1,"posts":{"a":{"id":"a","pa'],
    ['NUL-filled', '\u0000'.repeat(4096)],
    ['a wrong schema', '{"schemaVersion":1,"posts":[1,2,3]}'],
    ['a newer version', '{"schemaVersion":99,"posts":{}}'],
    ['not an object', '[]'],
  ])('moves a db.json that is %s aside and rebuilds it without touching a post', async (_name, content) => {
    await mkdir(join(root, '.lemma'), { recursive: true })
    await writeFile(join(root, METADATA_FILE), content)
    const before = await snapshotPosts()
    const { store, notices } = await MetadataStore.open(root)
    await syncVaultIndex(root, store)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/moved aside/)
    expect(store.all().map((r) => r.path).sort()).toEqual(['algo/two-pointers.md', 'hello.md'])
    expect(await snapshotPosts()).toEqual(before)
    const aside = (await readdir(join(root, '.lemma'))).filter((f) => f.startsWith('db.corrupt-'))
    expect(aside).toHaveLength(1)
    expect(await readFile(join(root, '.lemma', aside[0]), 'utf8')).toBe(content)
  })

  it('migrates a version-0 db.json (no schemaVersion) instead of discarding it', async () => {
    await mkdir(join(root, '.lemma'), { recursive: true })
    await writeFile(join(root, METADATA_FILE), JSON.stringify({ posts: {} }))
    const { notices, store } = await MetadataStore.open(root)
    expect(notices).toEqual([])
    await syncVaultIndex(root, store)
    expect(JSON.parse(await readFile(join(root, METADATA_FILE), 'utf8')).schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
  })

  it('forgets posts deleted from disk', async () => {
    const { store } = await MetadataStore.open(root)
    await syncVaultIndex(root, store)
    await rm(join(root, 'hello.md'))
    const outcome = await syncVaultIndex(root, store)
    expect(outcome.removedPaths).toEqual(['hello.md'])
    expect((await stat(join(root, METADATA_FILE))).size).toBeGreaterThan(0)
    expect(store.all().map((r) => r.path)).toEqual(['algo/two-pointers.md'])
  })
})

describe('durable writes of the metadata', () => {
  const record = (id: string, path: string) => ({
    id, path, title: id, date: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z', categories: [], tags: [],
    isDraft: false, excerpt: '', wordCount: 0, links: [], warnings: [], mtimeMs: 1, size: 1, hash: 'h'.repeat(64),
  })

  it('keeps the previous version as db.json.bak at each write', async () => {
    const { store } = await MetadataStore.open(root)
    store.put(record('a', 'a.md'))
    await store.flush()
    store.put(record('b', 'b.md'))
    await store.flush()
    const current = await readRecords(join(root, METADATA_FILE))
    const backup = await readRecords(join(root, `${METADATA_FILE}.bak`))
    expect(current.map((r) => r.id).sort()).toEqual(['a', 'b'])
    expect(backup.map((r) => r.id)).toEqual(['a'])
    expect((await readdir(join(root, '.lemma'))).filter((name) => name.endsWith('.tmp'))).toEqual([])
  })

  it.each([
    ['empty', ''],
    ['truncated', '{"schemaVersion":2,"posts":{"a":{"id":"a","pa'],
    ['NUL-filled', '\u0000'.repeat(4096)],
    ['a wrong schema', '{"schemaVersion":2,"posts":[1,2,3]}'],
  ])('falls back to the last good copy when db.json is %s', async (_name, content) => {
    const first = await MetadataStore.open(root)
    await syncVaultIndex(root, first.store)
    const ids = first.store.all().map((r) => r.id).sort()
    first.store.put({ ...first.store.get('hello.md')!, title: 'changed' })
    await first.store.flush()
    await writeFile(join(root, METADATA_FILE), content)
    const before = await snapshotPosts()
    const { store, notices } = await MetadataStore.open(root)
    expect(notices).toHaveLength(1)
    expect(notices[0]).toMatch(/last good copy/)
    expect(store.all().map((r) => r.id).sort()).toEqual(ids)
    const outcome = await syncVaultIndex(root, store)
    expect(outcome.removedPaths).toEqual([])
    expect(await snapshotPosts()).toEqual(before)
  })

  it('opens from db.json.bak silently when a crash left no db.json (between the two renames)', async () => {
    const first = await MetadataStore.open(root)
    await syncVaultIndex(root, first.store)
    first.store.put({ ...first.store.get('hello.md')!, title: 'changed' })
    await first.store.flush()
    await rm(join(root, METADATA_FILE))
    const { store, notices } = await MetadataStore.open(root)
    expect(notices).toEqual([])
    expect(store.all()).toHaveLength(2)
  })

  it('rebuilds when both db.json and its backup are unusable', async () => {
    await mkdir(join(root, '.lemma'), { recursive: true })
    await writeFile(join(root, METADATA_FILE), '{"schemaVersion":2,')
    await writeFile(join(root, `${METADATA_FILE}.bak`), '')
    const before = await snapshotPosts()
    const { store, notices } = await MetadataStore.open(root)
    expect(notices[0]).toMatch(/rebuilt from your posts/)
    await syncVaultIndex(root, store)
    expect(store.all().map((r) => r.path).sort()).toEqual(['algo/two-pointers.md', 'hello.md'])
    expect(await snapshotPosts()).toEqual(before)
  })

  it('migrates a version-1 db.json, flagging sync conflict copies', async () => {
    await mkdir(join(root, '.lemma'), { recursive: true })
    const copy = { ...record('c', 'hello (conflicted copy).md'), schemaVersion: undefined }
    await writeFile(join(root, METADATA_FILE), JSON.stringify({ schemaVersion: 1, posts: { c: copy } }))
    const { store, notices } = await MetadataStore.open(root)
    expect(notices).toEqual([])
    expect(store.get('hello (conflicted copy).md')!.conflictCopyOf).toBe('hello.md')
  })

  it('migrates a version-2 db.json (records keyed by id) to columns, rewriting it once', async () => {
    await mkdir(join(root, '.lemma'), { recursive: true })
    const records = { a: record('a', 'a.md'), b: { ...record('b', 'b (conflicted copy).md'), conflictCopyOf: 'b.md' } }
    await writeFile(join(root, METADATA_FILE), JSON.stringify({ schemaVersion: 2, posts: records }))
    const { store, notices } = await MetadataStore.open(root)
    expect(notices).toEqual([])
    expect(store.all().sort((x, y) => (x.id < y.id ? -1 : 1))).toStrictEqual([records.a, records.b])
    await store.flush()
    const db = JSON.parse(await readFile(join(root, METADATA_FILE), 'utf8'))
    expect(db.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(await readRecords(join(root, METADATA_FILE))).toHaveLength(2)
  })

  it('does not rewrite db.json when an opening finds nothing changed', async () => {
    const first = await MetadataStore.open(root)
    await syncVaultIndex(root, first.store, { parser: 'in-process' })
    const written = await stat(join(root, METADATA_FILE))
    const { store } = await MetadataStore.open(root)
    const outcome = await syncVaultIndex(root, store, { parser: 'in-process' })
    await store.flush()
    expect(outcome).toEqual({ upserted: [], removedPaths: [], parsedCount: 0 })
    const after = await stat(join(root, METADATA_FILE))
    expect([after.ino, after.mtimeMs]).toEqual([written.ino, written.mtimeMs])
  })

  it('keeps the first post of a repeated id (a hand-edited file) and indexes the other file anew', async () => {
    const first = await MetadataStore.open(root)
    await syncVaultIndex(root, first.store, { parser: 'in-process' })
    const db = JSON.parse(await readFile(join(root, METADATA_FILE), 'utf8')) as { posts: PostColumns }
    db.posts.id = db.posts.id.map(() => 'same')
    await writeFile(join(root, METADATA_FILE), JSON.stringify(db))
    const { store, notices } = await MetadataStore.open(root)
    expect(notices).toEqual([])
    expect(store.size).toBe(1)
    const outcome = await syncVaultIndex(root, store, { parser: 'in-process' })
    expect(outcome.parsedCount).toBe(1)
    expect(new Set(store.all().map((r) => r.id)).size).toBe(2)
  })

  it('brings a later scheduled write forward, never back', async () => {
    vi.useFakeTimers()
    try {
      const { store } = await MetadataStore.open(root)
      store.put(record('a', 'a.md'))
      store.scheduleFlush(15_000)
      store.scheduleFlush(60_000)
      await vi.advanceTimersByTimeAsync(14_000)
      await expect(readFile(join(root, METADATA_FILE), 'utf8')).rejects.toThrow()
      store.put(record('b', 'b.md'))
      store.scheduleFlush()
      await vi.advanceTimersByTimeAsync(300)
      await vi.waitFor(async () => expect(await readRecords(join(root, METADATA_FILE))).toHaveLength(2))
    } finally {
      vi.useRealTimers()
    }
  })

  it('batches scheduled changes into one write', async () => {
    const { store } = await MetadataStore.open(root)
    for (let i = 0; i < 50; i++) {
      store.put(record(`r${i}`, `r${i}.md`))
      store.scheduleFlush()
    }
    await expect(readFile(join(root, METADATA_FILE), 'utf8')).rejects.toThrow()
    await store.flush()
    expect(await readRecords(join(root, METADATA_FILE))).toHaveLength(50)
  })
})
