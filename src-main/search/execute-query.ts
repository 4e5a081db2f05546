import { parseQuery, type ParsedQuery, type QueryToken } from '../../src-shared/search/parse-query'
import type { SearchHit, SearchOptions, SearchResponse } from '../../src-shared/search/search-types'
import type { InvertedIndex } from './inverted-index'
import type { LiteralCache } from './literal-cache'
import type { SearchDoc } from './search-document'
import { hasFilters, matchesFilters } from './search-filters'
import { buildSnippets, highlightRanges, queryNeedles } from './snippets'
import { bestIndices } from './top-k'

/** What a query runs against. */
export interface QueryContext {
  index: InvertedIndex
  docs: ReadonlyMap<string, SearchDoc>
  /** The whole text of a post, or null when it cannot be read any more. */
  readText: (path: string) => Promise<string | null>
  /** The bytes of a post's file, read at once (phrase checks read many small files). */
  readBytes: (path: string) => Buffer | null
  /** Results of earlier literal checks, valid for the current index (see {@link LiteralCache}). */
  literalCache?: LiteralCache
}

/** Defaults and bounds of {@link SearchOptions}. */
export const SEARCH_LIMITS = { limit: 50, maxLimit: 500, snippetHits: 20, snippetsPerHit: 3 }

/** Candidates checked for phrases per round while filling a page. */
const READ_CONCURRENCY = 32
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

  // Posts are resolved to documents before any await: a compaction may renumber them meanwhile.
  const literals = literalsOf(query)
  const { docs, scores } = withoutKnownMisses(context, literals, filteredCandidates(context, query))
  const dateOf = (i: number) => docs[i].date
  let page: number[]
  let total = docs.length
  let isTotalExact = true
  if (literals.length === 0) {
    page = bestIndices(docs.length, offset + limit, ranking(scores, dateOf)).slice(offset)
  } else {
    // Rank only as deep as the checks go, doubling the depth while the page is not full.
    let depth = Math.min(docs.length, Math.max(READ_CONCURRENCY, (offset + limit) * 2))
    let ranked = bestIndices(docs.length, depth, ranking(scores, dateOf))
    const verified: number[] = []
    let checked = 0
    while (checked < ranked.length && verified.length < offset + limit) {
      const batch = ranked.slice(checked, checked + READ_CONCURRENCY)
      const kept = await verifyLiterals(context, batch.map((i) => docs[i].path), literals)
      for (const k of kept) verified.push(batch[k])
      checked += batch.length
      if (checked === ranked.length && depth < docs.length) {
        depth = Math.min(docs.length, depth * 4)
        ranked = bestIndices(docs.length, depth, ranking(scores, dateOf))
      }
    }
    total = verified.length + (docs.length - checked)
    isTotalExact = checked === docs.length
    page = verified.slice(offset, offset + limit)
  }

  const needles = queryNeedles(query)
  const snippetHits = clamp(options.snippetHits ?? SEARCH_LIMITS.snippetHits, 0, limit)
  const snippetsPerHit = clamp(options.snippetsPerHit ?? SEARCH_LIMITS.snippetsPerHit, 0, 20)
  const hits = await Promise.all(page.map(async (i, rank): Promise<SearchHit> => {
    const doc = docs[i]
    const hit: SearchHit = {
      path: doc.path, title: doc.title, titleRanges: highlightRanges(doc.title, needles),
      tags: doc.tags, categories: doc.categories, date: doc.date, score: scores[i],
    }
    if (rank < snippetHits && needles.length > 0) {
      const body = await context.readText(doc.path)
      hit.snippets = body === null ? [] : buildSnippets(body, needles, snippetsPerHit)
    }
    return hit
  }))
  return { total, isTotalExact, hits, elapsedMs: performance.now() - started }
}

/**
 * Every post matching a parsed query, unordered, with scores: the tokens through
 * the index, then the filters, then every literal check. The recall check against
 * `rg` reads these whole; the window uses {@link executeQuery}.
 */
export async function findMatches(context: QueryContext, query: ParsedQuery): Promise<{ paths: string[]; scores: Float64Array }> {
  const { docs, scores } = filteredCandidates(context, query)
  const paths = docs.map((doc) => doc.path)
  const literals = literalsOf(query)
  if (literals.length === 0) return { paths, scores }
  const kept = pick(paths, scores, await verifyLiterals(context, paths, literals))
  return { paths: kept.ids, scores: kept.scores }
}

/** Every required token of a query, deduplicated across clauses. */
export function requiredTokens(query: ParsedQuery): QueryToken[] {
  const seen = new Set<string>()
  const tokens: QueryToken[] = []
  for (const clause of query.clauses) {
    for (const token of clause.tokens) {
      const key = `${token.type}\u0000${token.term}`
      if (seen.has(key)) continue
      seen.add(key)
      tokens.push(token)
    }
  }
  return tokens
}

function filteredCandidates(context: QueryContext, query: ParsedQuery): { docs: SearchDoc[]; scores: Float64Array } {
  const { ids, scores } = candidates(context.index, query)
  const found: SearchDoc[] = []
  const kept: number[] = []
  const isFiltered = hasFilters(query)
  for (let i = 0; i < ids.length; i++) {
    const path = context.index.post(ids[i])?.path
    const doc = path === undefined ? undefined : context.docs.get(path)
    if (doc === undefined || (isFiltered && !matchesFilters(doc, query))) continue
    found.push(doc)
    kept.push(i)
  }
  return { docs: found, scores: kept.length === ids.length ? scores : pick(ids, scores, kept).scores }
}

/** Drops the candidates an earlier check found without the literals, so ranking and paging skip them. */
function withoutKnownMisses(context: QueryContext, literals: string[], found: { docs: SearchDoc[]; scores: Float64Array }): { docs: SearchDoc[]; scores: Float64Array } {
  if (literals.length === 0) return found
  const known = context.literalCache?.resultsFor(literals)
  if (known === undefined || known === null || known.size === 0) return found
  const kept: number[] = []
  for (let i = 0; i < found.docs.length; i++) if (known.get(found.docs[i].path) !== false) kept.push(i)
  if (kept.length === found.docs.length) return found
  const picked = pick(found.docs, found.scores, kept)
  return { docs: picked.ids, scores: picked.scores }
}

/** The texts to find literally: quoted phrases, and clauses with nothing to index (`$$`). */
function literalsOf(query: ParsedQuery): string[] {
  return query.clauses.filter((clause) => clause.isPhrase || clause.tokens.length === 0).map((clause) => clause.text.toLowerCase())
}

function candidates(index: InvertedIndex, query: ParsedQuery): { ids: number[]; scores: Float64Array } {
  const tokens = requiredTokens(query)
  if (tokens.length > 0) return index.match(tokens)
  const ids = index.paths().map((path) => index.idOf(path) as number)
  return { ids, scores: new Float64Array(ids.length) }
}

/**
 * The positions in `ids` of the posts containing every literal, ignoring case. A
 * literal without cased letters (Chinese, digits, symbols) is looked for in the
 * file's bytes, skipping the decode; others in the lowercased text. Reads
 * synchronously, yielding to the event loop every {@link SLICE_MS}.
 */
async function verifyLiterals(context: QueryContext, paths: readonly string[], literals: string[]): Promise<number[]> {
  const byteLiterals = literals.filter((literal) => literal.toUpperCase() === literal).map((literal) => Buffer.from(literal, 'utf8'))
  const textLiterals = literals.filter((literal) => literal.toUpperCase() !== literal)
  const textLiteralBytes = textLiterals.map((literal) => Buffer.from(literal, 'utf8'))
  const cache = context.literalCache?.resultsFor(literals) ?? null
  const kept: number[] = []
  let sliceStart = performance.now()
  for (let k = 0; k < paths.length; k++) {
    const known = cache?.get(paths[k])
    if (known !== undefined) {
      if (known) kept.push(k)
      continue
    }
    const bytes = context.readBytes(paths[k])
    if (bytes === null) continue
    const isMatch = containsLiterals(bytes, byteLiterals, textLiterals, textLiteralBytes)
    cache?.set(paths[k], isMatch)
    if (isMatch) kept.push(k)
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      sliceStart = performance.now()
    }
  }
  return kept
}

function containsLiterals(bytes: Buffer, byteLiterals: Buffer[], textLiterals: string[], textLiteralBytes: Buffer[]): boolean {
  if (!byteLiterals.every((literal) => bytes.includes(literal))) return false
  // Most occurrences are written in lower case: find those in the bytes, decode only for the rest.
  const unseen = textLiterals.filter((literal, i) => !bytes.includes(textLiteralBytes[i]))
  if (unseen.length === 0) return true
  const lower = bytes.toString('utf8').toLowerCase()
  return unseen.every((literal) => lower.includes(literal))
}

/** Higher score first, then newer date, then earlier position: a total order, so pages are stable. */
function ranking(scores: Float64Array, dateOf: (i: number) => string): (a: number, b: number) => boolean {
  return (a, b) => scores[a] > scores[b] || (scores[a] === scores[b] && (dateOf(a) > dateOf(b) || (dateOf(a) === dateOf(b) && a < b)))
}

function pick<T>(ids: T[], scores: Float64Array, kept: number[]): { ids: T[]; scores: Float64Array } {
  const nextScores = new Float64Array(kept.length)
  const nextIds = kept.map((i, k) => {
    nextScores[k] = scores[i]
    return ids[i]
  })
  return { ids: nextIds, scores: nextScores }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.floor(Number.isFinite(value) ? value : min)))
}
