import type { TextRange } from '../../../src-shared/search/search-types'

/** A run of text that is, or is not, part of a match. */
export interface TextSegment {
  text: string
  isMatch: boolean
}

/**
 * Cuts `text` at the match `ranges` (`[start, end)` UTF-16 offsets, as search
 * results carry them) into plain and matched runs, in order, for rendering as text
 * nodes and `<mark>`s. Ranges may come unsorted, overlapping, touching or reaching
 * past the text: they are clamped and merged; empty ones are dropped.
 */
export function highlightSegments(text: string, ranges: readonly TextRange[]): TextSegment[] {
  const merged: Array<[number, number]> = []
  const sorted = ranges
    .map(([start, end]): [number, number] => [Math.max(0, Math.min(start, text.length)), Math.max(0, Math.min(end, text.length))])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
  for (const [start, end] of sorted) {
    const last = merged[merged.length - 1]
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  const segments: TextSegment[] = []
  let at = 0
  for (const [start, end] of merged) {
    if (start > at) segments.push({ text: text.slice(at, start), isMatch: false })
    segments.push({ text: text.slice(start, end), isMatch: true })
    at = end
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), isMatch: false })
  return segments
}
