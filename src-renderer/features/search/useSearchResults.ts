import { useEffect, useState } from 'react'
import type { SearchResponse } from '../../../src-shared/search/search-types'
import { api } from '../../ipc'

/** How long typing must pause before a query is sent. */
export const SEARCH_DEBOUNCE_MS = 120

/** The latest answer of a search, and whether a newer one is on its way. */
export interface SearchResults {
  /** The query {@link response} answers; it may lag behind what is typed. */
  query: string
  response: SearchResponse | null
  isPending: boolean
  error: string | null
}

const idle: SearchResults = { query: '', response: null, isPending: false, error: null }

/**
 * Full-text search as you type: `query` is sent once typing pauses for
 * {@link SEARCH_DEBOUNCE_MS}, with `limit` hits and snippets for all of them; an
 * answer that arrives after a newer query was sent is dropped, so results never
 * go backwards. Typing itself never waits for main. `refreshKey` re-runs the
 * current query (e.g. when indexing makes progress).
 */
export function useSearchResults(query: string, limit: number, refreshKey: unknown): SearchResults {
  const [results, setResults] = useState<SearchResults>(idle)
  const text = query.trim()

  useEffect(() => {
    if (text === '') {
      setResults(idle)
      return
    }
    let isCurrent = true
    setResults((current) => ({ ...current, isPending: true }))
    const timer = setTimeout(() => {
      api.search.query(text, { limit, snippetHits: limit, snippetsPerHit: 3 }).then(
        (response) => {
          if (isCurrent) setResults({ query: text, response, isPending: false, error: null })
        },
        (error: unknown) => {
          if (isCurrent) setResults({ query: text, response: null, isPending: false, error: error instanceof Error ? error.message : String(error) })
        },
      )
    }, SEARCH_DEBOUNCE_MS)
    return () => {
      isCurrent = false
      clearTimeout(timer)
    }
  }, [text, limit, refreshKey])

  return results
}
