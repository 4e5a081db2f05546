import type { SearchHit, Snippet } from '../../../src-shared/search/search-types'
import type { EditorLocation } from '../../editor/links'

/** Where opening a snippet puts the editor: its first match selected (the line's start when it has none). */
export function snippetLocation(snippet: Snippet): EditorLocation {
  const first = snippet.ranges[0]
  return { type: 'range', line: snippet.line, column: snippet.column, length: first ? first[1] - first[0] : 0 }
}

/** Where opening a hit puts the editor: at its best snippet, or the top when only its title or tags matched. */
export function hitLocation(hit: SearchHit): EditorLocation | undefined {
  const first = hit.snippets?.[0]
  return first ? snippetLocation(first) : undefined
}
