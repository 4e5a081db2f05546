import type { LinkResolution } from '../../../src-shared/search/link-types'
import type { FollowedLink } from '../../editor/links'
import { previewPostLink } from './post-links'

/** The class of a post link in the preview that leads to no post. */
export const UNRESOLVED_LINK_CLASS = 'link-unresolved'

/** A post link of the preview, with the anchor showing it. */
export interface PreviewLink {
  anchor: HTMLAnchorElement
  link: FollowedLink
}

/** Every link to another post inside `root` (see `previewPostLink`); links within the post are left out. */
export function previewLinks(root: HTMLElement): PreviewLink[] {
  const found: PreviewLink[] = []
  for (const anchor of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href], a[data-post-link]'))) {
    const link = previewPostLink(anchor)
    if (link && link.target.trim() !== '') found.push({ anchor, link })
  }
  return found
}

/**
 * Marks each of `links` whose `resolution` is known to lead nowhere with
 * {@link UNRESOLVED_LINK_CLASS} and the tooltip `hint` gives, and unmarks those
 * known to lead to a post; links not resolved yet keep their marks.
 */
export function markUnresolvedLinks(
  links: readonly PreviewLink[],
  resolution: (link: FollowedLink) => LinkResolution | undefined,
  hint: (link: FollowedLink, resolution: Extract<LinkResolution, { isResolved: false }>) => string,
): void {
  for (const { anchor, link } of links) {
    const known = resolution(link)
    if (!known) continue
    anchor.classList.toggle(UNRESOLVED_LINK_CLASS, !known.isResolved)
    if (!known.isResolved) anchor.title = hint(link, known)
    else anchor.removeAttribute('title')
  }
}
