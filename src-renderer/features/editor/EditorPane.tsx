import type { EditorState, Text } from '@codemirror/state'
import { useCallback, useState, type ReactNode } from 'react'
import { WarningIcon } from '../../ui/Icons'
import { EmptyState } from '../../ui/EmptyState'
import { EditorBanner } from './EditorBanner'
import { EditorHeader } from './EditorHeader'
import { MarkdownEditor } from './MarkdownEditor'
import { saveStatus } from './save-status'
import { StatusBar } from './StatusBar'
import type { DocumentHandle } from './useDocument'

/** Props of {@link EditorPane}. */
export interface EditorPaneProps {
  handle: DocumentHandle
  /** Change it to move the keyboard focus into the editor. */
  focusToken: number
  /** What to show when no post is open. */
  placeholder: ReactNode
}

/**
 * The right-hand side: the open post's header, any conflict or save-failure banner,
 * the editor and the status bar; or `placeholder` when no post is open.
 */
export function EditorPane({ handle, focusToken, placeholder }: EditorPaneProps) {
  const { snapshot, session } = handle
  const [editorState, setEditorState] = useState<EditorState | null>(null)
  const [refocusCount, setRefocusCount] = useState(0)
  const onEdit = useCallback((doc: Text) => session.edit(doc), [session])
  // A banner's buttons vanish once they resolve the problem; give the focus back to the text.
  const thenRefocus = (action: () => Promise<boolean>) => async () => {
    await action()
    setRefocusCount((count) => count + 1)
  }
  const { document } = snapshot

  if (!document) {
    return (
      <main className="editor-pane editor-pane--empty" aria-busy={snapshot.isLoading}>
        {snapshot.loadError ? (
          <EmptyState icon={<WarningIcon size={28} />} title="This post could not be opened" testId="open-error">
            <p>{snapshot.loadError}</p>
          </EmptyState>
        ) : snapshot.isLoading ? null : (
          placeholder
        )}
      </main>
    )
  }

  return (
    <main className="editor-pane" aria-busy={snapshot.isLoading}>
      <EditorHeader document={document} isDirty={snapshot.isDirty} status={saveStatus(snapshot)} />
      {snapshot.save.type === 'conflict' && (
        <EditorBanner
          tone="warning"
          testId="conflict-banner"
          actions={[
            { label: 'Reload from disk', run: thenRefocus(session.reload), testId: 'conflict-reload' },
            { label: 'Overwrite', run: thenRefocus(session.overwrite), testId: 'conflict-overwrite', isPrimary: true },
          ]}
        >
          <strong>This file changed on disk since you opened it.</strong> Your text is kept here.
        </EditorBanner>
      )}
      {snapshot.save.type === 'failed' && (
        <EditorBanner tone="error" testId="save-error-banner" actions={[{ label: 'Try again', run: thenRefocus(session.save), testId: 'save-retry' }]}>
          <strong>Lemma could not save this post.</strong> {snapshot.save.message} Your text is kept here.
        </EditorBanner>
      )}
      <MarkdownEditor
        text={document.text}
        loadId={snapshot.loadId}
        loadKind={snapshot.loadKind}
        focusToken={focusToken + refocusCount}
        onEdit={onEdit}
        onState={setEditorState}
      />
      <StatusBar state={editorState} lineEnding={document.lineEnding} />
    </main>
  )
}

