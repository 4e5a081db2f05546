import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SEARCH_INDEX_FILE, VaultSearch, type VaultSearchOptions } from '../../src-main/search/vault-search'
import type { SearchResponse } from '../../src-shared/search/search-types'
import { tempFolders, writeFiles } from '../vault/temp-folder'
import { vaultPosts } from './vault-posts'

const folders = tempFolders()
const opened: VaultSearch[] = []
afterEach(async () => {
  await Promise.all(opened.splice(0).map((search) => search.close()))
})

const POSTS: Record<string, string> = {
  'ml/diffusion.md': '---\ntitle: 扩散模型的直观解释\ndate: 2024-03-01\ncategories: [机器学习, 生成模型]\ntags: [扩散模型, ml/generative]\n---\n\n扩散模型的核心思想是逐步加噪。\n\n$$\\nabla_x \\log p_t(x) \\approx s_\\theta(x, t)$$\n\n相关笔记：[[KL散度]]。\n',
  'ml/kl.md': '---\ntitle: KL散度\ndate: 2023-05-01\ncategories: [数学, 概率论]\ntags: [信息论]\n---\n\nKL散度衡量两个分布的差异，$D_{\\mathrm{KL}}(q \\| p) \\ge 0$。The gradient of the loss is easy.\n',
  'notes/gradient.md': '---\ntitle: Gradient descent notes\ndate: 2022-01-01\ncategories: [数学]\ntags: [优化]\n---\n\nWith gradient descent, each step follows the negative direction of the gradient.\nA sliding window keeps the last items. 模型的核心在于梯度。\n',
  'notes/plain.md': '# 没有前言的笔记\n\nThe chain rule and the slidingWindow helper. x_i 与 \\alpha 相乘。\n',
}

async function openVault(files = POSTS, options: Partial<VaultSearchOptions> = {}): Promise<{ root: string; search: VaultSearch }> {
  const root = await folders.make()
  await writeFiles(root, files)
  const search = new VaultSearch({ root, worker: null, ...options })
  opened.push(search)
  await search.start(await vaultPosts(root))
  return { root, search }
}

const paths = (response: SearchResponse) => response.hits.map((hit) => hit.path)

describe('full-text search', () => {
  it('finds Chinese substrings across word boundaries, English prefixes, mixed terms and formulas', async () => {
    const { search } = await openVault()
    expect(paths(await search.query('型的核'))).toEqual(expect.arrayContaining(['ml/diffusion.md', 'notes/gradient.md']))
    expect(paths(await search.query('gradi')).sort()).toEqual(['ml/kl.md', 'notes/gradient.md'])
    expect(paths(await search.query('KL散度'))).toEqual(expect.arrayContaining(['ml/kl.md', 'ml/diffusion.md']))
    expect(paths(await search.query('\\nabla'))).toEqual(['ml/diffusion.md'])
    expect(paths(await search.query('\\mathrm{KL}'))).toEqual(['ml/kl.md'])
    expect(paths(await search.query('window'))).toEqual(expect.arrayContaining(['notes/gradient.md', 'notes/plain.md']))
  })

  it('ANDs terms', async () => {
    const { search } = await openVault()
    expect(paths(await search.query('梯度 gradient'))).toEqual(['notes/gradient.md'])
    expect((await search.query('扩散 gradient')).total).toBe(0)
  })

  it('ranks title matches above body matches', async () => {
    const { search } = await openVault()
    expect(paths(await search.query('gradient'))[0]).toBe('notes/gradient.md')
    expect(paths(await search.query('KL散度'))[0]).toBe('ml/kl.md')
  })

  it('matches quoted phrases exactly, ignoring case', async () => {
    const { search } = await openVault()
    expect(paths(await search.query('"The Chain rule"'))).toEqual(['notes/plain.md'])
    expect((await search.query('"rule chain"')).total).toBe(0)
    expect(paths(await search.query('"negative direction"'))).toEqual(['notes/gradient.md'])
    expect(paths(await search.query('"模型的核心"')).sort()).toEqual(['ml/diffusion.md', 'notes/gradient.md'])
    expect(paths(await search.query('"型的核心在于"'))).toEqual(['notes/gradient.md'])
  })

  it('remembers phrase checks only until the index changes', async () => {
    // plain.md has every bigram of the phrase, not the phrase: a candidate that fails the check.
    const { root, search } = await openVault({ ...POSTS, 'notes/plain.md': '# 笔记\n\n的核心，模型的。\n' })
    const phrase = '"模型的核心"'
    for (let run = 0; run < 2; run++) expect(paths(await search.query(phrase)).sort()).toEqual(['ml/diffusion.md', 'notes/gradient.md'])
    const metas = await vaultPosts(root)
    const plain = metas.find((post) => post.path === 'notes/plain.md')!
    await writeFile(join(root, 'notes/plain.md'), '# 笔记\n\n模型的核心思想。\n')
    search.indexPost(plain, '# 笔记\n\n模型的核心思想。\n')
    expect(paths(await search.query(phrase)).sort()).toEqual(['ml/diffusion.md', 'notes/gradient.md', 'notes/plain.md'])
    await writeFile(join(root, 'notes/plain.md'), '# 笔记\n\n的核心，模型的。\n')
    search.indexPost(plain, '# 笔记\n\n的核心，模型的。\n')
    search.removePost('ml/diffusion.md')
    expect((await search.matchingPaths(phrase)).sort()).toEqual(['notes/gradient.md'])
  })

  it('checks a clause of symbols only in the text', async () => {
    const { search } = await openVault()
    expect(paths(await search.query('\\|')).sort()).toEqual(['ml/kl.md'])
  })

  it('filters by tag, category and folder', async () => {
    const { search } = await openVault()
    expect(paths(await search.query('tag:优化'))).toEqual(['notes/gradient.md'])
    expect(paths(await search.query('tag:ml'))).toEqual(['ml/diffusion.md'])
    expect(paths(await search.query('category:数学')).sort()).toEqual(['ml/kl.md', 'notes/gradient.md'])
    expect(paths(await search.query('category:概率论'))).toEqual(['ml/kl.md'])
    expect(paths(await search.query('category:数学/概率论'))).toEqual(['ml/kl.md'])
    expect(paths(await search.query('gradient in:notes'))).toEqual(['notes/gradient.md'])
    expect(paths(await search.query('in:ML')).sort()).toEqual(['ml/diffusion.md', 'ml/kl.md'])
  })

  it('returns highlight ranges, never HTML, in titles and snippets', async () => {
    const { search } = await openVault()
    const { hits } = await search.query('扩散模型 \\nabla')
    const hit = hits[0]
    expect(hit.path).toBe('ml/diffusion.md')
    expect(hit.titleRanges).toEqual([[0, 4]])
    const snippet = hit.snippets?.find((s) => s.text.includes('\\nabla'))
    expect(snippet).toBeDefined()
    const highlighted = snippet!.ranges.map(([start, end]) => snippet!.text.slice(start, end))
    expect(highlighted).toContain('\\nabla')
    expect(snippet!.line).toBe(10)
    expect(snippet!.text.slice(snippet!.column, snippet!.column + 6)).toBe('\\nabla')
  })

  it('cuts long lines around the match', async () => {
    const long = `${'前文很长。'.repeat(100)}这里有关键词 needle 在中间。${'后文也很长。'.repeat(100)}`
    const { search } = await openVault({ 'long.md': long })
    const snippet = (await search.query('needle')).hits[0].snippets![0]
    expect(snippet.text.length).toBeLessThanOrEqual(182)
    expect(snippet.text.startsWith('…')).toBe(true)
    const [start, end] = snippet.ranges[0]
    expect(snippet.text.slice(start, end)).toBe('needle')
  })

  it('pages through results and bounds the page size', async () => {
    const { search } = await openVault()
    const all = await search.query('the')
    const second = await search.query('the', { offset: 1, limit: 1 })
    expect(second.hits.map((hit) => hit.path)).toEqual([all.hits[1].path])
    expect(second.total).toBe(all.total)
  })
})

describe('keeping the index current', () => {
  it('indexes a changed post incrementally and drops a removed one', async () => {
    const { root, search } = await openVault()
    const meta = (await vaultPosts(root)).find((post) => post.path === 'notes/plain.md')!
    search.indexPost(meta, '# 没有前言的笔记\n\n新增了 Langevin 动力学。\n')
    expect(paths(await search.query('langevin'))).toEqual(['notes/plain.md'])
    expect((await search.query('slidingWindow')).total).toBe(0)
    search.removePost('notes/plain.md')
    expect((await search.query('langevin')).total).toBe(0)
    expect(search.quickOpen('没有前言', [], 10)).toEqual([])
  })

  it('follows vault changes, reading the changed files', async () => {
    const { root, search } = await openVault()
    await writeFile(join(root, 'notes/new.md'), '---\ntitle: 新文章\n---\n\n朗之万动力学 and Hamiltonian.\n')
    const added = (await vaultPosts(root)).find((post) => post.path === 'notes/new.md')!
    await search.applyVaultChange({ type: 'upserted', posts: [{ ...added, id: 'x', updated: added.date, isDraft: false, excerpt: '', wordCount: 0, links: [], warnings: [] }] })
    expect(paths(await search.query('hamiltonian 朗之万'))).toEqual(['notes/new.md'])
    await search.applyVaultChange({ type: 'removed', paths: ['notes/new.md'] })
    expect((await search.query('hamiltonian')).total).toBe(0)
  })

  it('stores the index and loads it on a warm start, catching up with changes made while closed', async () => {
    const { root, search } = await openVault()
    await search.close()
    const file = join(root, SEARCH_INDEX_FILE)
    expect((await stat(file)).size).toBeGreaterThan(0)
    await writeFile(join(root, 'ml/kl.md'), (await readFile(join(root, 'ml/kl.md'), 'utf8')).replace('The gradient', 'The Fisher information'))
    await rm(join(root, 'notes/plain.md'))
    const statuses: string[] = []
    const warm = new VaultSearch({ root, worker: null, onStatus: (status) => statuses.push(status.state) })
    opened.push(warm)
    await warm.start(await vaultPosts(root))
    expect(statuses).not.toContain('building')
    expect(paths(await warm.query('fisher'))).toEqual(['ml/kl.md'])
    expect(paths(await warm.query('gradient'))).toEqual(['notes/gradient.md'])
    expect((await warm.query('slidingWindow')).total).toBe(0)
    expect(warm.status()).toMatchObject({ state: 'ready', posts: 3 })
  })

  it('rebuilds when the stored index is damaged', async () => {
    const { root, search } = await openVault()
    await search.close()
    await writeFile(join(root, SEARCH_INDEX_FILE), 'not an index')
    const statuses: string[] = []
    const again = new VaultSearch({ root, worker: null, onStatus: (status) => statuses.push(status.state) })
    opened.push(again)
    await again.start(await vaultPosts(root))
    expect(statuses).toContain('building')
    expect(paths(await again.query('\\nabla'))).toEqual(['ml/diffusion.md'])
  })

  it('builds in the search worker', async () => {
    const { search } = await openVault(POSTS, { worker: undefined, minPostsForWorker: 0 })
    expect(search.status().state).toBe('ready')
    expect(paths(await search.query('型的核')).length).toBe(2)
  })
})
