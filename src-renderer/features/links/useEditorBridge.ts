import { useEffect, useRef, useState } from 'react'
import type { EditorLinkHandlers } from '../../editor/links'
import { createEditorBridge, type EditorBridge } from './editor-bridge'

/**
 * One {@link EditorBridge} for the life of the component, serving the editor's
 * link features with the latest `handlers` (they may change on every render).
 */
export function useEditorBridge(handlers: EditorLinkHandlers): EditorBridge {
  const latest = useRef(handlers)
  useEffect(() => {
    latest.current = handlers
  })
  const [bridge] = useState(() =>
    createEditorBridge({
      resolve: (links) => latest.current.resolve(links),
      complete: (query) => latest.current.complete(query),
      follow: (link, resolution) => latest.current.follow(link, resolution),
      hint: (link, resolution) => latest.current.hint?.(link, resolution) ?? null,
    }),
  )
  return bridge
}
