import { EditorState, type Text } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { memo, useEffect, useMemo, useRef } from 'react'
import { createEditorExtensions, replaceFromDisk } from '../../editor'

/** Props of {@link MarkdownEditor}. */
export interface MarkdownEditorProps {
  /** The text to show whenever `loadId` changes; ignored otherwise. */
  text: string
  /** Change it to load `text`: `open` starts fresh (new undo history), `reload` replaces in place. */
  loadId: number
  loadKind: 'open' | 'reload'
  /** Change it to move the keyboard focus into the editor. */
  focusToken: number
  /** Called with the new document after each edit (not after loads). */
  onEdit: (doc: Text) => void
  /** Called with the editor state after loads, edits and cursor moves (for the status bar). */
  onState: (state: EditorState) => void
}

/**
 * Hosts one CodeMirror view for as long as it is mounted. Opening another post swaps
 * the view's state; typing never re-renders or re-creates anything, it only reports
 * through `onEdit` and `onState`.
 */
export const MarkdownEditor = memo(function MarkdownEditor({ text, loadId, loadKind, focusToken, onEdit, onState }: MarkdownEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null)
  const viewRef = useRef<EditorView | null>(null)
  const loadedIdRef = useRef<number | null>(null)
  const listenersRef = useRef({ onEdit, onState })
  useEffect(() => {
    listenersRef.current = { onEdit, onState }
  })

  const extensions = useMemo(
    () =>
      createEditorExtensions({
        onEdit: (state) => listenersRef.current.onEdit(state.doc),
        onSelection: (state) => listenersRef.current.onState(state),
      }),
    [],
  )

  useEffect(
    () => () => {
      viewRef.current?.destroy()
      viewRef.current = null
    },
    [],
  )

  useEffect(() => {
    const host = hostRef.current
    if (!host) return
    let view = viewRef.current
    if (!view) {
      view = new EditorView({ parent: host, state: EditorState.create({ doc: text, extensions }) })
      viewRef.current = view
    } else if (loadedIdRef.current === loadId) {
      return
    } else if (loadKind === 'reload') {
      replaceFromDisk(view, text)
    } else {
      view.setState(EditorState.create({ doc: text, extensions }))
    }
    loadedIdRef.current = loadId
    listenersRef.current.onState(view.state)
  }, [text, loadId, loadKind, extensions])

  useEffect(() => {
    if (focusToken > 0) viewRef.current?.focus()
  }, [focusToken])

  return <div className="editor-host" ref={hostRef} data-testid="editor" />
})
