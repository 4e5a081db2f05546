import { mkdtemp, mkdir, readFile, readdir, rm, writeFile, rename, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MetadataStore, METADATA_FILE } from '../../src-main/metadata/metadata-store'
import { syncVaultIndex } from '../../src-main/metadata/index-vault'
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
    const records = Object.values(db.posts) as Array<{ id: string; path: string; title: string; hash: string; wordCount: number }>
    expect(records.map((r) => r.path).sort()).toEqual(['algo/two-pointers.md', 'hello.md'])
    const post = records.find((r) => r.path === 'algo/two-pointers.md')!
    expect(post.title).toBe('盛最多水的容器')
    expect(post.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(db.posts[post.id]).toBe(db.posts[post.id])
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
