import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DiskChange } from '../../src-shared/model/disk-change'
import { OwnWrites } from '../../src-main/watcher/own-writes'
import { hashBytes } from '../../src-main/vault/text-codec'
import { sessionFixture, type OpenedSession } from '../recovery/session-fixture'

const fixture = sessionFixture()
const post = (title: string, body = 'text') => `---\ntitle: "${title}"\n---\n\n${body}\n`
const hashOf = (text: string) => hashBytes(Buffer.from(text))

async function watched(files: Record<string, string> = { 'a.md': post('A'), 'b.md': post('B') }): Promise<OpenedSession> {
  return fixture.open(files, { watch: true, watchQuietMs: 30 })
}

/** Waits until `count` outside changes were reported, then returns them. */
async function changesAfter(opened: OpenedSession, count: number): Promise<DiskChange[]> {
  await expect.poll(() => opened.diskChanges.length, { timeout: 10_000, interval: 20 }).toBeGreaterThanOrEqual(count)
  return opened.diskChanges
}

/** Writes a sentinel file and waits for it: every event before it has been handled. */
async function sentinel(opened: OpenedSession): Promise<void> {
  const name = `sentinel-${opened.diskChanges.length}-${Math.random().toString(36).slice(2)}.md`
  await writeFile(join(opened.root, name), post('sentinel'))
  await expect.poll(() => opened.diskChanges.some((c) => c.type === 'changed' && c.path === name), { timeout: 10_000, interval: 20 }).toBe(true)
}

describe('watching a vault for other programs\' changes', () => {
  it('reports an added post and lists it', async () => {
    const opened = await watched()
    await writeFile(join(opened.root, 'new.md'), post('New'))
    expect(await changesAfter(opened, 1)).toEqual([{ type: 'changed', path: 'new.md', hash: hashOf(post('New')) }])
    expect(opened.session.listPosts().map((p) => p.path)).toContain('new.md')
  })

  it('reports a changed post with its new hash and updates its metadata', async () => {
    const opened = await watched()
    await writeFile(join(opened.root, 'a.md'), post('A2'))
    expect(await changesAfter(opened, 1)).toEqual([{ type: 'changed', path: 'a.md', hash: hashOf(post('A2')) }])
    expect(opened.session.listPosts().find((p) => p.path === 'a.md')!.title).toBe('A2')
  })

  it('reports a deleted post and drops it', async () => {
    const opened = await watched()
    await unlink(join(opened.root, 'a.md'))
    expect(await changesAfter(opened, 1)).toEqual([{ type: 'removed', path: 'a.md' }])
    expect(opened.session.listPosts().map((p) => p.path)).toEqual(['b.md'])
  })

  it('recognises a rename by content hash and keeps the post id', async () => {
    const opened = await watched()
    const id = opened.session.listPosts().find((p) => p.path === 'a.md')!.id
    await mkdir(join(opened.root, 'sub'))
    await rename(join(opened.root, 'a.md'), join(opened.root, 'sub', 'renamed.md'))
    expect(await changesAfter(opened, 1)).toEqual([{ type: 'moved', from: 'a.md', to: 'sub/renamed.md', hash: hashOf(post('A')) }])
    expect(opened.session.listPosts().find((p) => p.path === 'sub/renamed.md')!.id).toBe(id)
  })

  it('sees an editor\'s save through a temp file and a rename as one change', async () => {
    const opened = await watched()
    await writeFile(join(opened.root, '.a.md.swp'), 'swap')
    await writeFile(join(opened.root, 'a.md.tmp~'), post('A3'))
    await rename(join(opened.root, 'a.md.tmp~'), join(opened.root, 'a.md'))
    // vim's "backupcopy=no": rename the old file away, write anew, delete the backup.
    await rename(join(opened.root, 'b.md'), join(opened.root, 'b.md~'))
    await writeFile(join(opened.root, 'b.md'), post('B3'))
    await unlink(join(opened.root, 'b.md~'))
    await sentinel(opened)
    const real = opened.diskChanges.filter((c) => !('path' in c) || !c.path.startsWith('sentinel'))
    expect(real.sort((x, y) => (JSON.stringify(x) < JSON.stringify(y) ? -1 : 1))).toEqual([
      { type: 'changed', path: 'a.md', hash: hashOf(post('A3')) },
      { type: 'changed', path: 'b.md', hash: hashOf(post('B3')) },
    ])
    expect(opened.session.listPosts().map((p) => p.path).filter((p) => !p.startsWith('sentinel')).sort()).toEqual(['a.md', 'b.md'])
  })

  it('coalesces a checkout that touches 300 files into a few batches', async () => {
    const files: Record<string, string> = {}
    for (let i = 0; i < 200; i++) files[`notes/n${i}.md`] = post(`N${i}`)
    const opened = await watched(files)
    let batches = 0
    const seen = opened.diskChanges
    const original = opened.diskChanges.push.bind(opened.diskChanges)
    opened.diskChanges.push = (...items: DiskChange[]) => {
      batches++
      return original(...items)
    }
    // Like `git checkout other-branch`: 150 rewritten, 50 deleted, 100 added (in a new folder too).
    for (let i = 0; i < 150; i++) await writeFile(join(opened.root, `notes/n${i}.md`), post(`N${i} on the branch`))
    for (let i = 150; i < 200; i++) await unlink(join(opened.root, `notes/n${i}.md`))
    await mkdir(join(opened.root, 'branch-only'))
    for (let i = 0; i < 100; i++) await writeFile(join(opened.root, `branch-only/b${i}.md`), post(`B${i}`))
    await changesAfter(opened, 300)
    expect(seen.filter((c) => c.type === 'changed' && c.path.startsWith('notes/'))).toHaveLength(150)
    expect(seen.filter((c) => c.type === 'removed')).toHaveLength(50)
    expect(seen.filter((c) => c.type === 'changed' && c.path.startsWith('branch-only/'))).toHaveLength(100)
    expect(batches).toBeLessThan(30)
    expect(opened.session.listPosts()).toHaveLength(250)
    await opened.session.close()
    const db = JSON.parse(await readFile(join(opened.root, '.lemma', 'db.json'), 'utf8'))
    expect(db.posts.id).toHaveLength(250)
  })

  it('reports a removed folder as removed posts', async () => {
    const opened = await watched({ 'a.md': post('A'), 'dir/x.md': post('X'), 'dir/deeper/y.md': post('Y') })
    await rm(join(opened.root, 'dir'), { recursive: true })
    const changes = await changesAfter(opened, 2)
    expect(changes.map((c) => ('path' in c ? c.path : '')).sort()).toEqual(['dir/deeper/y.md', 'dir/x.md'])
    expect(opened.session.listPosts().map((p) => p.path)).toEqual(['a.md'])
  })

  it('flags a sync tool\'s conflict copy that appears', async () => {
    const opened = await watched()
    await writeFile(join(opened.root, 'a (conflicted copy).md'), post('A', 'other device'))
    await changesAfter(opened, 1)
    expect(opened.session.listPosts().find((p) => p.path === 'a (conflicted copy).md')!.conflictCopyOf).toBe('a.md')
  })

  it('does not report Lemma\'s own saves, creations, renames or re-creations', async () => {
    const opened = await watched()
    const { session } = opened
    const read = await session.readPost('a.md')
    if (!read.ok) throw new Error(read.message)
    let hash = read.document.hash
    for (let i = 0; i < 5; i++) {
      const saved = await session.savePost('a.md', `${read.document.text}edit ${i}\n`, hash)
      if (!saved.ok) throw new Error(saved.message)
      hash = saved.document.hash
    }
    const created = await session.createPost('由 Lemma 新建', '')
    expect(created.ok).toBe(true)
    expect((await session.renamePost('b.md', 'b-renamed')).ok).toBe(true)
    await unlink(join(opened.root, 'b-renamed.md'))
    await changesAfter(opened, 1)
    expect((await session.recreatePost('b-renamed.md', 'again\n')).ok).toBe(true)
    await sentinel(opened)
    expect(opened.diskChanges.filter((c) => c.type !== 'removed' && !('path' in c && c.path.startsWith('sentinel')))).toEqual([])
    expect(opened.diskChanges.filter((c) => c.type === 'removed')).toEqual([{ type: 'removed', path: 'b-renamed.md' }])
  })
})

describe('remembering Lemma\'s own writes', () => {
  it('consumes an expected hash and every older one, and nothing else', () => {
    const own = new OwnWrites()
    own.expect('a.md', 'h1')
    own.expect('a.md', 'h2')
    own.expect('a.md', 'h3')
    expect(own.consume('a.md', 'outside')).toBe(false)
    expect(own.consume('a.md', 'h2')).toBe(true)
    expect(own.consume('a.md', 'h1')).toBe(false)
    expect(own.consume('a.md', 'h3')).toBe(true)
    expect(own.isPending('a.md')).toBe(false)
  })

  it('withdraws a write that failed and follows a rename', () => {
    const own = new OwnWrites()
    own.expect('a.md', 'h1')
    own.withdraw('a.md', 'h1')
    expect(own.consume('a.md', 'h1')).toBe(false)
    own.expect('a.md', 'h2')
    own.rename('a.md', 'b.md')
    expect(own.consume('b.md', 'h2')).toBe(true)
  })
})
