import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileReader } from '../../src-main/index-worker/file-reader'

const folders: string[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

/** Bytes of `length` that differ from file to file (`seed`), so a stale buffer shows. */
function content(length: number, seed: number): Buffer {
  const bytes = Buffer.alloc(length)
  for (let i = 0; i < length; i++) bytes[i] = (i * 31 + seed) & 0xff
  return bytes
}

describe('createFileReader', () => {
  it('reads whole files of every size around its buffer, growing it and shrinking it back', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'lemma-reader-'))
    folders.push(folder)
    const read = createFileReader()
    const sizes = [0, 1, 12_000, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 3 * 1024 * 1024 + 7, 17 * 1024 * 1024, 5, 2 * 1024 * 1024]
    for (const [index, size] of sizes.entries()) {
      const file = join(folder, `${index}.md`)
      const expected = content(size, index)
      await writeFile(file, expected)
      expect(read(file).equals(expected), `${size} bytes`).toBe(true)
    }
  })

  it('throws like readFileSync for a missing file or a folder', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'lemma-reader-'))
    folders.push(folder)
    const read = createFileReader()
    expect(() => read(join(folder, 'missing.md'))).toThrow(/ENOENT/)
    expect(() => read(folder)).toThrow(/EISDIR/)
  })
})
