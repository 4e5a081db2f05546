import { stat } from 'node:fs/promises'
import { isAbsolute, resolve } from 'node:path'
import type { EmitEvent, ServiceHandlers } from '../../src-shared/ipc/contract'
import { failure } from '../../src-shared/model/results'
import type { AppState } from '../../src-shared/model/vault'
import type { AppStateStore } from '../app-state/app-state-store'
import { checkExternalUrl } from '../security/external-links'
import { VaultSession, type TrashFunction } from './vault-session'

/** What the services need from the outside world; Electron provides it in the app, tests provide fakes. */
export interface ServiceDeps {
  appState: AppStateStore
  /** Shows a folder picker; resolves to an absolute path, or null when cancelled. */
  chooseFolder: () => Promise<string | null>
  trash: TrashFunction
  /** Opens an already-checked URL in the system browser. */
  openExternal: (url: string) => Promise<void>
  emit: EmitEvent
}

/** The services plus what the app's lifecycle needs to drive them. */
export interface LemmaServices {
  handlers: ServiceHandlers
  /** Opens a folder as the vault (used at start-up for the last folder or the sample). */
  openVault: (folder: string) => Promise<{ ok: true } | { ok: false; message: string }>
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

  async function openVault(folder: string) {
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
      const opened = await VaultSession.open(root, (change) => deps.emit('vaultChanged', change))
      await session?.close()
      session = opened.session
      notices = [...notices, ...opened.notices]
      await deps.appState.rememberFolder(root)
      deps.emit('vaultChanged', { type: 'reset', vault: session.info, posts: session.listPosts() })
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
        const opened = await openVault(folder)
        return opened.ok && session ? { ok: true, vault: session.info } : failure('io-error', opened.ok ? 'No folder is open.' : opened.message)
      },
      async openFolder(folder) {
        const opened = await openVault(folder)
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
      async createPost(title, folder) {
        return requireSession()?.createPost(title, folder) ?? noVault()
      },
      async renamePost(path, newName) {
        return requireSession()?.renamePost(path, newName) ?? noVault()
      },
      async deletePost(path) {
        return requireSession()?.deletePost(path, deps.trash) ?? noVault()
      },
    },
  }

  return {
    handlers,
    openVault,
    currentSession: () => session,
    dispose: async () => { await session?.close() },
  }
}
