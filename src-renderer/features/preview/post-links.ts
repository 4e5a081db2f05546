import type { PostSummary } from '../../../src-shared/model/post'

/** A post link clicked in the preview: a `[[wiki]]` title, or a vault-relative path from a relative `.md` link. */
export type PostLinkTarget =
  | { type: 'wiki'; title: string; fragment: string }
  | { type: 'path'; path: string; fragment: string }

function titleKey(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase()
}

function withoutExtension(path: string): string {
  return path.replace(/\.(md|markdown)$/i, '')
}

/**
 * The post a link in the preview leads to, or null. A `[[wiki]]` link names a
 * post by title, compared case-insensitively with spacing and Unicode forms
 * normalised; failing that, by file name without extension (`[[ddpm-notes]]`),
 * or by vault path. A relative `.md` link (already resolved to a vault path
 * against the linking post's folder) matches the path exactly, else
 * case-insensitively (links written on a case-insensitive disk).
 */
export function findLinkedPost(posts: readonly PostSummary[], target: PostLinkTarget): PostSummary | null {
  if (target.type === 'path') {
    const exact = posts.find((post) => post.path === target.path)
    if (exact) return exact
    const key = target.path.normalize('NFC').toLowerCase()
    return posts.find((post) => post.path.normalize('NFC').toLowerCase() === key) ?? null
  }
  const key = titleKey(target.title)
  if (key === '') return null
  const nameKey = titleKey(withoutExtension(target.title))
  return (
    posts.find((post) => titleKey(post.title) === key) ??
    posts.find((post) => titleKey(withoutExtension(post.path.split('/').pop() ?? '')) === nameKey) ??
    posts.find((post) => titleKey(withoutExtension(post.path)) === nameKey) ??
    null
  )
}

/** The host an external URL leads to, as shown before opening it (`arxiv.org`; the address itself for `mailto:`). */
export function externalHost(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'mailto:') return parsed.pathname
    return parsed.host || url
  } catch {
    return url
  }
}
