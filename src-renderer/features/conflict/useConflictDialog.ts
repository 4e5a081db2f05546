import { useState } from 'react'
import type { SaveConflict } from '../../../src-shared/model/save-conflict'
import type { SaveState } from '../editor/document-session'

/** Whether the conflict view shows, which conflict it shows, and the ways to open and close it. */
export interface ConflictDialogState {
  conflict: SaveConflict | null
  isOpen: boolean
  open: () => void
  close: () => void
}

/**
 * Opens the conflict view by itself for every new conflict (a save or an outside
 * change found one), and keeps showing it while a resolution is being written, so
 * it does not flicker; closing it ("decide later") holds until the next conflict,
 * and {@link ConflictDialogState.open} brings it back.
 */
export function useConflictDialog(save: SaveState): ConflictDialogState {
  const current = save.type === 'conflict' ? save.conflict : null
  const [held, setHeld] = useState<SaveConflict | null>(current)
  const [dismissed, setDismissed] = useState<SaveConflict | null>(null)
  // Derived state: follow the session, except through the 'saving' of a resolution.
  if (current !== held && (current !== null || save.type !== 'saving')) setHeld(current)
  const conflict = current ?? (save.type === 'saving' ? held : null)
  return {
    conflict,
    isOpen: conflict !== null && conflict !== dismissed,
    open: () => setDismissed(null),
    close: () => setDismissed(conflict),
  }
}
