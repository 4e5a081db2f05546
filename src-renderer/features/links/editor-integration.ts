import type { Extension } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { createContext } from 'react'
import type { EditorLinkHandlers } from '../../editor/links'

/** A place the editor was just taken to: its zero-based source line, and whether it is a heading a link named. */
export interface RevealedPlace {
  line: number
  isHeading: boolean
}

/**
 * What the app adds to the post editor and its preview from outside them:
 * extensions for every post's state (links: completion, Ctrl/Cmd+click,
 * unresolved marks), the same link handlers for the preview (so a click there
 * resolves, opens and creates exactly as Ctrl/Cmd+click does), a report of each
 * text the editor loads (so the app can select a search match in it), and the
 * places the app reveals (so the preview can scroll to them).
 */
export interface EditorIntegration {
  extensions: Extension
  /** Resolve, follow and describe links of the open post. */
  links: EditorLinkHandlers
  /** Called after the editor loaded the text of `loadId` into `view`, and with null when the view goes away. */
  onLoaded: (view: EditorView | null, loadId: number) => void
  /** Calls `listener` each time the app reveals a place in the editor (a followed link's heading, a search match); returns the unsubscribe. */
  onRevealed: (listener: (place: RevealedPlace) => void) => () => void
}

/** The {@link EditorIntegration} of the workspace; the editor and the preview work without one. */
export const EditorIntegrationContext = createContext<EditorIntegration | null>(null)
