import { useEffect, useState } from 'react'
import type { IndexProgress } from '../../../src-shared/model/index-progress'
import { api } from '../../ipc'

/**
 * How far indexing of the open vault has come: asks once (`vault.getIndexProgress`)
 * and then follows the `indexProgress` events; an event that arrives before the
 * answer wins over it. Null until either is known.
 */
export function useIndexProgress(): IndexProgress | null {
  const [progress, setProgress] = useState<IndexProgress | null>(null)
  useEffect(() => {
    let hasEvent = false
    let isCurrent = true
    const unsubscribe = api.events.indexProgress((next) => {
      hasEvent = true
      setProgress(next)
    })
    void api.vault.getIndexProgress().then((first) => {
      if (isCurrent && !hasEvent) setProgress(first)
    })
    return () => {
      isCurrent = false
      unsubscribe()
    }
  }, [])
  return progress
}
