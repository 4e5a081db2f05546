import { resolveVaultPath } from '../../../src-shared/markdown/asset-url'
import type { LinkRef, LinkResolution } from '../../../src-shared/search/link-types'
import type { FollowedLink } from '../../editor/links'
import type { PostLocation } from './post-location'

/** What {@link followPostLink} needs from the app, for the post the link is written in. */
export interface LinkFollowContext {
  /** Vault path of the post holding the link. */
  fromPath: string
  /** Where a link written in `fromPath` leads (`links.resolve` in main). */
  resolve: (ref: LinkRef) => Promise<LinkResolution | undefined>
  /** Opens a post, at a heading when the link names one. */
  open: (path: string, location?: PostLocation) => Promise<void>
  /** Offers to create the post an unresolved link names (the "New post" dialog with `title` filled in). */
  offerToCreate: (title: string) => void
  /** A Markdown link points outside the folder (absolute, another scheme, or `..` past the top): say so. */
  refuse: (target: string) => void
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/

/**
 * Follows a link clicked in the editor or the preview, so both behave alike. A
 * link within the post (`[[#Heading]]`, `[x](#heading)`) jumps to the heading. A
 * Markdown destination that could leave the folder is refused before anything is
 * asked; everything else is resolved by main (titles, file names, aliases, paths
 * relative to `fromPath`, case), which opens the post at the link's `#heading` or,
 * when no post matches, offers to create one with the suggested title. A Markdown
 * link's heading is percent-decoded (`#%E5%89%8D%E5%90%91` is `#前向`).
 */
export async function followPostLink(link: FollowedLink, context: LinkFollowContext): Promise<void> {
  const rawHeading = link.heading?.trim() ?? ''
  const heading = (link.kind === 'markdown' ? decodeSafely(rawHeading) : rawHeading) || null
  const target = link.target.trim()
  if (target === '') {
    if (heading) await context.open(context.fromPath, { type: 'heading', heading })
    return
  }
  if (link.kind === 'markdown' && !isInsideFolder(target, context.fromPath)) {
    context.refuse(target)
    return
  }
  const resolution = await context.resolve({ kind: link.kind, target })
  if (!resolution) return
  if (resolution.isResolved) await context.open(resolution.path, heading ? { type: 'heading', heading } : undefined)
  else context.offerToCreate(resolution.suggestedTitle)
}

/**
 * Whether a Markdown link destination is relative and stays inside the folder
 * when followed from `fromPath`: not absolute, no scheme, no `..` past the top.
 */
export function isInsideFolder(destination: string, fromPath: string): boolean {
  if (SCHEME.test(destination) || destination.startsWith('/') || destination.startsWith('\\')) return false
  const path = resolveVaultPath(destination, fromPath)
  return path !== null && path !== ''
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
