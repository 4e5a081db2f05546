import type { Text } from '@codemirror/state'
import { useEffect, useRef, useState } from 'react'

/** Documents at least this long (in characters) reach the preview at most every {@link LARGE_DOCUMENT_INTERVAL_MS}. */
export const LARGE_DOCUMENT = 150_000
/** How often a large document's preview follows the typing. */
export const LARGE_DOCUMENT_INTERVAL_MS = 600

/**
 * The document the preview should show: `doc` itself while it is short, and for a
 * long post the latest `doc` at most every {@link LARGE_DOCUMENT_INTERVAL_MS} (the
 * last version always arrives once typing stops). Patching a preview of thousands
 * of blocks costs the browser layout and paint work on the main thread, which must
 * not land on every keystroke. A new `postKey` (another post opened) shows at once.
 */
export function usePreviewDocument(doc: Text | null, postKey: unknown): Text | null {
  const isLarge = doc !== null && doc.length >= LARGE_DOCUMENT
  const [shown, setShown] = useState({ doc, postKey })
  const lastShownAt = useRef(0)

  useEffect(() => {
    if (!isLarge) return
    const wait = Math.max(0, lastShownAt.current + LARGE_DOCUMENT_INTERVAL_MS - performance.now())
    const timer = setTimeout(() => {
      lastShownAt.current = performance.now()
      setShown({ doc, postKey })
    }, wait)
    return () => clearTimeout(timer)
  }, [doc, postKey, isLarge])

  return isLarge && shown.postKey === postKey && shown.doc !== null ? shown.doc : doc
}
