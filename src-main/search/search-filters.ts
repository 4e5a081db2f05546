import type { ParsedQuery } from '../../src-shared/search/parse-query'

/** What the filters of a query look at. */
export interface FilterablePost {
  path: string
  tags: string[]
  categories: string[][]
}

/** True when the query has any `tag:`, `category:` or `in:` filter. */
export function hasFilters(query: ParsedQuery): boolean {
  return query.tags.length > 0 || query.categories.length > 0 || query.folders.length > 0
}

/**
 * Whether a post passes every filter of the query (filters are ANDed, like terms).
 * `tag:x` matches the tag `x` and tags below it (`x/y`), ignoring case, width and a
 * leading `#`; `category:a/b` matches posts filed in `a/b` or below, and a single
 * name also matches that name at any depth (`category:Probability` finds
 * Math/Probability); `in:folder/sub` matches paths inside that folder, ignoring case.
 */
export function matchesFilters(post: FilterablePost, query: ParsedQuery): boolean {
  for (const wanted of query.tags) {
    const tag = fold(wanted.replace(/^#/, ''))
    if (!post.tags.some((candidate) => { const t = fold(candidate); return t === tag || t.startsWith(`${tag}/`) })) return false
  }
  for (const wanted of query.categories) {
    const path = wanted.map(fold)
    const isFound = post.categories.some((candidate) => {
      const folded = candidate.map(fold)
      if (path.length === 1 && folded.includes(path[0])) return true
      return path.every((name, i) => folded[i] === name)
    })
    if (!isFound) return false
  }
  for (const folder of query.folders) {
    if (!post.path.toLowerCase().startsWith(`${folder.toLowerCase()}/`)) return false
  }
  return true
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim()
}
