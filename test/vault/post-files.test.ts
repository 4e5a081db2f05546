import { chmod, mkdir, readdir, readFile, stat, symlink, utimes, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parsePost } from '../../src-main/vault/front-matter'
import { ioFailure } from '../../src-main/vault/io-failure'
import { createPostFile, deletePostFile, readPostFile, renamePostFile, writePostFile } from '../../src-main/vault/post-files'
import { hashBytes } from '../../src-main/vault/text-codec'
import { tempFolders, writeFiles } from './temp-folder'

const temp = tempFolders()
const BOM = '\ufeff'
const OLD = new Date('2020-01-01T00:00:00Z')

async function vaultWith(files: Record<string, string | Buffer>): Promise<string> {
  const root = await temp.make()
  await writeFiles(root, files)
  return root
}

describe('readPostFile', () => {
  it('reads text, line ending, BOM, hash and times', async () => {
    const bytes = Buffer.from(`${BOM}# 标题\r\n正文\r\n`)
    const root = await vaultWith({ 'notes/a.md': bytes })
    const read = await readPostFile(root, 'notes\\a.md')
    expect(read).toMatchObject({
      ok: true,
      text: '# 标题\n正文\n',
      lineEnding: '\r\n',
      hasBom: true,
      isUtf8: true,
      hash: hashBytes(bytes),
      size: bytes.length,
      relative: 'notes/a.md',
    })
  })

  it.each([
    ['a missing file', 'nope.md', 'missing'],
    ['a path outside the vault', '../x.md', 'outside-vault'],
    ['a file that is not Markdown', 'image.png', 'invalid-name'],
    ['a folder named like a post', 'folder.md', 'io-error'],
  ])('fails on %s', async (_name, relPath, reason) => {
    const root = await vaultWith({ 'image.png': 'x', 'folder.md/inner.md': 'x' })
    expect(await readPostFile(root, relPath)).toMatchObject({ ok: false, reason })
  })
})

describe('writePostFile', () => {
  it.each([
    ['LF without BOM', 'a\nb\n'],
    ['CRLF with BOM', `${BOM}a\r\nb\r\n`],
    ['CRLF without BOM', 'x\r\ny'],
  ])('saves unchanged %s text without touching bytes or mtime', async (_name, content) => {
    const root = await vaultWith({ 'a.md': content })
    const absolute = path.join(root, 'a.md')
    await utimes(absolute, OLD, OLD)
    const read = await readPostFile(root, 'a.md')
    if (!read.ok) throw new Error(read.message)
    const written = await writePostFile(root, 'a.md', read.text, { ...read, expectedHash: read.hash })
    expect(written).toMatchObject({ ok: true, isUnchanged: true, hash: read.hash })
    expect((await readFile(absolute)).equals(Buffer.from(content))).toBe(true)
    expect((await stat(absolute)).mtimeMs).toBe(OLD.getTime())
  })

  it('leaves a file with mixed line endings alone when the text is unchanged', async () => {
    const content = 'a\r\nb\r\nc\n'
    const root = await vaultWith({ 'a.md': content })
    const read = await readPostFile(root, 'a.md')
    if (!read.ok) throw new Error(read.message)
    const written = await writePostFile(root, 'a.md', read.text, { ...read, expectedHash: read.hash })
    expect(written).toMatchObject({ ok: true, isUnchanged: true })
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe(content)
  })

  it('keeps CRLF and the BOM when the text changes', async () => {
    const root = await vaultWith({ 'a.md': `${BOM}one\r\ntwo\r\n` })
    const read = await readPostFile(root, 'a.md')
    if (!read.ok) throw new Error(read.message)
    const written = await writePostFile(root, 'a.md', 'one\ntwo\nthree 三\n', { ...read, expectedHash: read.hash })
    const bytes = await readFile(path.join(root, 'a.md'))
    expect(bytes.equals(Buffer.from(`${BOM}one\r\ntwo\r\nthree 三\r\n`))).toBe(true)
    expect(written).toMatchObject({ ok: true, isUnchanged: false, hash: hashBytes(bytes), size: bytes.length })
  })

  it('refuses with a conflict when the file changed on disk, and writes nothing', async () => {
    const root = await vaultWith({ 'a.md': 'original' })
    const read = await readPostFile(root, 'a.md')
    if (!read.ok) throw new Error(read.message)
    await writeFile(path.join(root, 'a.md'), 'changed elsewhere')
    const written = await writePostFile(root, 'a.md', 'mine', { ...read, expectedHash: read.hash })
    expect(written).toEqual({ ok: false, reason: 'conflict', message: 'The file changed on disk since you opened it' })
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('changed elsewhere')
  })

  it('refuses with a conflict when the file was deleted since it was opened', async () => {
    const root = await temp.make()
    const written = await writePostFile(root, 'gone.md', 'text', { lineEnding: '\n', hasBom: false, expectedHash: 'abc' })
    expect(written).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await readdir(root)).toEqual([])
  })

  it('writes without a check when expectedHash is null', async () => {
    const root = await vaultWith({ 'a.md': 'old' })
    const written = await writePostFile(root, 'a.md', 'new', { lineEnding: '\n', hasBom: false, expectedHash: null })
    expect(written).toMatchObject({ ok: true, isUnchanged: false })
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('new')
  })

  it('keeps the file mode', async () => {
    const root = await vaultWith({ 'a.md': 'old' })
    await chmod(path.join(root, 'a.md'), 0o600)
    await writePostFile(root, 'a.md', 'new', { lineEnding: '\n', hasBom: false, expectedHash: null })
    expect((await stat(path.join(root, 'a.md'))).mode & 0o777).toBe(0o600)
  })

  it('refuses to overwrite a file that is not UTF-8', async () => {
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3])
    const root = await vaultWith({ 'gbk.md': gbk })
    const written = await writePostFile(root, 'gbk.md', 'edited', { lineEnding: '\n', hasBom: false, expectedHash: hashBytes(gbk) })
    expect(written).toMatchObject({ ok: false, reason: 'io-error' })
    expect((await readFile(path.join(root, 'gbk.md'))).equals(gbk)).toBe(true)
  })

  it('refuses a path through a link that leads outside the vault', async () => {
    const outside = await temp.make()
    const root = await temp.make()
    await writeFile(path.join(outside, 'target.md'), 'safe')
    await symlink(path.join(outside, 'target.md'), path.join(root, 'link.md'))
    const written = await writePostFile(root, 'link.md', 'pwned', { lineEnding: '\n', hasBom: false, expectedHash: null })
    expect(written).toMatchObject({ ok: false, reason: 'outside-vault' })
    expect(await readFile(path.join(outside, 'target.md'), 'utf8')).toBe('safe')
  })

  it('leaves no temporary file behind when a save fails', async () => {
    const root = await temp.make()
    await mkdir(path.join(root, 'dir.md'))
    const written = await writePostFile(root, 'dir.md', 'text', { lineEnding: '\n', hasBom: false, expectedHash: null })
    expect(written).toMatchObject({ ok: false })
    expect(await readdir(root)).toEqual(['dir.md'])
  })
})

describe('createPostFile', () => {
  it('creates a post with a front-matter template in a new folder', async () => {
    const root = await temp.make()
    const created = await createPostFile(root, '数学/概率', '条件期望')
    expect(created).toMatchObject({ ok: true, relative: '数学/概率/条件期望.md', lineEnding: '\n', hasBom: false })
    const text = await readFile(path.join(root, '数学', '概率', '条件期望.md'), 'utf8')
    expect(text).toMatch(/^---\ntitle: "条件期望"\ndate: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d\ncategories: \[\]\ntags: \[\]\n---\n\n$/)
    expect(created.ok && created.hash).toBe(hashBytes(Buffer.from(text)))
  })

  it.each([
    ['quotes and backslashes', 'He said "hi" \\ bye'],
    ['YAML syntax', 'key: value # not a comment'],
    ['a fence', '---'],
    ['a leading dash and brackets', '- [x] {a}'],
    ['Unicode line separators', 'a\u2028b\u0085c'],
    ['emoji and Chinese', '📐 几何 & Geometry'],
  ])('writes a title with %s that parses back unchanged', async (_name, title) => {
    const root = await temp.make()
    const created = await createPostFile(root, '', title)
    if (!created.ok) throw new Error(created.message)
    const parsed = parsePost(created.text, { relPath: created.relative, birthtimeMs: 1, mtimeMs: 1 })
    expect(parsed.warnings).toEqual([])
    expect(parsed.title).toBe(title.replace(/\s+/g, ' ').trim())
  })

  it('gives a colliding title a numbered name, ignoring case', async () => {
    const root = await vaultWith({ 'NOTE.md': 'existing' })
    expect(await createPostFile(root, '', 'note')).toMatchObject({ ok: true, relative: 'note 2.md' })
    expect(await readFile(path.join(root, 'NOTE.md'), 'utf8')).toBe('existing')
  })

  it('uses a given template as it is', async () => {
    const root = await temp.make()
    const created = await createPostFile(root, '', 'T', '# {{ title }}\n')
    expect(created).toMatchObject({ ok: true, text: '# {{ title }}\n' })
  })

  it.each([
    ['outside the vault', '../elsewhere', 'outside-vault'],
    ['in a folder with a reserved name', 'aux', 'invalid-name'],
  ])('refuses a folder %s', async (_name, folder, reason) => {
    const root = await temp.make()
    expect(await createPostFile(root, folder, 'x')).toMatchObject({ ok: false, reason })
  })

  it('refuses a folder path that is a file', async () => {
    const root = await vaultWith({ notes: 'a file' })
    expect(await createPostFile(root, 'notes', 'x')).toMatchObject({ ok: false, reason: 'io-error' })
  })
})

describe('renamePostFile', () => {
  it('renames within the folder and adds .md', async () => {
    const root = await vaultWith({ 'a/old.md': 'x' })
    expect(await renamePostFile(root, 'a/old.md', '新名字')).toEqual({ ok: true, relative: 'a/新名字.md' })
    expect(await readdir(path.join(root, 'a'))).toEqual(['新名字.md'])
  })

  it('changes only the case of a name', async () => {
    const root = await vaultWith({ 'note.md': 'x' })
    expect(await renamePostFile(root, 'note.md', 'Note.md')).toEqual({ ok: true, relative: 'Note.md' })
    expect(await readdir(root)).toEqual(['Note.md'])
  })

  it('is a no-op for the same name', async () => {
    const root = await vaultWith({ 'note.md': 'x' })
    expect(await renamePostFile(root, 'note.md', 'note')).toEqual({ ok: true, relative: 'note.md' })
  })

  it.each([
    ['the same name', 'taken.md'],
    ['a name differing only in case', 'TAKEN'],
    ['an NFD spelling', 'Cafe\u0301'],
  ])('refuses a target that exists as %s', async (_name, newName) => {
    const root = await vaultWith({ 'a.md': 'a', 'taken.md': 't', 'Café.md': 'c' })
    expect(await renamePostFile(root, 'a.md', newName)).toMatchObject({ ok: false, reason: 'exists' })
    expect(await readFile(path.join(root, 'a.md'), 'utf8')).toBe('a')
  })

  it.each([
    ['a reserved character', 'a:b', 'File names cannot contain : (reserved on Windows)'],
    ['a device name', 'PRN', 'PRN is a reserved device name'],
    ['a folder separator', 'x/y', 'it separates folders'],
  ])('refuses a new name with %s', async (_name, newName, message) => {
    const root = await vaultWith({ 'a.md': 'a' })
    const renamed = await renamePostFile(root, 'a.md', newName)
    expect(renamed).toMatchObject({ ok: false, reason: 'invalid-name' })
    expect(renamed.ok === false && renamed.message).toContain(message)
  })

  it('reports a missing source', async () => {
    const root = await temp.make()
    expect(await renamePostFile(root, 'gone.md', 'new')).toMatchObject({ ok: false, reason: 'missing' })
  })
})

describe('deletePostFile', () => {
  it('hands the absolute path to the trash function', async () => {
    const root = await vaultWith({ 'a/b.md': 'x' })
    const trashed: string[] = []
    const deleted = await deletePostFile(root, 'a/b.md', async (absolute) => {
      trashed.push(absolute)
    })
    expect(deleted).toEqual({ ok: true })
    expect(trashed).toEqual([path.join(root, 'a', 'b.md')])
  })

  it.each([
    ['a missing file', 'gone.md', 'missing'],
    ['a path outside the vault', '../../etc/passwd.md', 'outside-vault'],
    ['a folder', 'dir.md', 'io-error'],
    ['a non-Markdown file', 'a/b.txt', 'invalid-name'],
  ])('refuses %s without calling the trash', async (_name, relPath, reason) => {
    const root = await vaultWith({ 'dir.md/x.md': 'x', 'a/b.txt': 'x' })
    let called = false
    const deleted = await deletePostFile(root, relPath, async () => {
      called = true
    })
    expect(deleted).toMatchObject({ ok: false, reason })
    expect(called).toBe(false)
  })

  it('reports a trash that refuses', async () => {
    const root = await vaultWith({ 'a.md': 'x' })
    const deleted = await deletePostFile(root, 'a.md', async () => {
      throw new Error('Trash is not available')
    })
    expect(deleted).toMatchObject({ ok: false, reason: 'io-error', message: expect.stringContaining('Trash is not available') })
  })
})

describe('ioFailure', () => {
  it.each([
    ['ENOENT', 'missing', 'does not exist'],
    ['EACCES', 'io-error', 'read-only'],
    ['EPERM', 'io-error', 'read-only'],
    ['EROFS', 'io-error', 'read-only'],
    ['ENOSPC', 'io-error', 'The disk is full'],
    ['EBUSY', 'io-error', 'another program'],
    ['ENAMETOOLONG', 'invalid-name', 'too long'],
    ['EWHATEVER', 'io-error', 'Could not save "a.md": boom'],
  ])('turns %s into %s', (code, reason, message) => {
    const error = Object.assign(new Error('boom'), { code })
    const result = ioFailure(error, 'a.md', 'save')
    expect(result).toMatchObject({ ok: false, reason })
    expect(result.message).toContain(message)
  })
})
