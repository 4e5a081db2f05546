import { useState } from 'react'
import type { DocumentHandle } from '../editor/useDocument'
import { ConflictDialog } from './ConflictDialog'
import { DocumentBanners } from './DocumentBanners'
import { SaveAsDialog } from './SaveAsDialog'
import { useConflictDialog } from './useConflictDialog'

/** Props of {@link DocumentSafety}. */
export interface DocumentSafetyProps {
  handle: DocumentHandle
  /** Called when a resolution is done, to give the focus back to the text. */
  onDone: () => void
}

/**
 * Everything the editor pane shows when the open post cannot simply be saved: the
 * banners, the conflict view (opened by itself for each new conflict) and the
 * "Save as…" dialog.
 */
export function DocumentSafety({ handle, onDone }: DocumentSafetyProps) {
  const { snapshot, session } = handle
  const dialog = useConflictDialog(snapshot.save)
  const [isSavingAs, setIsSavingAs] = useState(false)
  const { document } = snapshot
  const resolved = (action: () => Promise<boolean>) => async () => {
    const isDone = await action()
    if (isDone) onDone()
    return isDone
  }

  return (
    <>
      <DocumentBanners snapshot={snapshot} session={session} onResolve={dialog.open} onSaveAs={() => setIsSavingAs(true)} onDone={onDone} />
      {dialog.isOpen && dialog.conflict && document && (
        <ConflictDialog
          key={dialog.conflict.disk.hash}
          conflict={dialog.conflict}
          mine={session.editorText()}
          title={document.summary.title || document.summary.path}
          onKeepMine={(text) => resolved(() => session.keepMine(text))()}
          onTakeTheirs={resolved(session.takeTheirs)}
          onMerge={resolved(session.merge)}
          onLater={(edited) => {
            if (edited !== null && dialog.conflict) session.showConflict(edited, document.hash, dialog.conflict)
            dialog.close()
          }}
        />
      )}
      {isSavingAs && document && <SaveAsDialog currentPath={document.summary.path} onSave={session.saveAs} onClose={() => setIsSavingAs(false)} />}
    </>
  )
}
