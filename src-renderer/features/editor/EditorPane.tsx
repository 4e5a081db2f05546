import type { EditorState, Text } from '@codemirror/state'
import { useCallback, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import { WarningIcon } from '../../ui/Icons'
import { EmptyState } from '../../ui/EmptyState'
import { useCommands } from '../commands/useCommands'
import { useViewPreferences } from '../layout/useViewPreferences'
import { nextLayout } from '../layout/view-preferences'
import { ViewToolbar } from '../layout/ViewToolbar'
import { WritingArea } from '../layout/WritingArea'
import { useFolderPreamble } from '../preview/useFolderPreamble'
import { DocumentSafety } from '../conflict/DocumentSafety'
import { HistoryButton } from '../history/HistoryButton'
import { EditorHeader } from './EditorHeader'
import { saveStatus } from './save-status'
import { useSaveStatusLabels } from './useSaveStatusLabels'
import { StatusBar } from './StatusBar'
import type { DocumentHandle } from './useDocument'

/** Props of {@link EditorPane}. */
export interface EditorPaneProps {
  handle: DocumentHandle
  /** Change it to move the keyboard focus into the editor. */
  focusToken: number
  /** What to show when no post is open. */
  placeholder: ReactNode
  /** Every post of the vault; a new list makes the preview ask again where its links lead. */
  posts?: readonly PostSummary[]
  notify?: (message: string) => void
  /** False while the pane is hidden (behind the feed): its view shortcuts are off. */
  isActive?: boolean
  /** Post actions shown in the header before the view toolbar (e.g. "Rename…"). */
  headerActions?: ReactNode
  /** Shown between the editor and the status bar (e.g. the backlinks panel). */
  footer?: ReactNode
}

const NO_POSTS: readonly PostSummary[] = []
const ignore = () => {}

/**
 * The right-hand side: the open post's header, any conflict or save-failure banner,
 * the editor and the status bar; or `placeholder` when no post is open.
 */
export function EditorPane({ handle, focusToken, placeholder, posts = NO_POSTS, notify = ignore, isActive = true, headerActions, footer }: EditorPaneProps) {
  const { snapshot, session } = handle
  const statusLabels = useSaveStatusLabels()
  const { t } = useTranslation()
  const [editorState, setEditorState] = useState<EditorState | null>(null)
  const { preferences, update } = useViewPreferences()
  const preamble = useFolderPreamble(snapshot.document?.summary.path)
  const canChangeView = () => isActive && snapshot.document !== null
  useCommands({
    'cycle-layout': { run: () => update((current) => ({ layout: nextLayout(current.layout) })), isEnabled: canChangeView },
    'toggle-outline': { run: () => update((current) => ({ showOutline: !current.showOutline })), isEnabled: canChangeView },
    'toggle-math-widgets': { run: () => update((current) => ({ showMathWidgets: !current.showMathWidgets })), isEnabled: canChangeView },
    'toggle-vim': { run: () => update((current) => ({ isVim: !current.isVim })), isEnabled: canChangeView },
  })
  const [refocusCount, setRefocusCount] = useState(0)
  const onEdit = useCallback((doc: Text) => session.edit(doc), [session])
  // A banner's buttons vanish once they resolve the problem; give the focus back to the text.
  const refocus = useCallback(() => setRefocusCount((count) => count + 1), [])
  const { document } = snapshot

  if (!document) {
    return (
      <main className="editor-pane editor-pane--empty" aria-busy={snapshot.isLoading}>
        {snapshot.loadError ? (
          <EmptyState icon={<WarningIcon size={28} />} title={t('editor.openError')} testId="open-error">
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
      <EditorHeader
        document={document}
        isDirty={snapshot.isDirty}
        status={saveStatus(snapshot, statusLabels)}
        tools={
          <>
            {headerActions}
            <HistoryButton handle={handle} notify={notify} />
            <ViewToolbar preferences={preferences} onChange={update} />
          </>
        }
      />
      <DocumentSafety handle={handle} onDone={refocus} />
      <WritingArea
        document={document}
        loadId={snapshot.loadId}
        loadKind={snapshot.loadKind}
        focusToken={focusToken + refocusCount}
        onEdit={onEdit}
        onState={setEditorState}
        editorState={editorState}
        preferences={preferences}
        onPreferences={update}
        preamble={preamble}
        posts={posts}
        notify={notify}
      />
      {footer}
      <StatusBar state={editorState} lineEnding={document.lineEnding} />
    </main>
  )
}

