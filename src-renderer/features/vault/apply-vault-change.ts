import type { PostSummary } from '../../../src-shared/model/post'
import { sortNewestFirst } from '../../../src-shared/model/sort'
import type { VaultChange } from '../../../src-shared/model/vault'

function isSameSummary(a: PostSummary, b: PostSummary): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The post list after `change`: upserted posts replace those with the same path or
 * are added, removed paths are dropped, and a reset replaces everything. The result
 * is newest first by date, then by path, so the order stays stable however changes
 * arrive. Returns `posts` itself when nothing changed (so React can skip a render);
 * never mutates it.
 */
export function applyVaultChange(posts: PostSummary[], change: VaultChange): PostSummary[] {
  switch (change.type) {
    case 'reset':
      return sortNewestFirst(change.posts)
    case 'removed': {
      const removed = new Set(change.paths)
      const kept = posts.filter((post) => !removed.has(post.path))
      return kept.length === posts.length ? posts : kept
    }
    case 'upserted': {
      const byPath = new Map(posts.map((post) => [post.path, post]))
      let isChanged = false
      for (const post of change.posts) {
        const existing = byPath.get(post.path)
        if (existing && isSameSummary(existing, post)) continue
        byPath.set(post.path, post)
        isChanged = true
      }
      return isChanged ? sortNewestFirst([...byPath.values()]) : posts
    }
  }
}
