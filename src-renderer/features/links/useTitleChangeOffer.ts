import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { RenamePlan } from '../../../src-shared/search/link-types'
import { api } from '../../ipc'
import type { DocumentSession } from '../editor/document-session'

/** A title that changed while links still use the old one. */
export interface TitleChange {
  path: string
  oldTitle: string
  newTitle: string
  plan: RenamePlan
}

/** The current offer and what can be done with it. */
export interface TitleChangeOffer {
  change: TitleChange | null
  /** Leaves the links as they are; the new title becomes the one links are compared with. */
  dismiss: () => void
  /** Records `title` as the title links use now (after a rename updated them, or before saving one). */
  acknowledge: (path: string, title: string) => void
}

/**
 * Notices when a post's title changes on save (typed in its front matter, or
 * changed on disk) while other posts still link to it by its old title, and offers
 * to update those links; it never updates them by itself. The old title is the one
 * the post had when it was opened (or last acknowledged), so a title typed over
 * several autosaves is one change. Renaming the title back withdraws the offer.
 */
export function useTitleChangeOffer(session: DocumentSession): TitleChangeOffer {
  const baseline = useRef(new Map<string, string>())
  const [change, setChange] = useState<TitleChange | null>(null)
  const asked = useRef(0)

  useEffect(
    () =>
      session.onDocument((document) => {
        const { path, title } = document.summary
        const known = baseline.current.get(path)
        if (known === undefined) {
          baseline.current.set(path, title)
          return
        }
        const request = ++asked.current
        if (known === title) {
          setChange((current) => (current?.path === path ? null : current))
          return
        }
        void api.links.planRename(path, { type: 'title', oldTitle: known, newTitle: title }).then((result) => {
          if (request !== asked.current) return
          if (result.ok && result.plan.linkCount > 0) setChange({ path, oldTitle: known, newTitle: title, plan: result.plan })
          else {
            baseline.current.set(path, title)
            setChange((current) => (current?.path === path ? null : current))
          }
        })
      }),
    [session],
  )

  const dismiss = useCallback(() => {
    if (change) baseline.current.set(change.path, change.newTitle)
    asked.current++
    setChange(null)
  }, [change])
  const acknowledge = useCallback((path: string, title: string) => {
    baseline.current.set(path, title)
    asked.current++
    setChange((current) => (current?.path === path ? null : current))
  }, [])

  return useMemo(() => ({ change, dismiss, acknowledge }), [change, dismiss, acknowledge])
}
