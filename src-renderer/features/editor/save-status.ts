import type { DocumentSnapshot } from './document-session'

/** What the save indicator says, and how loudly. */
export interface SaveStatus {
  label: string
  tone: 'quiet' | 'busy' | 'pending' | 'error'
}

/** The words of the save indicator, in the interface language. */
export interface SaveStatusLabels {
  saving: string
  conflict: string
  missing: string
  failed: (message: string) => string
  unsaved: string
  saved: string
}

/** {@link SaveStatusLabels} in English, for callers without translations. */
export const ENGLISH_SAVE_LABELS: SaveStatusLabels = {
  saving: 'Saving…',
  conflict: 'Not saved: changed on disk',
  missing: 'Not saved: deleted on disk',
  failed: (message) => `Not saved: ${message}`,
  unsaved: 'Unsaved changes',
  saved: 'Saved',
}

/**
 * The save indicator for a snapshot: `Saving…` while a save runs, the reason after a
 * conflict, a deletion on disk or a failure, `Unsaved changes` while dirty, else `Saved`
 * (in the words of `labels`).
 */
export function saveStatus(snapshot: Pick<DocumentSnapshot, 'isDirty' | 'save'>, labels: SaveStatusLabels = ENGLISH_SAVE_LABELS): SaveStatus {
  switch (snapshot.save.type) {
    case 'saving':
      return { label: labels.saving, tone: 'busy' }
    case 'conflict':
      return { label: labels.conflict, tone: 'error' }
    case 'missing':
      return { label: labels.missing, tone: 'error' }
    case 'failed':
      return { label: labels.failed(snapshot.save.message), tone: 'error' }
    case 'idle':
      return snapshot.isDirty ? { label: labels.unsaved, tone: 'pending' } : { label: labels.saved, tone: 'quiet' }
  }
}
