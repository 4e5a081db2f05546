import { stat } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import type { EmitEvent, ServiceHandlers } from '../../src-shared/ipc/contract'
import { failure } from '../../src-shared/model/results'
import type { AppState } from '../../src-shared/model/vault'
import type { AppStateStore } from '../app-state/app-state-store'
import { DEFAULT_HISTORY_SETTINGS } from '../history/history-settings'
import { BackupStore } from '../recovery/backup-store'
import { checkExternalUrl } from '../security/external-links'
import { SessionSearch } from '../search/session-search'
import { categoryTree, tagTree } from '../search/taxonomy'
import { applyRename, planRename } from '../links/rename-links'
import { readFolderPreamble } from '../vault/folder-preamble'
import { VaultSession, type TrashFunction } from './vault-session'
import type { IndexWorkers } from '../index-worker/index-workers'

/** What the services need from the outside world; Electron provides it in the app, tests provide fakes. */
export interface ServiceDeps {
  appState: AppStateStore
  /** Shows a folder picker; resolves to an absolute path, or null when cancelled. */
  chooseFolder: () => Promise<string | null>
  trash: TrashFunction
  /** Opens an already-checked URL in the system browser. */
  openExternal: (url: string) => Promise<void>
  emit: EmitEvent
  /**
   * Where backups of unsaved edits go, outside every vault: `<userData>/backups` in
   * the app. Without it the `recovery` services fail with a message.
   */
  backupDir?: string
  /** Called after the settings changed (the app rebuilds its menu in the new language). */
  onSettingsChanged?: () => void
  /**
   * Index worker threads started at launch, which every vault opened lists and parses
   * in; without them each big job starts threads of its own.
   */
  indexWorkers?: IndexWorkers
}

/** The services plus what the app's lifecycle needs to drive them. */
export interface LemmaServices {
  handlers: ServiceHandlers
  /**
   * Opens a folder as the vault (used at start-up for the last folder or the sample).
   * By default resolves once indexing is complete; with `waitForIndex: false` as soon
   * as the metadata is loaded, indexing then streaming `vaultChanged` and `indexProgress`.
   */
  openVault: (folder: string, options?: { waitForIndex?: boolean }) => Promise<{ ok: true } | { ok: false; message: string }>
  /** The open vault session, if any. */
  currentSession: () => VaultSession | null
  /** Writes pending metadata; call before quitting. */
  dispose: () => Promise<void>
}

/**
 * Builds every service of the contract over the vault core and the metadata store.
 * Plain Node: no Electron import, so the same object serves the app's IPC and the
 * end-to-end tests' bridge.
 */
export function createServices(deps: ServiceDeps): LemmaServices {
  let session: VaultSession | null = null
  let notices: string[] = []
  let backups: Promise<BackupStore | null> | null = null
  const searches = new SessionSearch()
  const openBackups = () => (backups ??= deps.backupDir ? BackupStore.open(deps.backupDir).catch(() => null) : Promise.resolve(null))

  async function openVault(folder: string, options: { waitForIndex?: boolean } = {}) {
    if (!isAbsolute(folder)) return { ok: false as const, message: 'The folder path must be absolute.' }
    const root = resolve(folder)
    try {
      const info = await stat(root)
      if (!info.isDirectory()) return { ok: false as const, message: `${root} is not a folder.` }
    } catch {
      await deps.appState.forgetFolder(root)
      return { ok: false as const, message: `The folder ${root} does not exist any more.` }
    }
    try {
      await searches.close()
      await session?.close()
      session = null
      const opened = await VaultSession.open(root, {
        onChange: (change) => {
          deps.emit('vaultChanged', change)
          searches.onVaultChange(change)
        },
        onProgress: (progress) => deps.emit('indexProgress', progress),
        onDiskChange: (changes) => deps.emit('postsChangedOnDisk', { changes }),
        backups: await openBackups(),
        parser: deps.indexWorkers,
      })
      session = opened.session
      const opening = opened.session
      await searches.open(root, opening.ready, () => opening.listPosts())
      notices = [...notices, ...opened.notices]
      await deps.appState.rememberFolder(root)
      deps.emit('vaultChanged', { type: 'reset', vault: session.info, posts: session.listPosts() })
      if (options.waitForIndex !== false) await session.ready
      return { ok: true as const }
    } catch (error) {
      return { ok: false as const, message: `Lemma could not open ${root}: ${(error as Error).message}` }
    }
  }

  function requireSession() {
    return session ?? null
  }
  const noVault = () => failure('no-vault', 'No folder is open.')

  const handlers: ServiceHandlers = {
    app: {
      async getState(): Promise<AppState> {
        const state = { vault: session?.info ?? null, recentFolders: [...deps.appState.data.recentFolders], notices }
        notices = []
        return state
      },
      async chooseFolder() {
        const folder = await deps.chooseFolder()
        if (!folder) return failure('cancelled', 'No folder was chosen.')
        const opened = await openVault(folder, { waitForIndex: false })
        return opened.ok && session ? { ok: true, vault: session.info } : failure('io-error', opened.ok ? 'No folder is open.' : opened.message)
      },
      async openFolder(folder) {
        const opened = await openVault(folder, { waitForIndex: false })
        return opened.ok && session ? { ok: true, vault: session.info } : failure('missing', opened.ok ? 'No folder is open.' : opened.message)
      },
      async openExternal(url) {
        const checked = checkExternalUrl(url)
        if (!checked.ok) return failure('invalid-name', checked.message)
        await deps.openExternal(checked.url)
        return { ok: true }
      },
    },
    vault: {
      async listPosts() {
        return requireSession()?.listPosts() ?? []
      },
      async readPost(path) {
        return requireSession()?.readPost(path) ?? noVault()
      },
      async savePost(path, text, baseHash) {
        return requireSession()?.savePost(path, text, baseHash) ?? noVault()
      },
      async createPost(title, folder, meta) {
        return requireSession()?.createPost(title, folder, meta) ?? noVault()
      },
      async renamePost(path, newName) {
        return requireSession()?.renamePost(path, newName) ?? noVault()
      },
      async deletePost(path) {
        return requireSession()?.deletePost(path, deps.trash) ?? noVault()
      },
      async recreatePost(path, text) {
        return requireSession()?.recreatePost(path, text) ?? noVault()
      },
      async getIndexProgress() {
        return requireSession()?.progress ?? { phase: 'done', done: 0, total: 0 }
      },
      async readMacros() {
        const current = requireSession()
        return current ? readFolderPreamble(current.info.root) : ''
      },
    },
    recovery: {
      async backup(path, text, baseHash) {
        return requireSession()?.recovery.backup(path, text, baseHash) ?? noVault()
      },
      async list() {
        return requireSession()?.recovery.list() ?? []
      },
      async read(id) {
        return requireSession()?.recovery.read(id) ?? noVault()
      },
      async restore(id) {
        return requireSession()?.recovery.restore(id) ?? noVault()
      },
      async discard(id) {
        return requireSession()?.recovery.discard(id) ?? noVault()
      },
      async discardPost(path) {
        return requireSession()?.recovery.discardPost(path) ?? noVault()
      },
    },
    history: {
      async list(path) {
        return requireSession()?.history.list(path) ?? noVault()
      },
      async read(path, id) {
        return requireSession()?.history.read(path, id) ?? noVault()
      },
      async diff(path, id) {
        return requireSession()?.history.diff(path, id) ?? noVault()
      },
      async restore(path, id, baseHash) {
        return requireSession()?.history.restore(path, id, baseHash) ?? noVault()
      },
      async getSettings() {
        return requireSession()?.history.settings() ?? { ...DEFAULT_HISTORY_SETTINGS }
      },
      async setSettings(settings) {
        return requireSession()?.history.updateSettings(settings) ?? noVault()
      },
    },
    search: {
      async query(text, options) {
        const search = searches.current()
        if (!search) return { total: 0, isTotalExact: true, hits: [], isIndexing: false, elapsedMs: 0 }
        return search.query(text, options ?? {})
      },
      async quickOpen(text, recentPaths, limit) {
        return searches.current()?.quickOpen(text, recentPaths, limit ?? 50) ?? []
      },
      async status() {
        return searches.current()?.status() ?? { state: 'idle', posts: 0 }
      },
      async tagTree() {
        return tagTree(requireSession()?.listPosts() ?? [])
      },
      async categoryTree() {
        return categoryTree(requireSession()?.listPosts() ?? [])
      },
    },
    links: {
      async backlinks(path) {
        await searches.whenStarted()
        return searches.current()?.links().backlinks(path) ?? []
      },
      async resolve(fromPath, refs) {
        await searches.whenStarted()
        const graph = searches.current()?.links()
        return refs.map((ref) => graph?.resolve(ref, fromPath) ?? { isResolved: false, target: ref.target, heading: null, suggestedTitle: ref.target })
      },
      async unresolved() {
        await searches.whenStarted()
        return searches.current()?.links().unresolved() ?? []
      },
      async planRename(path, change) {
        const current = requireSession()
        await searches.whenStarted()
        const search = searches.current()
        if (!current || !search) return noVault()
        await search.whenIdle()
        return planRename(current, search.links(), path, change)
      },
      async applyRename(plan) {
        const current = requireSession()
        await searches.whenStarted()
        const search = searches.current()
        if (!current || !search) return noVault()
        await search.whenIdle()
        return applyRename(current, search.links(), plan)
      },
    },
    settings: {
      async get() {
        return { ...deps.appState.data.settings }
      },
      async update(patch) {
        const settings = await deps.appState.updateSettings(patch)
        deps.onSettingsChanged?.()
        return settings
      },
    },
  }

  return {
    handlers,
    openVault,
    currentSession: () => session,
    dispose: async () => {
      await searches.close()
      await session?.close()
    },
  }
}
