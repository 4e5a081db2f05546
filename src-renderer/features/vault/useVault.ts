import { useCallback, useEffect, useState } from 'react'
import type { PostSummary } from '../../../src-shared/model/post'
import { sortNewestFirst } from '../../../src-shared/model/sort'
import type { VaultChange, VaultInfo } from '../../../src-shared/model/vault'
import { api } from '../../ipc'
import { applyVaultChange } from './apply-vault-change'

/** The open vault and its posts, newest first. */
export interface VaultState {
  /** True until the first answer from main arrives. */
  isLoading: boolean
  vault: VaultInfo | null
  recentFolders: string[]
  posts: PostSummary[]
}

/** {@link VaultState} plus the actions on it. */
export interface VaultHandle extends VaultState {
  /** Shows the folder picker and opens the folder chosen; false if none was opened. */
  chooseFolder: () => Promise<boolean>
  /** Opens a folder, e.g. from the recent list; false if it could not be opened. */
  openFolder: (path: string) => Promise<boolean>
  /** Applies a change known before main announces it (e.g. a post just saved). */
  applyChange: (change: VaultChange) => void
}

const initialState: VaultState = { isLoading: true, vault: null, recentFolders: [], posts: [] }

function reduce(state: VaultState, change: VaultChange): VaultState {
  const posts = applyVaultChange(state.posts, change)
  if (change.type === 'reset') return { ...state, vault: change.vault, posts }
  return posts === state.posts ? state : { ...state, posts }
}

/**
 * Loads the app state and post list, then keeps them current from `vaultChanged`
 * events (changes that arrive during the first load are applied after it).
 * `notify` receives messages for people: start-up notices and failed opens. Every
 * subscription ends on unmount.
 */
export function useVault(notify: (message: string) => void): VaultHandle {
  const [state, setState] = useState(initialState)

  useEffect(() => {
    let isCurrent = true
    let pending: VaultChange[] | null = []
    const unsubscribe = api.events.vaultChanged((change) => {
      if (pending) pending.push(change)
      else setState((current) => reduce(current, change))
    })
    Promise.all([api.app.getState(), api.vault.listPosts()]).then(
      ([app, posts]) => {
        // Main hands out notices once, so show them even from a superseded load.
        for (const notice of app.notices) notify(notice)
        if (!isCurrent) return
        let next: VaultState = { isLoading: false, vault: app.vault, recentFolders: app.recentFolders, posts: sortNewestFirst(posts) }
        for (const change of pending ?? []) next = reduce(next, change)
        pending = null
        setState(next)
      },
      (error: unknown) => {
        if (!isCurrent) return
        pending = null
        setState((current) => ({ ...current, isLoading: false }))
        notify(`Lemma could not load the vault: ${error instanceof Error ? error.message : String(error)}`)
      },
    )
    return () => {
      isCurrent = false
      unsubscribe()
    }
  }, [notify])

  const refresh = useCallback(async () => {
    const [app, posts] = await Promise.all([api.app.getState(), api.vault.listPosts()])
    for (const notice of app.notices) notify(notice)
    setState({ isLoading: false, vault: app.vault, recentFolders: app.recentFolders, posts: sortNewestFirst(posts) })
  }, [notify])

  const chooseFolder = useCallback(async () => {
    const result = await api.app.chooseFolder()
    if (!result.ok) {
      if (result.reason !== 'cancelled') notify(result.message)
      return false
    }
    await refresh()
    return true
  }, [notify, refresh])

  const openFolder = useCallback(
    async (path: string) => {
      const result = await api.app.openFolder(path)
      if (!result.ok) {
        notify(result.message)
        // A folder that no longer exists is dropped from the recent list by main.
        await refresh()
        return false
      }
      await refresh()
      return true
    },
    [notify, refresh],
  )

  const applyChange = useCallback((change: VaultChange) => setState((current) => reduce(current, change)), [])

  return { ...state, chooseFolder, openFolder, applyChange }
}
