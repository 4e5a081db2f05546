import { useCallback, useEffect, useMemo, useState } from 'react'
import type { PostSummary } from '../../../src-shared/model/post'
import { parseRecent, recentKey, withExisting, withRecent, withRenamed } from './recent-posts'

/** The recently opened posts of a vault, most recent first. */
export interface RecentPosts {
  /** Existing posts only. */
  paths: string[]
  /** Follows a post that was renamed or moved. */
  rename: (from: string, to: string) => void
}

function read(key: string): string[] {
  try {
    return parseRecent(localStorage.getItem(key))
  } catch {
    return []
  }
}

/**
 * Remembers the posts opened in a vault, most recent first, in memory and in
 * `localStorage` (per vault root), so quick open can list them first across
 * restarts. `openPath` is recorded whenever it changes; posts that no longer exist
 * are left out.
 */
export function useRecentPosts(vaultRoot: string, openPath: string | null, posts: readonly PostSummary[]): RecentPosts {
  const key = recentKey(vaultRoot)
  const [stored, setStored] = useState(() => read(key))

  const save = useCallback(
    (next: string[]) => {
      setStored(next)
      try {
        localStorage.setItem(key, JSON.stringify(next))
      } catch {
        // Storage full or disabled: the list still works for this session.
      }
    },
    [key],
  )

  useEffect(() => {
    if (openPath !== null) save(withRecent(read(key), openPath))
  }, [openPath, key, save])

  const existing = useMemo(() => new Set(posts.map((post) => post.path)), [posts])
  const paths = useMemo(() => withExisting(stored, (path) => existing.has(path)), [stored, existing])
  const rename = useCallback((from: string, to: string) => save(withRenamed(read(key), from, to)), [key, save])
  return useMemo(() => ({ paths, rename }), [paths, rename])
}
