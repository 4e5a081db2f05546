import type { Extension } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { createContext } from 'react'

/**
 * What the app adds to the post editor from outside it: extensions for every
 * post's state (links: completion, Ctrl/Cmd+click, unresolved marks), and a report
 * of each text the editor loads, so the app can select a search match in it.
 */
export interface EditorIntegration {
  extensions: Extension
  /** Called after the editor loaded the text of `loadId` into `view`, and with null when the view goes away. */
  onLoaded: (view: EditorView | null, loadId: number) => void
}

/** The {@link EditorIntegration} of the workspace; the editor works without one. */
export const EditorIntegrationContext = createContext<EditorIntegration | null>(null)
