import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { applyRename, planRename, type PostStore } from '../../src-main/links/rename-links'
import { VaultSearch } from '../../src-main/search/vault-search'
import { failure } from '../../src-shared/model/results'
import { sessionFixture } from '../recovery/session-fixture'

const fixture = sessionFixture()
const searches: VaultSearch[] = []
afterEach(async () => {
  await Promise.all(searches.splice(0).map((search) => search.close()))
})

const FILES = {
  'ml/kl.md': '---\ntitle: KL散度\n---\n\nKL散度的定义。\n',
  'ml/diffusion.md': '# 扩散模型\n\n按文件名 [[kl]]，按标题 [[KL散度#定义|KL]]，\n路径 [[ml/kl.md|alias]] 与 [定义](kl.md#定义)。\n',
  'notes/a.md': '---\ntitle: A\n---\n\n[k](../ml/kl.md) and [[kl散度]]\n\n```\n[[kl]]\n```\n',
  'notes/unrelated.md': '# Unrelated\n\n[[Other]]\n',
}

async function open(files: Record<string, string> = FILES) {
  const opened = await fixture.open(files)
  const search = new VaultSearch({ root: opened.root, worker: null })
  searches.push(search)
  await search.start(opened.session.listPosts())
  // Keep the graph current as a real session would, through its announced changes.
  const follow = async () => { for (const change of opened.changes.splice(0)) await search.applyVaultChange(change) }
  return { ...opened, search, graph: search.links(), follow }
}

const read = (root: string, path: string) => readFile(join(root, path), 'utf8')

describe('renaming a post updates the links to it', () => {
  it('plans the file-name links and relative paths, leaving title links and code alone', async () => {
    const { session, graph } = await open()
    const planned = await planRename(session, graph, 'ml/kl.md', { type: 'file-name', name: 'kl-divergence' })
    if (!planned.ok) throw new Error(planned.message)
    const { plan } = planned
    expect(plan.newPath).toBe('ml/kl-divergence.md')
    expect(plan.files.map((file) => [file.path, file.edits.map((edit) => `${edit.before} → ${edit.after}`)])).toEqual([
      ['ml/diffusion.md', ['kl → kl-divergence', 'ml/kl.md → ml/kl-divergence.md', 'kl.md → kl-divergence.md']],
      ['notes/a.md', ['../ml/kl.md → ../ml/kl-divergence.md']],
    ])
    expect(plan.linkCount).toBe(4)
  })

  it('applies a file-name rename across files and renames the post', async () => {
    const { root, session, graph, follow, search } = await open()
    const planned = await planRename(session, graph, 'ml/kl.md', { type: 'file-name', name: 'kl-divergence' })
    if (!planned.ok) throw new Error(planned.message)
    const applied = await applyRename(session, graph, planned.plan)
    expect(applied).toEqual({ ok: true, updated: ['ml/diffusion.md', 'notes/a.md'], path: 'ml/kl-divergence.md' })
    expect(await read(root, 'ml/diffusion.md')).toBe('# 扩散模型\n\n按文件名 [[kl-divergence]]，按标题 [[KL散度#定义|KL]]，\n路径 [[ml/kl-divergence.md|alias]] 与 [定义](kl-divergence.md#定义)。\n')
    expect(await read(root, 'notes/a.md')).toBe('---\ntitle: A\n---\n\n[k](../ml/kl-divergence.md) and [[kl散度]]\n\n```\n[[kl]]\n```\n')
    await follow()
    expect(graph.backlinks('ml/kl-divergence.md').map((link) => link.sourcePath)).toEqual(['ml/diffusion.md', 'ml/diffusion.md', 'ml/diffusion.md', 'ml/diffusion.md', 'notes/a.md', 'notes/a.md'])
    expect(graph.unresolved()).toEqual([expect.objectContaining({ target: 'Other' })])
    expect((await search.query('kl-divergence')).hits.map((hit) => hit.path)).toContain('ml/diffusion.md')
  })

  it('rewrites title links after a retitle, keeping headings and aliases', async () => {
    const { root, session, graph } = await open()
    const planned = await planRename(session, graph, 'ml/kl.md', { type: 'title', oldTitle: 'KL散度', newTitle: 'KL 散度' })
    if (!planned.ok) throw new Error(planned.message)
    expect(planned.plan.linkCount).toBe(2)
    const applied = await applyRename(session, graph, planned.plan)
    expect(applied.ok).toBe(true)
    expect(await read(root, 'ml/diffusion.md')).toContain('按标题 [[KL 散度#定义|KL]]，')
    expect(await read(root, 'ml/diffusion.md')).toContain('按文件名 [[kl]]')
    expect(await read(root, 'notes/a.md')).toContain('and [[KL 散度]]')
  })

  it('refuses a plan that no longer matches the files, changing nothing', async () => {
    const { root, session, graph } = await open()
    const planned = await planRename(session, graph, 'ml/kl.md', { type: 'file-name', name: 'kl-divergence' })
    if (!planned.ok) throw new Error(planned.message)
    await writeFile(join(root, 'notes/a.md'), '[k](../ml/kl.md) edited elsewhere\n')
    const applied = await applyRename(session, graph, planned.plan)
    expect(applied).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await read(root, 'ml/diffusion.md')).toBe(FILES['ml/diffusion.md'])
    expect(await read(root, 'ml/kl.md')).toBe(FILES['ml/kl.md'])
  })

  it('refuses a forged plan', async () => {
    const { root, session, graph } = await open()
    const planned = await planRename(session, graph, 'ml/kl.md', { type: 'file-name', name: 'kl-divergence' })
    if (!planned.ok) throw new Error(planned.message)
    const forged = structuredClone(planned.plan)
    forged.files[0].edits[0].after = 'anything I like'
    expect(await applyRename(session, graph, forged)).toMatchObject({ ok: false, reason: 'conflict' })
    expect(await read(root, 'ml/diffusion.md')).toBe(FILES['ml/diffusion.md'])
  })

  it('rolls back the files already updated when a later write fails', async () => {
    const { root, session, graph } = await open()
    let saves = 0
    const failing: PostStore = {
      readPost: (path) => session.readPost(path),
      savePost: async (path, text, baseHash) => (++saves === 2 ? failure('io-error', 'The disk is full') : session.savePost(path, text, baseHash)),
      renamePost: (path, name) => session.renamePost(path, name),
    }
    const planned = await planRename(failing, graph, 'ml/kl.md', { type: 'file-name', name: 'kl-divergence' })
    if (!planned.ok) throw new Error(planned.message)
    const applied = await applyRename(failing, graph, planned.plan)
    expect(applied).toMatchObject({ ok: false, reason: 'io-error' })
    if (!applied.ok) expect(applied.message).toMatch(/restored; nothing was changed/)
    expect(await read(root, 'ml/diffusion.md')).toBe(FILES['ml/diffusion.md'])
    expect(await read(root, 'notes/a.md')).toBe(FILES['notes/a.md'])
    expect(await read(root, 'ml/kl.md')).toBe(FILES['ml/kl.md'])
  })

  it('refuses to plan a file name another post has', async () => {
    const { session, graph } = await open({ ...FILES, 'ml/KL-Divergence.md': '# taken\n' })
    expect(await planRename(session, graph, 'ml/kl.md', { type: 'file-name', name: 'kl-divergence' })).toMatchObject({ ok: false, reason: 'exists' })
  })

  it('rolls back the link edits when the rename itself fails', async () => {
    const { root, session, graph } = await open()
    const failing: PostStore = {
      readPost: (path) => session.readPost(path),
      savePost: (path, text, baseHash) => session.savePost(path, text, baseHash),
      renamePost: async () => failure('io-error', 'The folder is read-only'),
    }
    const planned = await planRename(failing, graph, 'ml/kl.md', { type: 'file-name', name: 'kl-divergence' })
    if (!planned.ok) throw new Error(planned.message)
    const applied = await applyRename(failing, graph, planned.plan)
    expect(applied).toMatchObject({ ok: false, reason: 'io-error' })
    expect(await read(root, 'ml/diffusion.md')).toBe(FILES['ml/diffusion.md'])
    expect(await read(root, 'notes/a.md')).toBe(FILES['notes/a.md'])
    expect(await read(root, 'ml/kl.md')).toBe(FILES['ml/kl.md'])
  })
})
