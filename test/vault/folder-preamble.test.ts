import { mkdir, symlink, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { MAX_PREAMBLE_BYTES, readFolderPreamble } from '../../src-main/vault/folder-preamble'
import { tempFolders, writeFiles } from './temp-folder'

const temp = tempFolders()

describe('readFolderPreamble', () => {
  it('reads .lemma/macros.tex with a BOM removed and CRLF normalised', async () => {
    const root = await temp.make()
    await writeFiles(root, { '.lemma/macros.tex': '\uFEFF\\newcommand{\\E}{\\mathbb{E}}\r\n\\newcommand{\\dd}{\\mathrm{d}}\r\n' })
    expect(await readFolderPreamble(root)).toBe('\\newcommand{\\E}{\\mathbb{E}}\n\\newcommand{\\dd}{\\mathrm{d}}\n')
  })

  it('is empty without a preamble, for a folder in its place, and when it is too large', async () => {
    const root = await temp.make()
    expect(await readFolderPreamble(root)).toBe('')
    await mkdir(path.join(root, '.lemma', 'macros.tex'), { recursive: true })
    expect(await readFolderPreamble(root)).toBe('')
    const big = await temp.make()
    await writeFiles(big, { '.lemma/macros.tex': '%'.repeat(MAX_PREAMBLE_BYTES + 1) })
    expect(await readFolderPreamble(big)).toBe('')
  })

  it('refuses a preamble linked from outside the vault', async () => {
    const root = await temp.make()
    const outside = await temp.make()
    await writeFile(path.join(outside, 'macros.tex'), '\\def\\secret{1}')
    await mkdir(path.join(root, '.lemma'))
    await symlink(path.join(outside, 'macros.tex'), path.join(root, '.lemma', 'macros.tex'))
    expect(await readFolderPreamble(root)).toBe('')
  })
})
