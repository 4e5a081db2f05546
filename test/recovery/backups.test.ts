import { readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { BackupStore } from '../../src-main/recovery/backup-store'
import { VaultSession } from '../../src-main/services/vault-session'
import { sessionFixture } from './session-fixture'

const fixture = sessionFixture()
const POST = '---\ntitle: Backup\n---\n\nbody\n'

async function crashWithBackup() {
  const opened = await fixture.open({ 'post.md': POST })
  const read = await opened.session.readPost('post.md')
  if (!read.ok) throw new Error(read.message)
  const typed = `${POST}typed but never saved 未保存\n`
  expect(await opened.session.recovery.backup('post.md', typed, read.document.hash)).toEqual({ ok: true })
  // A crash: the session is dropped without saving; the next start opens a new one.
  const restarted = await VaultSession.open(opened.root, { onChange: () => {}, watch: false, parser: 'in-process', backups: await BackupStore.open(opened.backupDir) })
  await restarted.session.ready
  return { ...opened, typed, base: read.document, next: restarted.session }
}

describe('backups of unsaved edits', () => {
  it('lists a backup after a crash and restores it through the conflict check', async () => {
    const { next, root, typed } = await crashWithBackup()
    try {
      const listed = await next.recovery.list()
      expect(listed).toHaveLength(1)
      expect(listed[0]).toMatchObject({ path: 'post.md', length: typed.length })
      expect(await next.recovery.read(listed[0].id)).toMatchObject({ ok: true, text: typed })
      expect(await next.recovery.restore(listed[0].id)).toMatchObject({ ok: true })
      expect(await readFile(join(root, 'post.md'), 'utf8')).toBe(typed)
      expect(await next.recovery.list()).toEqual([])
    } finally {
      await next.close()
    }
  })

  it('gives a conflict with a merge when the post changed since the backup', async () => {
    const { next, root, typed } = await crashWithBackup()
    try {
      await writeFile(join(root, 'post.md'), POST.replace('title: Backup', 'title: Changed elsewhere'))
      const [entry] = await next.recovery.list()
      const restored = await next.recovery.restore(entry.id)
      expect(restored).toMatchObject({ ok: false, reason: 'conflict', merged: typed.replace('title: Backup', 'title: Changed elsewhere') })
      expect(await readFile(join(root, 'post.md'), 'utf8')).toBe(POST.replace('title: Backup', 'title: Changed elsewhere'))
      expect(await next.recovery.list()).toHaveLength(1)
    } finally {
      await next.close()
    }
  })

  it('says when the post is gone, and can be discarded', async () => {
    const { next, root } = await crashWithBackup()
    try {
      await rm(join(root, 'post.md'))
      const [entry] = await next.recovery.list()
      expect(await next.recovery.restore(entry.id)).toMatchObject({ ok: false, reason: 'missing' })
      expect(await next.recovery.discard(entry.id)).toEqual({ ok: true })
      expect(await next.recovery.list()).toEqual([])
      expect(await next.recovery.discard(entry.id)).toMatchObject({ ok: false, reason: 'missing' })
    } finally {
      await next.close()
    }
  })

  it('drops the backup once the post is saved, and keeps vaults apart', async () => {
    const opened = await fixture.open({ 'post.md': POST })
    const other = await fixture.open({ 'post.md': POST }, { backups: await BackupStore.open(opened.backupDir) })
    const read = await opened.session.readPost('post.md')
    if (!read.ok) throw new Error(read.message)
    await opened.session.recovery.backup('post.md', `${POST}x\n`, read.document.hash)
    await other.session.recovery.backup('post.md', `${POST}y\n`, read.document.hash)
    expect(await other.session.recovery.list()).toHaveLength(1)
    await opened.session.savePost('post.md', `${POST}x\n`, read.document.hash)
    expect(await opened.session.recovery.list()).toEqual([])
    expect(await other.session.recovery.list()).toHaveLength(1)
  })

  it('refuses ids that are not backup ids (renderer input is untrusted)', async () => {
    const { session } = await fixture.open({ 'post.md': POST })
    expect(await session.recovery.read('../../etc/passwd')).toMatchObject({ ok: false, reason: 'missing' })
    expect(await session.recovery.discard('../db')).toMatchObject({ ok: false })
  })

  it('cleans a backup write cut off by a crash at the next start', async () => {
    const { backupDir } = await fixture.open({})
    const name = `${'a'.repeat(32)}.json.123456789`
    await writeFile(join(backupDir, name), '{"version":1,"te')
    const old = new Date(Date.now() - 120_000)
    await utimes(join(backupDir, name), old, old)
    await BackupStore.open(backupDir)
    expect(await readdir(backupDir)).toEqual([])
  })
})
