import type { PostSummary } from '../../../src-shared/model/post'
import { findLinkedPost } from './post-links'

/** The class of a post link in the preview that leads to no post. */
export const UNRESOLVED_LINK_CLASS = 'link-unresolved'

/**
 * Marks every post link inside `root` (`[[wiki]]` and relative `.md` links, see
 * markdown-it-links.ts) that leads to none of `posts` with {@link UNRESOLVED_LINK_CLASS}
 * and a tooltip, and unmarks the others. Call after each render and when the posts change.
 */
export function markUnresolvedLinks(root: HTMLElement, posts: readonly PostSummary[]): void {
  for (const anchor of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[data-post-link]'))) {
    const link = anchor.dataset.postLink ?? ''
    const fragment = anchor.dataset.linkFragment ?? ''
    const target = anchor.dataset.linkKind === 'wiki' ? { type: 'wiki' as const, title: link, fragment } : { type: 'path' as const, path: link, fragment }
    const isUnresolved = findLinkedPost(posts, target) === null
    if (anchor.classList.contains(UNRESOLVED_LINK_CLASS) === isUnresolved) continue
    anchor.classList.toggle(UNRESOLVED_LINK_CLASS, isUnresolved)
    if (isUnresolved) anchor.title = target.type === 'wiki' ? `No post is titled “${link}” yet` : `No post at ${link}`
    else anchor.removeAttribute('title')
  }
}
