import { Fragment, useMemo } from 'react'
import type { TextRange } from '../../../src-shared/search/search-types'
import { highlightSegments } from './highlight-segments'

/** Props of {@link Highlighted}. */
export interface HighlightedProps {
  text: string
  ranges: readonly TextRange[]
  className?: string
}

/**
 * `text` with its match `ranges` wrapped in `<mark>`, built from React text nodes
 * (file content is never turned into HTML).
 */
export function Highlighted({ text, ranges, className }: HighlightedProps) {
  const segments = useMemo(() => highlightSegments(text, ranges), [text, ranges])
  return (
    <span className={className}>
      {segments.map((segment, index) => (segment.isMatch ? <mark key={index}>{segment.text}</mark> : <Fragment key={index}>{segment.text}</Fragment>))}
    </span>
  )
}
