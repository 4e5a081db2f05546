import { useEffect, useState } from 'react'
import type { DiffPart, HistoryEntry } from '../../../src-shared/model/history'
import { api } from '../../ipc'

/** One saved version opened for viewing: its text and its diff to the file on disk. */
export interface HistoryDetail {
  id: string
  text: string
  parts: DiffPart[]
}

/** The saved versions of a post, the one selected, and what it holds. */
export interface HistoryState {
  /** Newest first; null while loading. */
  entries: HistoryEntry[] | null
  selectedId: string | null
  select: (id: string) => void
  /** The selected version's text and diff; null while loading. */
  detail: HistoryDetail | null
  /** Main's message when the list or a version could not be read. */
  error: string | null
}

/**
 * Loads the local history of `path` (`history.list`), selects the newest version
 * that differs from `currentHash` (the text on disk), and reads the selected
 * version's text and its diff to the disk (`history.read`, `history.diff`).
 * Answers for a path or version no longer shown are dropped.
 */
export function useHistory(path: string, currentHash: string): HistoryState {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null)
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [detail, setDetail] = useState<HistoryDetail | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    let isCurrent = true
    void api.history.list(path).then((result) => {
      if (!isCurrent) return
      if (!result.ok) {
        setError(result.message)
        setEntries([])
        return
      }
      setEntries(result.entries)
      const first = result.entries.find((entry) => entry.hash !== currentHash) ?? result.entries[0]
      setSelectedId(first?.id ?? null)
    })
    return () => {
      isCurrent = false
    }
  }, [path, currentHash])

  useEffect(() => {
    if (!selectedId) return
    let isCurrent = true
    setDetail(null)
    void Promise.all([api.history.read(path, selectedId), api.history.diff(path, selectedId)]).then(([read, diff]) => {
      if (!isCurrent) return
      if (!read.ok) setError(read.message)
      else if (!diff.ok) setError(diff.message)
      else {
        setError(null)
        setDetail({ id: selectedId, text: read.text, parts: diff.parts })
      }
    })
    return () => {
      isCurrent = false
    }
  }, [path, selectedId])

  return { entries, selectedId, select: setSelectedId, detail, error }
}
