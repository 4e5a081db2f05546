import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppStateStore } from '../../src-main/app-state/app-state-store'
import { createDispatcher, RejectedCallError } from '../../src-main/ipc/dispatcher'
import { createServices, type LemmaServices } from '../../src-main/services/create-services'
import { serviceChannel } from '../../src-shared/ipc/contract'
import type { RenamePlan } from '../../src-shared/search/link-types'
import type { IndexStatus, QuickOpenHit, SearchResponse, TaxonomyNode } from '../../src-shared/search/search-types'
import { tempFolders, writeFiles } from '../vault/temp-folder'

const ORIGIN = 'app://lemma'
const caller = { url: 'app://lemma/index.html', isMainFrame: true }
const folders = tempFolders()
const running: LemmaServices[] = []
afterEach(async () => {
  await Promise.all(running.splice(0).map((services) => services.dispose()))
})

async function start() {
  const root = await folders.make()
  await writeFiles(root, {
    'ml/kl.md': '---\ntitle: KL散度\ncategories: [数学, 概率论]\ntags: [信息论]\n---\n\nKL散度与 $\\nabla$。\n',
    'ml/diffusion.md': '---\ntitle: 扩散模型\ncategories: [机器学习]\ntags: [生成模型]\n---\n\n见 [[KL散度]] 和 [[kl]]。\n',
  })
  const userData = await mkdtemp(join(tmpdir(), 'lemma-userdata-'))
  const services = createServices({
    appState: await AppStateStore.open(userData),
    chooseFolder: async () => null,
    trash: async () => {},
    openExternal: async () => {},
    emit: () => {},
  })
  running.push(services)
  const opened = await services.openVault(root)
  if (!opened.ok) throw new Error(opened.message)
  const dispatcher = createDispatcher(services.handlers, [ORIGIN])
  const call = <T>(area: string, method: string, ...args: unknown[]) => dispatcher.dispatch(serviceChannel(area, method), args, caller) as Promise<T>
  // The index is built in the background after the vault opens; the window polls `search.status` the same way.
  while ((await call<IndexStatus>('search', 'status')).state !== 'ready') await new Promise((resolve) => setTimeout(resolve, 20))
  return { root, call, cleanup: () => rm(userData, { recursive: true, force: true }) }
}

describe('the search and links services', () => {
  it('search, open quickly, list trees and backlinks through the checked IPC path', async () => {
    const { call, cleanup } = await start()
    const found = await call<SearchResponse>('search', 'query', 'KL散度', { limit: 10 })
    expect(found.hits.map((hit) => hit.path).sort()).toEqual(['ml/diffusion.md', 'ml/kl.md'])
    const quick = await call<QuickOpenHit[]>('search', 'quickOpen', 'ksmx', [])
    expect(quick[0].title).toBe('扩散模型')
    const categories = await call<TaxonomyNode[]>('search', 'categoryTree')
    expect(categories.map((node) => node.name).sort()).toEqual(['数学', '机器学习'])
    const backlinks = await call<Array<{ sourcePath: string }>>('links', 'backlinks', 'ml/kl.md')
    expect(backlinks.map((link) => link.sourcePath)).toEqual(['ml/diffusion.md', 'ml/diffusion.md'])
    await cleanup()
  })

  it('rejects malformed arguments from the renderer', async () => {
    const { call, cleanup } = await start()
    await expect(call('search', 'query', 'x', { limit: 10_000 })).rejects.toBeInstanceOf(RejectedCallError)
    await expect(call('search', 'query', 'x', { html: true })).rejects.toBeInstanceOf(RejectedCallError)
    await expect(call('links', 'planRename', 'ml/kl.md', { type: 'move', to: '/etc' })).rejects.toBeInstanceOf(RejectedCallError)
    await cleanup()
  })

  it('plans and applies a rename the person confirmed', async () => {
    const { root, call, cleanup } = await start()
    const planned = await call<{ ok: true; plan: RenamePlan }>('links', 'planRename', 'ml/kl.md', { type: 'file-name', name: 'kl-divergence' })
    expect(planned.plan.linkCount).toBe(1)
    const applied = await call<{ ok: boolean; path: string }>('links', 'applyRename', planned.plan)
    expect(applied).toMatchObject({ ok: true, path: 'ml/kl-divergence.md' })
    expect(await readFile(join(root, 'ml/diffusion.md'), 'utf8')).toContain('[[KL散度]] 和 [[kl-divergence]]')
    await cleanup()
  })
})
