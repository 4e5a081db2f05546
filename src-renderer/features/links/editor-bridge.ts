import type { EditorView } from '@codemirror/view'
import { editorLinks, refreshLinks, revealLocation, type EditorLinkHandlers, type EditorLocation } from '../../editor/links'
import type { EditorIntegration } from './editor-integration'

/** The workspace's handle on the post editor. */
export interface EditorBridge {
  /** Provide it through `EditorIntegrationContext`. */
  integration: EditorIntegration
  /**
   * Selects `location` in the text of `loadId` (the document snapshot's load id
   * after opening a post): now if the editor shows that text, else as soon as it
   * has loaded it. A newer request replaces an older one still waiting.
   */
  reveal: (loadId: number, location: EditorLocation) => void
  /** Asks again where every link in the editor leads (posts were added, renamed or removed). */
  refreshLinks: () => void
  /** The live editor view, if any. */
  view: () => EditorView | null
}

/**
 * Creates the bridge between the workspace and its post editor. `handlers` serve
 * the link features (see `editorLinks`); they are fixed for the bridge's life, so
 * pass functions that read the current owner.
 */
export function createEditorBridge(handlers: EditorLinkHandlers): EditorBridge {
  let loaded: { view: EditorView; loadId: number } | null = null
  let waiting: { loadId: number; location: EditorLocation } | null = null

  return {
    integration: {
      extensions: editorLinks(handlers),
      onLoaded(view, loadId) {
        loaded = view ? { view, loadId } : null
        if (view && waiting && waiting.loadId === loadId) {
          const { location } = waiting
          waiting = null
          revealLocation(view, location)
        }
      },
    },
    reveal(loadId, location) {
      if (loaded && loaded.loadId === loadId) {
        waiting = null
        revealLocation(loaded.view, location)
      } else {
        waiting = { loadId, location }
      }
    },
    refreshLinks() {
      if (loaded) refreshLinks(loaded.view)
    },
    view: () => loaded?.view ?? null,
  }
}
