import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppStateStore } from '../../src-main/app-state/app-state-store'
import { SAMPLE_VAULT_NAME, seedSampleVault } from '../../src-main/app-state/seed-sample-vault'

let dir: string
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'lemma-appstate-')) })
afterEach(async () => { await rm(dir, { recursive: true, force: true }) })

describe('app state', () => {
  it('remembers recent folders most recent first, without duplicates, across restarts', async () => {
    const store = await AppStateStore.open(dir)
    await store.rememberFolder('/a')
    await store.rememberFolder('/b')
    await store.rememberFolder('/a')
    const reopened = await AppStateStore.open(dir)
    expect(reopened.data.recentFolders).toEqual(['/a', '/b'])
  })

  it('starts from defaults when its file is damaged', async () => {
    await writeFile(join(dir, 'app-state.json'), '{"recentFolders": [')
    const store = await AppStateStore.open(dir)
    expect(store.data.recentFolders).toEqual([])
    await store.rememberFolder('/x')
    expect(JSON.parse(await readFile(join(dir, 'app-state.json'), 'utf8')).recentFolders).toEqual(['/x'])
  })
})

describe('the sample vault', () => {
  it('is copied once and never overwrites what the person changed', async () => {
    const bundled = join(dir, 'bundled')
    await mkdir(bundled)
    await writeFile(join(bundled, 'welcome.md'), '# Welcome\n')
    const target = await seedSampleVault(bundled, join(dir, 'docs'))
    expect(target).toBe(join(dir, 'docs', SAMPLE_VAULT_NAME))
    await writeFile(join(target, 'welcome.md'), '# Mine now\n')
    await seedSampleVault(bundled, join(dir, 'docs'))
    expect(await readFile(join(target, 'welcome.md'), 'utf8')).toBe('# Mine now\n')
  })
})
