import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LocalHistory, folderOf } from '../../src-main/history/local-history'
import { hashBytes } from '../../src-main/vault/text-codec'
import { sessionFixture } from '../recovery/session-fixture'

const fixture = sessionFixture()
const POST = '---\ntitle: 历史 History\n---\n\nfirst line\nsecond line\n'

async function savedVersions(count: number) {
  const opened = await fixture.open({ 'post.md': POST })
  const read = await opened.session.readPost('post.md')
  if (!read.ok) throw new Error(read.message)
  let document = read.document
  for (let i = 1; i <= count; i++) {
    const saved = await opened.session.savePost('post.md', `${POST}version ${i}\n`, document.hash)
    if (!saved.ok) throw new Error(saved.message)
    document = saved.document
  }
  return { ...opened, document }
}

describe('local history', () => {
  it('keeps each saved version, and the original the first save replaced', async () => {
    const { session, document } = await savedVersions(3)
    const listed = await session.history.list('post.md')
    if (!listed.ok) throw new Error(listed.message)
    expect(listed.entries.map((e) => e.hash)).toEqual([
      document.hash,
      hashBytes(Buffer.from(`${POST}version 2\n`)),
      hashBytes(Buffer.from(`${POST}version 1\n`)),
      hashBytes(Buffer.from(POST)),
    ])
    const oldest = await session.history.read('post.md', listed.entries[3].id)
    expect(oldest).toMatchObject({ ok: true, text: POST })
  })

  it('diffs a version against the disk by lines', async () => {
    const { session } = await savedVersions(2)
    const listed = await session.history.list('post.md')
    if (!listed.ok) throw new Error(listed.message)
    const diff = await session.history.diff('post.md', listed.entries[1].id)
    expect(diff).toMatchObject({ ok: true, parts: [
      { type: 'same', lineCount: 6 },
      { type: 'removed', text: 'version 1\n', lineCount: 1 },
      { type: 'added', text: 'version 2\n', lineCount: 1 },
    ] })
  })

  it('restores a version through the conflict check', async () => {
    const { session, root, document } = await savedVersions(2)
    const listed = await session.history.list('post.md')
    if (!listed.ok) throw new Error(listed.message)
    const original = listed.entries.at(-1)!
    await writeFile(join(root, 'post.md'), `${POST}changed elsewhere\n`)
    expect(await session.history.restore('post.md', original.id, document.hash)).toMatchObject({ ok: false, reason: 'conflict' })
    const outside = hashBytes(Buffer.from(`${POST}changed elsewhere\n`))
    expect(await session.history.restore('post.md', original.id, outside)).toMatchObject({ ok: true })
    expect(await readFile(join(root, 'post.md'), 'utf8')).toBe(POST)
  })

  it('follows a post renamed through Lemma', async () => {
    const { session } = await savedVersions(1)
    expect((await session.renamePost('post.md', 'renamed')).ok).toBe(true)
    const listed = await session.history.list('renamed.md')
    expect(listed.ok && listed.entries).toHaveLength(2)
  })

  it('prunes to the size bound, oldest first, keeping each post\'s newest version', async () => {
    const { session, root } = await savedVersions(1)
    expect(await session.history.updateSettings({ maxAgeDays: 30, maxTotalMegabytes: 1 })).toMatchObject({ ok: true })
    const history = await LocalHistory.open(root)
    const big = (n: number) => Buffer.from(`${n}`.padEnd(300 * 1024, '.'))
    for (let i = 0; i < 6; i++) await history.snapshot('big.md', big(i), hashBytes(big(i)), Date.now() + i)
    expect(await history.totalBytes()).toBeLessThanOrEqual(1024 * 1024)
    const kept = await history.list('big.md')
    expect(kept[0].hash).toBe(hashBytes(big(5)))
    expect(kept.map((e) => e.hash)).not.toContain(hashBytes(big(0)))
    expect((await history.list('post.md')).length).toBeGreaterThanOrEqual(1)
    const files = await readdir(join(root, '.lemma', 'history', folderOf('big.md')))
    expect(files.filter((f) => f.endsWith('.md'))).toHaveLength(kept.length)
  })

  it('prunes versions older than the age bound, except the newest', async () => {
    const { root } = await fixture.open({})
    const history = await LocalHistory.open(root)
    const day = 24 * 60 * 60 * 1000
    const version = (n: number) => Buffer.from(`version ${n}`)
    await history.snapshot('a.md', version(1), hashBytes(version(1)), Date.now() - 40 * day)
    await history.snapshot('a.md', version(2), hashBytes(version(2)), Date.now() - 35 * day)
    await history.snapshot('b.md', version(3), hashBytes(version(3)), Date.now() - 90 * day)
    await history.snapshot('a.md', version(4), hashBytes(version(4)), Date.now())
    expect((await history.list('a.md')).map((e) => e.hash)).toEqual([hashBytes(version(4))])
    expect((await history.list('b.md')).map((e) => e.hash)).toEqual([hashBytes(version(3))])
  })

  it('does not store the same version twice in a row, and refuses settings out of range', async () => {
    const { session } = await savedVersions(0)
    const read = await session.readPost('post.md')
    if (!read.ok) throw new Error(read.message)
    await session.savePost('post.md', POST, read.document.hash)
    const listed = await session.history.list('post.md')
    expect(listed.ok && listed.entries.length).toBeLessThanOrEqual(1)
    expect(await session.history.updateSettings({ maxAgeDays: 0, maxTotalMegabytes: 200 })).toMatchObject({ ok: false })
    expect(session.history.settings()).toEqual({ maxAgeDays: 30, maxTotalMegabytes: 200 })
  })
})
