import type { EditorView } from '@codemirror/view'
import { editorLinks, refreshLinks, revealLocation, type EditorLinkHandlers } from '../../editor/links'
import type { EditorIntegration, RevealedPlace } from './editor-integration'
import { placeLocation, type PostLocation } from './post-location'

/** How a {@link EditorBridge.reveal} ended. */
export type RevealOutcome =
  | { type: 'shown' }
  /** The post has no such heading: it is shown from its top. */
  | { type: 'missing-heading'; heading: string }
  /** A newer request, or another post, came first. */
  | { type: 'superseded' }

/** The workspace's handle on the post editor. */
export interface EditorBridge {
  /** Provide it through `EditorIntegrationContext`. */
  integration: EditorIntegration
  /**
   * Shows `location` (see `placeLocation`) in the text of `loadId` (the document
   * snapshot's load id after opening a post): now if the editor shows that text,
   * else as soon as it has loaded it. A newer request replaces an older one still
   * waiting. Subscribers of `integration.onRevealed` (the preview) follow along.
   */
  reveal: (loadId: number, location: PostLocation) => Promise<RevealOutcome>
  /** Asks again where every link in the editor leads (posts were added, renamed or removed). */
  refreshLinks: () => void
  /** The live editor view, if any. */
  view: () => EditorView | null
}

/**
 * Creates the bridge between the workspace and its post editor. `handlers` serve
 * the link features (see `editorLinks`) and the preview's links; they are fixed for
 * the bridge's life, so pass functions that read the current owner.
 */
export function createEditorBridge(handlers: EditorLinkHandlers): EditorBridge {
  let loaded: { view: EditorView; loadId: number } | null = null
  let waiting: { loadId: number; location: PostLocation; done: (outcome: RevealOutcome) => void } | null = null
  const listeners = new Set<(place: RevealedPlace) => void>()

  const show = (view: EditorView, location: PostLocation): RevealOutcome => {
    const placed = placeLocation(view.state.doc, location)
    revealLocation(view, placed.location, placed.align)
    for (const listener of listeners) listener({ line: placed.line, isHeading: placed.isHeading })
    return placed.missingHeading === null ? { type: 'shown' } : { type: 'missing-heading', heading: placed.missingHeading }
  }

  return {
    integration: {
      extensions: editorLinks(handlers),
      links: handlers,
      onLoaded(view, loadId) {
        loaded = view ? { view, loadId } : null
        if (view && waiting && waiting.loadId === loadId) {
          const { location, done } = waiting
          waiting = null
          done(show(view, location))
        }
      },
      onRevealed(listener) {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
    reveal(loadId, location) {
      waiting?.done({ type: 'superseded' })
      waiting = null
      if (loaded && loaded.loadId === loadId) return Promise.resolve(show(loaded.view, location))
      return new Promise((done) => {
        waiting = { loadId, location, done }
      })
    },
    refreshLinks() {
      if (loaded) refreshLinks(loaded.view)
    },
    view: () => loaded?.view ?? null,
  }
}
