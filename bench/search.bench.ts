import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildSearchIndex } from '../src-main/search/build-search-index'
import { VaultSearch } from '../src-main/search/vault-search'
import { decodeText } from '../src-main/vault/text-codec'
import { ALL_ORACLE_QUERIES, rgMatches } from '../test/search/oracle-queries'
import { vaultPosts } from '../test/search/vault-posts'
import { ensureCorpus } from './support/corpus'
import { percentiles, writeReport } from './support/report'

/**
 * `npm run bench -- search`: full-text search on the shared 10,000-post corpus
 * (seed 42) against ripgrep over the same folder in the same run. Measures the
 * cold build (in the search worker, and in one thread for reference), the index
 * size on disk, a warm start, an incremental update, query latency (ranked hits
 * alone, and with the first page's snippets read from disk, no text cache) and
 * recall against `rg -F -i -l` over the oracle query set, which must be 1.
 */
const REPEATS = 15
const RG_REPEATS = 3

const corpus = ensureCorpus(10000)
const work = await mkdtemp(join(tmpdir(), 'lemma-search-bench-'))
const indexFile = join(work, 'search-index.bin')
try {
  const metas = await vaultPosts(corpus)

  let started = performance.now()
  const cold = new VaultSearch({ root: corpus, indexFile, textCacheSize: 0 })
  await cold.start(metas)
  const buildWorkerMs = performance.now() - started
  await cold.close()
  const indexBytes = (await stat(indexFile)).size

  global.gc?.()
  const { buildInProcessMs, postings, terms } = await (async () => {
    const t = performance.now()
    const single = await buildSearchIndex(corpus, metas)
    return { buildInProcessMs: performance.now() - t, postings: single.segment.ids.length, terms: single.segment.terms.length }
  })()

  global.gc?.()
  global.gc?.()
  const heapBefore = process.memoryUsage()
  started = performance.now()
  const search = new VaultSearch({ root: corpus, indexFile, textCacheSize: 0, persistDelayMs: 3_600_000 })
  await search.start(metas)
  const warmStartMs = performance.now() - started
  global.gc?.()
  const heapAfter = process.memoryUsage()
  const memoryMb = (heapAfter.heapUsed + heapAfter.arrayBuffers - heapBefore.heapUsed - heapBefore.arrayBuffers) / 1e6

  const updates: number[] = []
  for (let i = 0; i < 20; i++) {
    const meta = metas[(i * 487) % metas.length]
    const text = decodeText(await readFile(join(corpus, meta.path))).text
    const changed = `${text}\n补充一段新的笔记 zzbenchupdate${i}\n`
    const t = performance.now()
    search.indexPost(meta, changed)
    updates.push(performance.now() - t)
  }
  const found = await search.matchingPaths('zzbenchupdate7')
  if (found.length !== 1) throw new Error(`incremental update not searchable: ${found.length}`)

  // The same index with phrase results never remembered: what a phrase query costs the first time.
  const uncached = new VaultSearch({ root: corpus, indexFile, textCacheSize: 0, literalCacheSize: 0, persistDelayMs: 3_600_000 })
  await uncached.start(metas)
  const uncachedMs: number[] = []

  // The first query after a warm start also pays for compiling the query path: it is reported on its
  // own, then every query runs once untimed so that the timed runs below measure steady-state code.
  const firstStarted = performance.now()
  await search.query(ALL_ORACLE_QUERIES[0], { limit: 50, snippetHits: 0 })
  const firstQueryMs = performance.now() - firstStarted
  for (const query of ALL_ORACLE_QUERIES) {
    await search.query(query, { limit: 50, snippetHits: 0 })
    await uncached.query(query, { limit: 50, snippetHits: 0 })
  }

  let expected = 0
  let recalled = 0
  let worstRecall = 1
  const lemmaMs: number[] = []
  const lemmaSnippetMs: number[] = []
  const rgMs: number[] = []
  for (const query of ALL_ORACLE_QUERIES) {
    const rgRuns: number[] = []
    let oracle: string[] = []
    for (let r = 0; r < RG_REPEATS; r++) {
      const t = performance.now()
      oracle = await rgMatches(corpus, query)
      rgRuns.push(performance.now() - t)
    }
    rgMs.push(percentiles(rgRuns).median)
    const lemma = new Set(await search.matchingPaths(query))
    const hit = oracle.filter((path) => lemma.has(path)).length
    expected += oracle.length
    recalled += hit
    if (oracle.length > 0) worstRecall = Math.min(worstRecall, hit / oracle.length)

    await search.query(query, { snippetHits: 0 })
    const runs: number[] = []
    const snippetRuns: number[] = []
    // Each kind in a loop of its own, so that a timed query does not pay for the garbage of the snippet run before it.
    for (let r = 0; r < REPEATS; r++) {
      const t = performance.now()
      await search.query(query, { limit: 50, snippetHits: 0 })
      runs.push(performance.now() - t)
    }
    for (let r = 0; r < REPEATS; r++) {
      const t = performance.now()
      await search.query(query, { limit: 50, snippetHits: 20 })
      snippetRuns.push(performance.now() - t)
    }
    lemmaMs.push(percentiles(runs).median)
    const uncachedRuns: number[] = []
    for (let r = 0; r < 3; r++) {
      const u = performance.now()
      await uncached.query(query, { limit: 50, snippetHits: 0 })
      uncachedRuns.push(performance.now() - u)
    }
    uncachedMs.push(percentiles(uncachedRuns).median)
    lemmaSnippetMs.push(percentiles(snippetRuns).median)
  }

  const quickOpenMs: number[] = []
  for (const text of ['ksmx', 'kuosan', '扩散', 'notes pytorch', 'zhijie', 'dl/2020']) {
    search.quickOpen(text, [])
    const t = performance.now()
    for (let r = 0; r < REPEATS; r++) search.quickOpen(text, metas.slice(0, 10).map((meta) => meta.path))
    quickOpenMs.push((performance.now() - t) / REPEATS)
  }

  const backlinkTarget = metas[0].path
  let t = performance.now()
  const backlinks = search.links().backlinks(backlinkTarget)
  const backlinksColdMs = performance.now() - t
  t = performance.now()
  search.links().backlinks(metas[1].path)
  const backlinksWarmMs = performance.now() - t
  const unresolved = search.links().unresolved().length
  await search.close()
  await uncached.close()

  const slowest = (timings: number[]) => timings.map((ms, i) => ({ ms, query: ALL_ORACLE_QUERIES[i] }))
    .sort((a, b) => b.ms - a.ms).slice(0, 5).map(({ ms, query }) => `${query} ${ms.toFixed(2)} ms`).join('; ')
  const lemma = percentiles(lemmaMs)
  const lemmaSnippets = percentiles(lemmaSnippetMs)
  const rg = percentiles(rgMs)
  writeReport({
    suite: 'search',
    metrics: {
      posts: metas.length,
      postings,
      terms,
      build_worker_ms: buildWorkerMs,
      build_in_process_ms: buildInProcessMs,
      index_bytes: indexBytes,
      index_mb: indexBytes / 1e6,
      warm_start_ms: warmStartMs,
      first_query_after_warm_start_ms: firstQueryMs,
      memory_mb_after_warm_start: memoryMb,
      incremental_update_median_ms: percentiles(updates).median,
      incremental_update_p95_ms: percentiles(updates).p95,
      queries: ALL_ORACLE_QUERIES.length,
      query_median_ms: lemma.median,
      query_p95_ms: lemma.p95,
      query_uncached_median_ms: percentiles(uncachedMs).median,
      query_uncached_p95_ms: percentiles(uncachedMs).p95,
      query_with_snippets_median_ms: lemmaSnippets.median,
      query_with_snippets_p95_ms: lemmaSnippets.p95,
      rg_median_ms: rg.median,
      rg_p95_ms: rg.p95,
      recall_vs_rg: expected === 0 ? 0 : recalled / expected,
      recall_worst_query: worstRecall,
      rg_matches_total: expected,
      quick_open_median_ms: percentiles(quickOpenMs).median,
      backlinks_cold_ms: backlinksColdMs,
      backlinks_warm_ms: backlinksWarmMs,
      backlinks_of_first_post: backlinks.length,
      unresolved_links: unresolved,
    },
    ratios: {
      query_p95_vs_rg: lemma.p95 / rg.median,
      query_with_snippets_p95_vs_rg: lemmaSnippets.p95 / rg.median,
      query_median_vs_rg: lemma.median / rg.median,
      query_uncached_p95_vs_rg: percentiles(uncachedMs).p95 / rg.median,
    },
    notes: {
      corpus,
      query_latency: 'per query: median of 15 runs of search.query (limit 50); p95 over the query set, after one untimed pass over the whole set (JIT warm-up; the first query after a warm start is first_query_after_warm_start_ms). "with snippets": first 20 hits get snippets read from disk, text cache off, timed in a loop of their own',
      phrase_cache: 'query_* are repeated queries, so phrase checks come from the literal cache after the first run; query_uncached_* is the same index with the cache off (median of 3)',
      rg: 'per query: median of 3 runs of rg -F -i -l --no-ignore -g *.md per clause, intersected',
      phrases: 'quoted phrases first drop the candidates whose phrase signature lacks a junction of the phrase (no file read), then are checked in the files of the best remaining candidates only until the page is full (isTotalExact false); recall uses the full check',
      slowest_queries: slowest(lemmaMs),
      slowest_uncached_queries: slowest(uncachedMs),
    },
  })
} finally {
  await rm(work, { recursive: true, force: true })
}
