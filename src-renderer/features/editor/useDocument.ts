import { useEffect, useState, useSyncExternalStore } from 'react'
import type { PostDocument } from '../../../src-shared/model/post'
import { api } from '../../ipc'
import { DocumentSession, type DocumentSnapshot } from './document-session'

/** The open post as React sees it: a snapshot to render and the session to act on. */
export interface DocumentHandle {
  snapshot: DocumentSnapshot
  session: DocumentSession
}

/**
 * Owns the post being edited: one {@link DocumentSession} for the life of the
 * component, following other programs' changes through `postsChangedOnDisk`, backing
 * up unsaved text through `recovery.backup`, and saving at once
 * when the page is hidden (window closing). `onDocument` receives
 * every document read or saved (keep it stable, e.g. with `useCallback`). Every
 * subscription and the autosave timer end on unmount.
 */
export function useDocument(onDocument?: (document: PostDocument) => void): DocumentHandle {
  const [session] = useState(() => new DocumentSession(api.vault, undefined, { backup: api.recovery.backup, discardPost: api.recovery.discardPost }))
  const snapshot = useSyncExternalStore(session.subscribe, session.getSnapshot)

  useEffect(() => {
    const unsubscribe = api.events.postsChangedOnDisk(({ changes }) => session.handleDiskChanges(changes))
    // Closing the window skips the autosave pause; the save request leaves synchronously.
    const onPageHide = () => void session.flush()
    window.addEventListener('pagehide', onPageHide)
    return () => {
      unsubscribe()
      window.removeEventListener('pagehide', onPageHide)
      session.dispose()
    }
  }, [session])

  useEffect(() => (onDocument ? session.onDocument(onDocument) : undefined), [session, onDocument])

  return { snapshot, session }
}
