import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { packListing, unpackListing } from '../../src-main/index-worker/packed-listing'
import { listInWorker, resolveWorkerEntry } from '../../src-main/index-worker/run-parse-workers'
import { walkMarkdownFilesBlocking } from '../../src-main/vault/walk'

const folders: string[] = []
afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true })
})

async function vault(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'lemma-packed-'))
  folders.push(root)
  for (const path of ['a.md', '数学/概率 论.md', 'deep/er/x y.markdown', 'notes.txt']) {
    await mkdir(join(root, path, '..'), { recursive: true })
    await writeFile(join(root, path), `# ${path}\n`)
  }
  return root
}

describe('packListing / unpackListing', () => {
  it('gives back exactly what the walk listed, absolute paths included', async () => {
    const root = await vault()
    const files = walkMarkdownFilesBlocking(root)
    expect(files.map((file) => file.relative).sort()).toEqual(['a.md', 'deep/er/x y.markdown', '数学/概率 论.md'])
    expect(unpackListing(root, packListing(files))).toEqual(files)
  })

  it('packs an empty folder', async () => {
    const root = await mkdtemp(join(tmpdir(), 'lemma-packed-empty-'))
    folders.push(root)
    expect(unpackListing(root, packListing(walkMarkdownFilesBlocking(root)))).toEqual([])
  })

  it('lists a folder through the index worker as the walk does in this thread', async () => {
    const root = await vault()
    const entry = resolveWorkerEntry()
    if (entry === null) throw new Error('No index worker entry (built or TypeScript with tsx) was found')
    expect(await listInWorker(root, entry)).toEqual(walkMarkdownFilesBlocking(root))
  })
})
