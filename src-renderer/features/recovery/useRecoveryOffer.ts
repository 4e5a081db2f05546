import { useCallback, useEffect, useState } from 'react'
import type { BackupEntry } from '../../../src-shared/model/recovery'
import { api } from '../../ipc'
import { isSaveConflict, type DocumentSession } from '../editor/document-session'

/** One backup offered for restore, with its text once read and how handling it went. */
export interface BackupOffer {
  entry: BackupEntry
  /** The backed-up text (`recovery.read`); null until read. */
  text: string | null
  /** The post's text on disk now, to compare; undefined until read, null when the post is gone. */
  diskText: string | null | undefined
  state: 'idle' | 'busy' | 'missing' | 'failed'
  /** Why the last action failed (main's message, or the reason to show). */
  message: string | null
}

/** The backups left by a crash, and what can be done with each. */
export interface RecoveryOffer {
  offers: BackupOffer[]
  /** Saves a backup over the version it was typed on and opens the post; a newer file opens the conflict view. */
  restore: (id: string) => Promise<void>
  /** Writes a backup of a post deleted since as a new file at its old path, and opens it. */
  recreate: (id: string) => Promise<void>
  discard: (id: string) => Promise<void>
  /** Hides the offer until the next start; the backups stay. */
  dismiss: () => void
}

/**
 * Looks for backups of unsaved edits when the vault opens (`recovery.list`) and
 * reads each one's text, and the post on disk, to show what a restore changes. Restoring goes through the same conflict
 * check as a save (`recovery.restore`); the post then opens in `session` and
 * `onOpened` shows the editor. `unsavedMessage` is shown when the open post's own
 * edits could not be saved first.
 */
export function useRecoveryOffer(session: DocumentSession, onOpened: () => void, unsavedMessage: string): RecoveryOffer {
  const [offers, setOffers] = useState<BackupOffer[]>([])

  useEffect(() => {
    let isCurrent = true
    void api.recovery.list().then(async (entries) => {
      if (!isCurrent || entries.length === 0) return
      setOffers(entries.map((entry) => ({ entry, text: null, diskText: undefined, state: 'idle', message: null })))
      for (const entry of entries) {
        const [read, disk] = await Promise.all([api.recovery.read(entry.id), api.vault.readPost(entry.path)])
        if (!isCurrent) return
        const diskText = disk.ok ? disk.document.text : null
        setOffers((current) =>
          current.map((offer) => (offer.entry.id !== entry.id ? offer : read.ok ? { ...offer, text: read.text, diskText } : { ...offer, diskText, state: 'failed', message: read.message })),
        )
      }
    })
    return () => {
      isCurrent = false
    }
  }, [])

  const patch = useCallback((id: string, fields: Partial<BackupOffer>) => setOffers((current) => current.map((offer) => (offer.entry.id === id ? { ...offer, ...fields } : offer))), [])
  const remove = useCallback((id: string) => setOffers((current) => current.filter((offer) => offer.entry.id !== id)), [])

  const restore = useCallback(
    async (id: string) => {
      const offer = offers.find((candidate) => candidate.entry.id === id)
      if (!offer || offer.text === null) return
      patch(id, { state: 'busy', message: null })
      if (!(await session.flush())) return patch(id, { state: 'failed', message: unsavedMessage })
      const result = await api.recovery.restore(id)
      if (result.ok) {
        await session.open(offer.entry.path, result.document)
        remove(id)
        return onOpened()
      }
      if (isSaveConflict(result)) {
        const opened = await session.open(offer.entry.path, result.disk)
        if (opened.ok && session.showConflict(offer.text, offer.entry.baseHash, result)) {
          remove(id)
          return onOpened()
        }
        return patch(id, { state: 'failed', message: opened.ok ? result.message : opened.message })
      }
      patch(id, { state: result.reason === 'missing' ? 'missing' : 'failed', message: result.message })
    },
    [offers, session, onOpened, unsavedMessage, patch, remove],
  )

  const recreate = useCallback(
    async (id: string) => {
      const offer = offers.find((candidate) => candidate.entry.id === id)
      if (!offer || offer.text === null) return
      patch(id, { state: 'busy', message: null })
      if (!(await session.flush())) return patch(id, { state: 'missing', message: unsavedMessage })
      const result = await api.vault.recreatePost(offer.entry.path, offer.text)
      if (!result.ok) return patch(id, { state: 'missing', message: result.message })
      await api.recovery.discard(id)
      await session.open(result.document.summary.path, result.document)
      remove(id)
      onOpened()
    },
    [offers, session, onOpened, unsavedMessage, patch, remove],
  )

  const discard = useCallback(
    async (id: string) => {
      patch(id, { state: 'busy', message: null })
      const result = await api.recovery.discard(id)
      // Already gone counts as discarded.
      if (result.ok || result.reason === 'missing') remove(id)
      else patch(id, { state: 'failed', message: result.message })
    },
    [patch, remove],
  )

  const dismiss = useCallback(() => setOffers([]), [])
  return { offers, restore, recreate, discard, dismiss }
}
