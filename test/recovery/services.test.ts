import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildApi } from '../../src-shared/ipc/build-api'
import { contractShape, type EmitEvent, type LemmaApi } from '../../src-shared/ipc/contract'
import { AppStateStore } from '../../src-main/app-state/app-state-store'
import { createDispatcher } from '../../src-main/ipc/dispatcher'
import { createServices, type LemmaServices } from '../../src-main/services/create-services'

const ORIGIN = 'app://lemma'
const caller = { url: 'app://lemma/index.html', isMainFrame: true }
const POST = '---\ntitle: Services\n---\n\nbody\n'
const cleanup: Array<() => Promise<void>> = []
afterEach(async () => {
  for (const run of cleanup.splice(0).reverse()) await run()
})

/** Services over the real dispatcher, called through the same typed API the preload builds. */
async function start(): Promise<{ services: LemmaServices; api: LemmaApi; events: Array<[string, unknown]>; vault: string }> {
  const folders = await Promise.all(['vault', 'user-data'].map((name) => mkdtemp(join(tmpdir(), `lemma-services-${name}-`))))
  const [vault, userData] = folders
  await writeFile(join(vault, 'post.md'), POST)
  const events: Array<[string, unknown]> = []
  const emit: EmitEvent = (name, payload) => { events.push([name, payload]) }
  const services = createServices({
    appState: await AppStateStore.open(userData),
    chooseFolder: async () => null,
    trash: async () => {},
    openExternal: async () => {},
    emit,
    backupDir: join(userData, 'backups'),
  })
  cleanup.push(async () => {
    await services.dispose()
    await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })))
  })
  const dispatcher = createDispatcher(services.handlers, [ORIGIN])
  const api = buildApi(contractShape(), (channel, args) => dispatcher.dispatch(channel, args, caller), () => () => {})
  return { services, api, events, vault }
}

function ok<T extends { ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`expected success, got ${JSON.stringify(result)}`)
  return result as Extract<T, { ok: true }>
}

describe('the durability services over the typed contract', () => {
  it('streams index progress when a folder is opened', async () => {
    const { services, events, vault, api } = await start()
    expect(await services.openVault(vault)).toEqual({ ok: true })
    const progress = events.filter(([name]) => name === 'indexProgress').map(([, payload]) => payload)
    expect(progress.at(-1)).toEqual({ phase: 'done', done: 1, total: 1 })
    expect(await api.vault.getIndexProgress()).toEqual({ phase: 'done', done: 1, total: 1 })
  })

  it('backs up, lists, reads, restores and discards unsaved edits', async () => {
    const { services, vault, api } = await start()
    await services.openVault(vault)
    const read = ok(await api.vault.readPost('post.md'))
    expect(await api.recovery.backup('post.md', `${POST}typed\n`, read.document.hash)).toEqual({ ok: true })
    const [entry] = await api.recovery.list()
    expect(entry).toMatchObject({ path: 'post.md' })
    expect(await api.recovery.read(entry.id)).toMatchObject({ ok: true, text: `${POST}typed\n` })
    expect(await api.recovery.restore(entry.id)).toMatchObject({ ok: true })
    expect(await readFile(join(vault, 'post.md'), 'utf8')).toBe(`${POST}typed\n`)
    expect(await api.recovery.list()).toEqual([])
    expect(await api.recovery.discard(entry.id)).toMatchObject({ ok: false, reason: 'missing' })
  })

  it('discards the backup of a post by its path, even one that moved away, and nothing outside the vault', async () => {
    const { services, vault, api } = await start()
    await services.openVault(vault)
    const read = ok(await api.vault.readPost('post.md'))
    expect(await api.recovery.backup('post.md', `${POST}typed\n`, read.document.hash)).toEqual({ ok: true })
    await rm(join(vault, 'post.md'))
    expect(await api.recovery.discardPost('post.md')).toEqual({ ok: true })
    expect(await api.recovery.list()).toEqual([])
    expect(await api.recovery.discardPost('../outside.md')).toMatchObject({ ok: false })
  })

  it('lists, reads, diffs and restores history, and changes its bounds', async () => {
    const { services, vault, api } = await start()
    await services.openVault(vault)
    const read = ok(await api.vault.readPost('post.md'))
    const saved = ok(await api.vault.savePost('post.md', `${POST}v2\n`, read.document.hash))
    const { entries } = ok(await api.history.list('post.md'))
    expect(entries).toHaveLength(2)
    const original = entries[1]
    expect(await api.history.read('post.md', original.id)).toMatchObject({ ok: true, text: POST })
    expect(ok(await api.history.diff('post.md', original.id)).parts.map((p) => p.type)).toEqual(['same', 'added'])
    expect(await api.history.restore('post.md', original.id, saved.document.hash)).toMatchObject({ ok: true })
    expect(await api.history.getSettings()).toEqual({ maxAgeDays: 30, maxTotalMegabytes: 200 })
    expect(await api.history.setSettings({ maxAgeDays: 7, maxTotalMegabytes: 50 })).toEqual({ ok: true, settings: { maxAgeDays: 7, maxTotalMegabytes: 50 } })
    await expect(api.history.setSettings({ maxAgeDays: -1, maxTotalMegabytes: 50 })).rejects.toThrow(/Invalid arguments/)
  })

  it('re-creates a post deleted while open', async () => {
    const { services, vault, api } = await start()
    await services.openVault(vault)
    const read = ok(await api.vault.readPost('post.md'))
    await rm(join(vault, 'post.md'))
    expect(await api.vault.savePost('post.md', `${POST}kept\n`, read.document.hash)).toMatchObject({ ok: false, reason: 'missing', movedTo: null })
    expect(await api.vault.recreatePost('post.md', `${POST}kept\n`)).toMatchObject({ ok: true })
    expect(await readFile(join(vault, 'post.md'), 'utf8')).toBe(`${POST}kept\n`)
  })

  it('pushes outside changes to open editors, and not its own saves', async () => {
    const { services, vault, api, events } = await start()
    await services.openVault(vault)
    await services.currentSession()!.ready
    const read = ok(await api.vault.readPost('post.md'))
    ok(await api.vault.savePost('post.md', `${POST}mine\n`, read.document.hash))
    await writeFile(join(vault, 'post.md'), `${POST}theirs\n`)
    const disk = () => events.filter(([name]) => name === 'postsChangedOnDisk').map(([, payload]) => payload)
    await expect.poll(disk, { timeout: 10_000 }).toHaveLength(1)
    expect(disk()[0]).toMatchObject({ changes: [{ type: 'changed', path: 'post.md' }] })
  })
})
