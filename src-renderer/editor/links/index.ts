import type { Extension } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { followLinks } from './follow-link'
import { linkHandlers, type EditorLinkHandlers } from './link-handlers'
import { linkMarks } from './link-marks'
import { linkTheme } from './link-theme'
import { linkResolutions, linksInvalidated } from './link-resolutions'
import { wikiLinkCompletion } from './wiki-completion'

/**
 * Links between posts in the editor, as one extension: unresolved links marked
 * ({@link linkMarks}), Ctrl/Cmd+click to follow ({@link followLinks}) and titles
 * offered after `[[` ({@link wikiLinkCompletion}), all served by `handlers`
 * (pass functions that read the current owner, e.g. through a ref).
 */
export function editorLinks(handlers: EditorLinkHandlers): Extension {
  return [linkHandlers.of(handlers), linkResolutions, linkMarks, followLinks(), wikiLinkCompletion(), linkTheme]
}

/** Asks again where every link leads, e.g. after posts were added, renamed or removed. */
export function refreshLinks(view: EditorView): void {
  if (view.state.field(linkResolutions, false)) view.dispatch({ effects: linksInvalidated.of(null) })
}

export type { EditorLinkHandlers, FollowedLink } from './link-handlers'
export { linkAt, linksInRange, linkKey, sameDocumentLinkAt, type EditorLink } from './find-links'
export { locationRange, revealLocation, type EditorLocation, type RevealAlignment } from './reveal-location'
