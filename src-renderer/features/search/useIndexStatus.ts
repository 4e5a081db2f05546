import { useEffect, useState } from 'react'
import type { IndexStatus } from '../../../src-shared/search/search-types'
import { api } from '../../ipc'

const POLL_MS = 400

/**
 * The search index's state (`search.status()`) while `isActive`: asked once, then
 * every few hundred milliseconds until the index is ready (it may not have started,
 * be loading from disk or be building), so a progress line can count up and results
 * can be refreshed when it is ready.
 */
export function useIndexStatus(isActive: boolean): IndexStatus | null {
  const [status, setStatus] = useState<IndexStatus | null>(null)
  useEffect(() => {
    if (!isActive) return
    let isCurrent = true
    let timer: ReturnType<typeof setTimeout> | undefined
    const ask = () => {
      api.search.status().then(
        (next) => {
          if (!isCurrent) return
          setStatus(next)
          if (next.state !== 'ready') timer = setTimeout(ask, POLL_MS)
        },
        () => {},
      )
    }
    ask()
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [isActive])
  return status
}
