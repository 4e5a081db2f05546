import 'katex/dist/katex.min.css'
import { EditorState, type Text } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { memo, useContext, useEffect, useMemo, useRef, useState } from 'react'
import { createEditorExtensions, replaceFromDisk } from '../../editor'
import { createOptionalExtensions, type EditorOptions } from '../../editor/optional-extensions'
import { EditorIntegrationContext } from '../links/editor-integration'
import type { LoadKind } from './document-session'

/** Props of {@link MarkdownEditor}. */
export interface MarkdownEditorProps {
  /** The text to show whenever `loadId` changes; ignored otherwise. */
  text: string
  /** Change it to load `text`: `open` starts fresh (new undo history), `reload` replaces in place, `replace` too but undoably. */
  loadId: number
  loadKind: LoadKind
  /** Change it to move the keyboard focus into the editor. */
  focusToken: number
  /** Called with the new document after each edit (not after loads). */
  onEdit: (doc: Text) => void
  /** Called with the editor state after loads, edits and cursor moves (for the status bar). */
  onState: (state: EditorState) => void
  /** Inline formulas, the preamble and Vim; changes reconfigure the view in place. */
  options: EditorOptions
  /** Receives the view once it exists (and null when it is destroyed), e.g. for scroll sync. */
  onView?: (view: EditorView | null) => void
}

/**
 * Hosts one CodeMirror view for as long as it is mounted. Opening another post swaps
 * the view's state; typing never re-renders or re-creates anything, it only reports
 * through `onEdit` and `onState`.
 */
export const MarkdownEditor = memo(function MarkdownEditor({ text, loadId, loadKind, focusToken, onEdit, onState, options, onView }: MarkdownEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const loadedIdRef = useRef<number | null>(null)
  const integration = useContext(EditorIntegrationContext)
  const listenersRef = useRef({ onEdit, onState, onView, integration })
  useEffect(() => {
    listenersRef.current = { onEdit, onState, onView, integration }
  })
  const [optional] = useState(() => createOptionalExtensions(options))
  // The app's extensions (links) are part of every post's state, fixed for the editor's life.
  const [integrationExtensions] = useState(() => integration?.extensions ?? [])

  const extensions = useMemo(
    () =>
      [
        createEditorExtensions({
          onEdit: (state) => listenersRef.current.onEdit(state.doc),
          onSelection: (state) => listenersRef.current.onState(state),
        }),
        integrationExtensions,
      ],
    [integrationExtensions],
  )

  useEffect(
    () => () => {
      viewRef.current?.destroy()
      viewRef.current = null
      listenersRef.current.onView?.(null)
      listenersRef.current.integration?.onLoaded(null, 0)
    },
    [],
  )

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    let view = viewRef.current
    if (!view) {
      view = new EditorView({ parent: host, state: EditorState.create({ doc: text, extensions: [extensions, optional.of()] }) })
      viewRef.current = view
      listenersRef.current.onView?.(view)
    } else if (loadedIdRef.current === loadId) {
      return
    } else if (loadKind !== 'open') {
      replaceFromDisk(view, text, { isUndoable: loadKind === 'replace' })
    } else {
      view.setState(EditorState.create({ doc: text, extensions: [extensions, optional.of()] }))
      // A new state keeps the scroller where the last post was left; another post starts at its top.
      view.scrollDOM.scrollTop = 0
    }
    loadedIdRef.current = loadId
    listenersRef.current.onState(view.state)
    listenersRef.current.integration?.onLoaded(view, loadId)
  }, [text, loadId, loadKind, extensions, optional])

  const { preamble, showMathWidgets, isVim } = options
  useEffect(() => {
    if (viewRef.current) optional.apply(viewRef.current, { preamble, showMathWidgets, isVim })
  }, [optional, preamble, showMathWidgets, isVim])

  useEffect(() => {
    if (focusToken > 0) viewRef.current?.focus()
  }, [focusToken])

  return <div className="editor-host" ref={hostRef} data-testid="editor" />
})
