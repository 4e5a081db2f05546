import { Facet } from '@codemirror/state'
import type { LinkResolution } from '../../../src-shared/search/link-types'
import type { QuickOpenHit } from '../../../src-shared/search/search-types'
import type { EditorLink } from './find-links'

/** A link to follow, wherever it was clicked: its kind, target and `#heading` part as written. */
export type FollowedLink = Pick<EditorLink, 'kind' | 'target' | 'heading'>

/**
 * What the link features ask of their owner: the app's link resolution, title
 * completion and navigation. Calls are made for the post in the editor, so the
 * owner answers relative to the post it has open.
 */
export interface EditorLinkHandlers {
  /** Where each link leads, in order (`links.resolve`). */
  resolve: (links: ReadonlyArray<Pick<EditorLink, 'kind' | 'target'>>) => Promise<LinkResolution[]>
  /** Posts offered while typing `[[query` (`search.quickOpen`), best first. */
  complete: (query: string) => Promise<QuickOpenHit[]>
  /**
   * Follows a link: Ctrl/Cmd-clicked in the editor (`resolution` is what the
   * editor already knows, if anything) or clicked in the preview. A link within
   * the post has an empty `target` and a `heading`.
   */
  follow: (link: FollowedLink, resolution: LinkResolution | null) => void
  /** A tooltip for a link, e.g. "Ctrl+click to open"; null for none. */
  hint?: (link: EditorLink, resolution: LinkResolution | null) => string | null
}

/** The handlers of {@link editorLinks}; the first one given wins. */
export const linkHandlers = Facet.define<EditorLinkHandlers, EditorLinkHandlers | null>({
  combine: (values) => values[0] ?? null,
})
