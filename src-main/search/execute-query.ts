import { parseQuery, type ParsedQuery, type QueryToken } from '../../src-shared/search/parse-query'
import type { SearchHit, SearchOptions, SearchResponse } from '../../src-shared/search/search-types'
import type { IndexedPost, InvertedIndex, MatchSet } from './inverted-index'
import { CONTAINS, LACKS, UNCHECKED, type LiteralCache, type LiteralResults } from './literal-cache'
import { LiteralMatcher } from './literal-matcher'
import type { SearchDoc } from './search-document'
import { hasFilters, matchesFilters } from './search-filters'
import { buildSnippets, highlightRanges, queryNeedles } from './snippets'
import { bestByScore } from './top-k'

/** What a query runs against. */
export interface QueryContext {
  index: InvertedIndex
  docs: ReadonlyMap<string, SearchDoc>
  /** The whole text of a post, or null when it cannot be read any more. */
  readText: (path: string) => Promise<string | null>
  /**
   * The bytes of a post's file, read at once (phrase checks read many small files);
   * only valid until the next call, which may reuse the buffer.
   */
  readBytes: (path: string) => Buffer | null
  /** Results of earlier literal checks, valid for the current index (see {@link LiteralCache}). */
  literalCache?: LiteralCache
}

/** Defaults and bounds of {@link SearchOptions}. */
export const SEARCH_LIMITS = { limit: 50, maxLimit: 500, snippetHits: 20, snippetsPerHit: 3 }

/** Most candidates checked for phrases per round while filling a page. */
const READ_BATCH = 32
/** Longest stretch of synchronous phrase checking before yielding to other work. */
const SLICE_MS = 8

/**
 * Runs a search: every token of every clause must match (see `InvertedIndex.match`),
 * then the filters, then each quoted phrase (and any clause with no letters, such
 * as `$$`) is checked literally, ignoring case, in the post's text. Hits are
 * ordered by score, then newest first; a query with only filters lists posts
 * newest first. Literal checks read files, so they run in rank order only until
 * the requested page is full: `total` then counts the unchecked candidates too and
 * `isTotalExact` is false. Snippets are read for the returned hits only.
 */
export async function executeQuery(context: QueryContext, text: string, options: SearchOptions = {}): Promise<Omit<SearchResponse, 'isIndexing'>> {
  const started = performance.now()
  const query = parseQuery(text)
  const limit = clamp(options.limit ?? SEARCH_LIMITS.limit, 0, SEARCH_LIMITS.maxLimit)
  const offset = Math.max(0, Math.floor(options.offset ?? 0))
  if (query.isEmpty) return { total: 0, isTotalExact: true, hits: [], elapsedMs: performance.now() - started }

  // Post numbers are read through this table, which stays valid across awaits (see `InvertedIndex.table`).
  const table = context.index.table()
  const literals = literalsOf(query)
  const known = literals.length === 0 ? null : context.literalCache?.resultsFor(literals, context.index.generation) ?? null
  const found = filteredCandidates(context, query, table, known)
  const { ids, scores } = found
  const isBetterTie = newerFirst(ids, table, context.index.dateKeys())
  let page: Int32Array
  let total = found.length
  let isTotalExact = true
  if (literals.length === 0) {
    page = bestByScore(scores, found.length, offset + limit, isBetterTie).subarray(offset)
  } else {
    // Rank only as deep as the checks go, quadrupling the depth while the page is not full.
    let depth = Math.min(found.length, Math.max(READ_BATCH, (offset + limit) * 2))
    let ranked = bestByScore(scores, found.length, depth, isBetterTie)
    const verified: number[] = []
    let checked = 0
    while (checked < ranked.length && verified.length < offset + limit) {
      // No more files than the page still lacks: most candidates usually hold the phrase.
      const batch = ranked.subarray(checked, checked + Math.min(READ_BATCH, offset + limit - verified.length))
      const kept = await verifyLiterals(context, Array.from(batch, (i) => ids[i]), table, literals, known)
      for (const k of kept) verified.push(batch[k])
      checked += batch.length
      if (checked === ranked.length && depth < found.length) {
        depth = Math.min(found.length, depth * 4)
        ranked = bestByScore(scores, found.length, depth, isBetterTie)
      }
    }
    total = verified.length + (found.length - checked)
    isTotalExact = checked === found.length
    page = Int32Array.from(verified.slice(offset, offset + limit))
  }

  const needles = queryNeedles(query)
  const snippetHits = clamp(options.snippetHits ?? SEARCH_LIMITS.snippetHits, 0, limit)
  const snippetsPerHit = clamp(options.snippetsPerHit ?? SEARCH_LIMITS.snippetsPerHit, 0, 20)
  const hits: SearchHit[] = []
  for (const i of page) {
    const doc = docOf(context, table, ids[i])
    if (doc === undefined) continue
    hits.push({
      path: doc.path, title: doc.title, titleRanges: highlightRanges(doc.title, needles),
      tags: doc.tags, categories: doc.categories, date: doc.date, score: scores[i],
    })
  }
  if (needles.length > 0) {
    await Promise.all(hits.slice(0, snippetHits).map(async (hit) => {
      const body = await context.readText(hit.path)
      hit.snippets = body === null ? [] : buildSnippets(body, needles, snippetsPerHit)
    }))
  }
  return { total, isTotalExact, hits, elapsedMs: performance.now() - started }
}

/**
 * Every post matching a parsed query, unordered, with scores: the tokens through
 * the index, then the filters, then every literal check. The recall check against
 * `rg` reads these whole; the window uses {@link executeQuery}.
 */
export async function findMatches(context: QueryContext, query: ParsedQuery): Promise<{ paths: string[]; scores: Float64Array }> {
  const table = context.index.table()
  const literals = literalsOf(query)
  const known = literals.length === 0 ? null : context.literalCache?.resultsFor(literals, context.index.generation) ?? null
  const { ids, scores, length } = filteredCandidates(context, query, table, known)
  let kept = Array.from({ length }, (_, i) => i)
  if (literals.length > 0) kept = await verifyLiterals(context, Array.from(ids.subarray(0, length)), table, literals, known)
  const paths: string[] = []
  const keptScores: number[] = []
  for (const i of kept) {
    const post = table[ids[i]]
    if (post === null) continue
    paths.push(post.path)
    keptScores.push(scores[i])
  }
  return { paths, scores: Float64Array.from(keptScores) }
}

/** Every required token of a query, deduplicated across clauses. */
export function requiredTokens(query: ParsedQuery): QueryToken[] {
  const seen = new Set<string>()
  const tokens: QueryToken[] = []
  for (const clause of query.clauses) {
    for (const token of clause.tokens) {
      const key = `${token.type}\u0000${token.term}\u0000${token.position ?? ''}`
      if (seen.has(key)) continue
      seen.add(key)
      tokens.push(token)
    }
  }
  return tokens
}

/**
 * Candidates of a query: matched posts (see {@link candidates}) passing the
 * filters, whose phrase signatures may hold the literals' junctions, and not
 * known to lack the literals.
 */
interface Candidates {
  /** Post numbers; the first {@link length} entries count. */
  ids: Int32Array
  /** Score of `ids[i]`. */
  scores: Float64Array
  length: number
}

function filteredCandidates(context: QueryContext, query: ParsedQuery, table: ReadonlyArray<IndexedPost | null>, known: LiteralResults | null): Candidates {
  const { index } = context
  const { ids, scores } = candidates(index, query)
  const isFiltered = hasFilters(query)
  const junctions = [...new Set(literalsOf(query).flatMap((literal) => index.phraseKeys(literal)))]
  // Most queries have neither phrases nor filters: every candidate stays, with no pass over thousands of them.
  if (known === null && junctions.length === 0 && !isFiltered) return { ids, scores, length: ids.length }
  // Compacted in place: a candidate moves down over the dropped ones.
  let length = 0
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]
    const state = known === null ? UNCHECKED : known.get(id)
    if (state === LACKS || (state === UNCHECKED && !index.mayContainPhrase(id, junctions))) continue
    if (isFiltered) {
      const doc = docOf(context, table, id)
      if (doc === undefined || !matchesFilters(doc, query)) continue
    }
    ids[length] = id
    scores[length++] = scores[i]
  }
  return { ids, scores, length }
}

/** The texts to find literally: quoted phrases, and clauses with nothing to index (`$$`). */
function literalsOf(query: ParsedQuery): string[] {
  return query.clauses.filter((clause) => clause.isPhrase || clause.tokens.length === 0).map((clause) => clause.text.toLowerCase())
}

function candidates(index: InvertedIndex, query: ParsedQuery): MatchSet {
  const tokens = requiredTokens(query)
  if (tokens.length > 0) return index.match(tokens)
  const table = index.table()
  const ids: number[] = []
  for (let id = 0; id < table.length; id++) if (table[id] !== null) ids.push(id)
  return { ids: Int32Array.from(ids), scores: new Float64Array(ids.length) }
}

/** The search document of post `id`, or undefined when it was removed. */
function docOf(context: QueryContext, table: ReadonlyArray<IndexedPost | null>, id: number): SearchDoc | undefined {
  const post = table[id]
  return post === null || post === undefined ? undefined : context.docs.get(post.path)
}

/** Orders candidates with equal scores: newer date first, then lower post number. */
function newerFirst(ids: Int32Array, table: ReadonlyArray<IndexedPost | null>, dates: Float64Array): (a: number, b: number) => boolean {
  return (a, b) => {
    const idA = ids[a]
    const idB = ids[b]
    if (dates[idA] !== dates[idB]) return dates[idA] > dates[idB]
    const dateA = table[idA]?.date ?? ''
    const dateB = table[idB]?.date ?? ''
    return dateA > dateB || (dateA === dateB && idA < idB)
  }
}

/**
 * The positions in `ids` of the posts containing every literal, ignoring case
 * (see {@link LiteralMatcher}), using and filling `known`. Reads synchronously,
 * yielding to the event loop every {@link SLICE_MS}.
 */
async function verifyLiterals(context: QueryContext, ids: readonly number[], table: ReadonlyArray<IndexedPost | null>, literals: string[], known: LiteralResults | null): Promise<number[]> {
  const matcher = new LiteralMatcher(literals)
  const kept: number[] = []
  let sliceStart = performance.now()
  for (let k = 0; k < ids.length; k++) {
    const state = known === null ? UNCHECKED : known.get(ids[k])
    if (state !== UNCHECKED) {
      if (state === CONTAINS) kept.push(k)
      continue
    }
    const post = table[ids[k]]
    const bytes = post === null ? null : context.readBytes(post.path)
    if (bytes === null) continue
    const isMatch = matcher.matches(bytes)
    known?.set(ids[k], isMatch ? CONTAINS : LACKS)
    if (isMatch) kept.push(k)
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      sliceStart = performance.now()
    }
  }
  return kept
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(Number.isFinite(value) ? value : min)))
}
