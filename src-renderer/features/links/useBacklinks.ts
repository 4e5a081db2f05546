import { useEffect, useState } from 'react'
import type { Backlink } from '../../../src-shared/search/link-types'
import { api } from '../../ipc'

/**
 * The links to the post at `path` from every post (`links.backlinks`), asked again
 * whenever `path` or `refreshKey` (e.g. the post list, which changes with every
 * vault change) changes; null until the first answer for `path`. Answers for an
 * older path or key are dropped.
 */
export function useBacklinks(path: string | null, refreshKey: unknown): Backlink[] | null {
  const [answer, setAnswer] = useState<{ path: string; backlinks: Backlink[] } | null>(null)
  useEffect(() => {
    if (path === null) return
    let isCurrent = true
    api.links.backlinks(path).then(
      (backlinks) => {
        if (isCurrent) setAnswer({ path, backlinks })
      },
      () => {
        if (isCurrent) setAnswer({ path, backlinks: [] })
      },
    )
    return () => {
      isCurrent = false
    }
  }, [path, refreshKey])
  return answer !== null && answer.path === path ? answer.backlinks : null
}
