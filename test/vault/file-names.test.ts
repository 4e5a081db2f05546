import { describe, expect, it } from 'vitest'
import { fileNameFromTitle, truncateUtf8, uniqueFileName, validateFileName } from '../../src-main/vault/file-names'
import { tempFolders, writeFiles } from './temp-folder'

const temp = tempFolders()
const bytes = (text: string) => Buffer.byteLength(text, 'utf8')

describe('fileNameFromTitle', () => {
  it.each([
    ['Two Pointers', 'Two Pointers.md'],
    ['概率论笔记：条件期望', '概率论笔记：条件期望.md'],
    ['a/b\\c<d>e:f"g|h?i*j', 'a-b-c-d-e-f-g-h-i-j.md'],
    ['  ...Hidden title...  ', 'Hidden title.md'],
    ['many   spaces\tand\nbreaks', 'many spaces and breaks.md'],
    ['CON', 'CON-.md'],
    ['con.txt', 'con-.txt.md'],
    ['Aux', 'Aux-.md'],
    ['', 'untitled.md'],
    ['...', 'untitled.md'],
    ['a\u0000b\u0007c', 'abc.md'],
    ['evil\u202eexe.md', 'evilexe.md.md'],
    ['Cafe\u0301', 'Café.md'],
    ['emoji 📐 ok', 'emoji 📐 ok.md'],
  ])('turns %j into %j', (title, expected) => {
    expect(fileNameFromTitle(title)).toBe(expected)
  })

  it('keeps a long Chinese title Chinese, within 255 bytes, NFC and valid UTF-8', () => {
    const title = '随机过程中的鞅论与停时定理及其在金融数学中的应用'.repeat(6)
    expect(title.length).toBeGreaterThan(100)
    const name = fileNameFromTitle(title)
    expect(name.endsWith('.md')).toBe(true)
    expect(bytes(name)).toBeLessThanOrEqual(255)
    expect(bytes(name)).toBeGreaterThan(249)
    expect(name.normalize('NFC')).toBe(name)
    expect(Buffer.from(name, 'utf8').toString('utf8')).toBe(name)
    expect(title.startsWith(name.slice(0, -3))).toBe(true)
  })

  it('never splits a surrogate pair when cutting', () => {
    const name = fileNameFromTitle('a' + '𝔼'.repeat(100))
    expect(bytes(name)).toBeLessThanOrEqual(255)
    expect(name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/)
    expect(name.slice(0, -3)).toBe('a' + '𝔼'.repeat(62))
  })

  it('trims a space left at the cut point', () => {
    const name = fileNameFromTitle('x'.repeat(251) + ' tail')
    expect(name).toBe('x'.repeat(251) + '.md')
  })
})

describe('truncateUtf8', () => {
  it.each([
    ['abc', 2, 'ab'],
    ['数学', 5, '数'],
    ['数学', 6, '数学'],
    ['a😀b', 4, 'a'],
    ['a😀b', 5, 'a😀'],
  ])('cuts %j to %i bytes as %j', (text, max, expected) => {
    expect(truncateUtf8(text, max)).toBe(expected)
  })
})

describe('uniqueFileName', () => {
  it('keeps a free name', async () => {
    const dir = await temp.make()
    expect(await uniqueFileName(dir, 'note.md')).toBe('note.md')
  })

  it.each([
    ['the same name', ['Note.md'], 'Note.md', 'Note 2.md'],
    ['a name differing only in case', ['NOTE.md'], 'note.md', 'note 2.md'],
    ['names up to 3', ['a.md', 'A 2.md', 'a 3.MD'], 'a.md', 'a 4.md'],
    ['an NFD spelling of the name', ['Cafe\u0301.md'], 'Café.md', 'Café 2.md'],
  ])('appends a number after %s', async (_name, existing, wanted, expected) => {
    const dir = await temp.make()
    await writeFiles(dir, Object.fromEntries(existing.map((name) => [name, ''])))
    expect(await uniqueFileName(dir, wanted)).toBe(expected)
  })

  it('stays within 255 bytes when the name is already at the limit', async () => {
    const dir = await temp.make()
    const full = fileNameFromTitle('长'.repeat(200))
    await writeFiles(dir, { [full]: '' })
    const unique = await uniqueFileName(dir, full)
    expect(unique.endsWith(' 2.md')).toBe(true)
    expect(bytes(unique)).toBeLessThanOrEqual(255)
  })

  it('treats a missing folder as empty', async () => {
    const dir = await temp.make()
    expect(await uniqueFileName(`${dir}/missing`, 'a.md')).toBe('a.md')
  })
})

describe('validateFileName', () => {
  it.each([
    ['new name', 'new name.md'],
    ['notes.md', 'notes.md'],
    ['notes.MARKDOWN', 'notes.MARKDOWN'],
    ['  padded  ', 'padded.md'],
    ['v1.2', 'v1.2.md'],
    ['Cafe\u0301', 'Café.md'],
    ['笔记', '笔记.md'],
  ])('accepts %j as %j', (input, name) => {
    expect(validateFileName(input)).toEqual({ ok: true, name })
  })

  it.each([
    ['', 'cannot be empty'],
    ['   ', 'cannot be empty'],
    ['a:b', 'File names cannot contain : (reserved on Windows)'],
    ['a/b', 'File names cannot contain / (it separates folders)'],
    ['a\\b', 'File names cannot contain \\ (it separates folders)'],
    ['what?', 'File names cannot contain ?'],
    ['say "hi"', 'File names cannot contain "'],
    ['line\nbreak', 'control characters'],
    ['CON', 'CON is a reserved device name'],
    ['lpt1.md', 'LPT1 is a reserved device name'],
    ['.hidden', 'cannot start with a dot'],
    ['..', 'cannot start with a dot'],
    ['长'.repeat(90), 'at most 255 bytes'],
  ])('refuses %j', (input, message) => {
    const result = validateFileName(input)
    expect(result).toMatchObject({ ok: false, reason: 'invalid-name' })
    expect(result.ok === false && result.message).toContain(message)
  })
})
