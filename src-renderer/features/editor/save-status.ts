import type { DocumentSnapshot } from './document-session'

/** What the save indicator says, and how loudly. */
export interface SaveStatus {
  label: string
  tone: 'quiet' | 'busy' | 'pending' | 'error'
}

/**
 * The save indicator for a snapshot: `Saving…` while a save runs, the reason after a
 * conflict, a deletion on disk or a failure, `Unsaved changes` while dirty, else `Saved`.
 */
export function saveStatus(snapshot: Pick<DocumentSnapshot, 'isDirty' | 'save'>): SaveStatus {
  switch (snapshot.save.type) {
    case 'saving':
      return { label: 'Saving…', tone: 'busy' }
    case 'conflict':
      return { label: 'Not saved: changed on disk', tone: 'error' }
    case 'missing':
      return { label: 'Not saved: deleted on disk', tone: 'error' }
    case 'failed':
      return { label: `Not saved: ${snapshot.save.message}`, tone: 'error' }
    case 'idle':
      return snapshot.isDirty ? { label: 'Unsaved changes', tone: 'pending' } : { label: 'Saved', tone: 'quiet' }
  }
}
