import { useEffect, useState } from 'react'
import { api } from '../../ipc'

/**
 * The open vault's TeX macro preamble (`.lemma/macros.tex`, `''` when there is
 * none), for the preview and the editor's formula widgets. It is read again when
 * `refreshKey` changes (pass the open post's load id), when the vault reports
 * changes, and when the window regains focus (the file was maybe edited elsewhere).
 * Stale answers never overwrite newer ones.
 */
export function useFolderPreamble(refreshKey: unknown): string {
  const [preamble, setPreamble] = useState('')
  const [version, setVersion] = useState(0)

  useEffect(() => {
    const bump = () => setVersion((value) => value + 1)
    const unsubscribe = api.events.vaultChanged(bump)
    window.addEventListener('focus', bump)
    return () => {
      unsubscribe()
      window.removeEventListener('focus', bump)
    }
  }, [])

  useEffect(() => {
    let isCurrent = true
    api.vault.readMacros().then(
      (text) => {
        if (isCurrent) setPreamble((previous) => (previous === text ? previous : text))
      },
      () => {},
    )
    return () => {
      isCurrent = false
    }
  }, [refreshKey, version])

  return preamble
}
