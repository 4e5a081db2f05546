import { useCallback, useEffect, useRef } from 'react'
import type { LinkRef, LinkResolution } from '../../../src-shared/search/link-types'
import { linkKey, type EditorLinkHandlers, type FollowedLink } from '../../editor/links'
import { markUnresolvedLinks, previewLinks } from './mark-links'

/** The tooltip of an unresolved link in the preview. */
export type UnresolvedHint = (link: FollowedLink, resolution: Extract<LinkResolution, { isResolved: false }>) => string

/**
 * Marks the preview's links to posts that lead nowhere, asking main through the
 * editor's `handlers.resolve` (the same answers Ctrl/Cmd+click and a click get).
 * Call the returned function after each render with the blocks' container: known
 * answers are applied at once, links not asked yet are asked in one batch and
 * marked when it answers. Every answer is forgotten when `postPath` (relative
 * links mean something else) or `posts` (titles and paths changed) change.
 */
export function usePreviewLinkMarks(
  handlers: EditorLinkHandlers | null,
  postPath: string,
  posts: unknown,
  hint: UnresolvedHint,
): (blocks: HTMLElement) => void {
  const known = useRef(new Map<string, LinkResolution>())
  const asked = useRef(new Set<string>())
  const generation = useRef(0)
  const shown = useRef<HTMLElement | null>(null)
  const latest = useRef({ handlers, hint })
  useEffect(() => {
    latest.current = { handlers, hint }
  })

  const apply = useCallback((blocks: HTMLElement) => {
    markUnresolvedLinks(previewLinks(blocks), (link) => known.current.get(linkKey(link)), latest.current.hint)
  }, [])

  const mark = useCallback(
    (blocks: HTMLElement) => {
      shown.current = blocks
      apply(blocks)
      const { handlers } = latest.current
      if (!handlers) return
      const wanted = new Map<string, LinkRef>()
      for (const { link } of previewLinks(blocks)) {
        const key = linkKey(link)
        if (!known.current.has(key) && !asked.current.has(key)) wanted.set(key, { kind: link.kind, target: link.target })
      }
      if (wanted.size === 0) return
      const keys = [...wanted.keys()]
      for (const key of keys) asked.current.add(key)
      const askedIn = generation.current
      handlers.resolve([...wanted.values()]).then(
        (answers) => {
          if (askedIn !== generation.current) return
          keys.forEach((key, index) => {
            if (answers[index]) known.current.set(key, answers[index])
          })
          if (shown.current) apply(shown.current)
        },
        () => {
          // Ask again after the next render.
          for (const key of keys) asked.current.delete(key)
        },
      )
    },
    [apply],
  )

  useEffect(() => {
    generation.current++
    known.current = new Map()
    asked.current = new Set()
    if (shown.current) mark(shown.current)
    return () => {
      generation.current++
    }
  }, [postPath, posts, mark])

  return mark
}
