import type { Text } from '@codemirror/state'
import type { EditorLocation, RevealAlignment } from '../../editor/links'
import { findHeading } from '../outline/heading-match'
import { extractOutline } from '../outline/outline'

/** A place to open a post at: a match the editor can select, or a heading a link names (`[[Post#Heading]]`). */
export type PostLocation = EditorLocation | { type: 'heading'; heading: string }

/** A {@link PostLocation} found in a text: what to select, how to scroll to it, and its zero-based line. */
export interface PlacedLocation {
  location: EditorLocation
  align: RevealAlignment
  line: number
  /** True when the location is a heading that was found (the preview then shows that heading at its top). */
  isHeading: boolean
  /** The heading asked for when the text has none like it: the post is shown from its top instead. */
  missingHeading: string | null
}

/**
 * Places `location` in `doc`. A match is selected and centred; a heading is found
 * as the outline and the preview see headings (`findHeading`: by text, then by
 * anchor, never inside code, math or front matter) and gets the cursor at its
 * start, scrolled near the top. A heading that is not there places the cursor at
 * the top of the post and says which heading was missing.
 */
export function placeLocation(doc: Text, location: PostLocation): PlacedLocation {
  if (location.type === 'range') {
    const line = Math.min(Math.max(1, location.line), doc.lines) - 1
    return { location, align: 'center', line, isHeading: false, missingHeading: null }
  }
  const heading = findHeading(extractOutline(doc.toString()), location.heading)
  if (!heading) return { location: { type: 'range', line: 1, column: 0, length: 0 }, align: 'start', line: 0, isHeading: false, missingHeading: location.heading }
  return { location: { type: 'range', line: heading.line + 1, column: 0, length: 0 }, align: 'start', line: heading.line, isHeading: true, missingHeading: null }
}
