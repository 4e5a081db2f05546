import { cp, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { syncVaultIndex } from '../src-main/metadata/index-vault'
import { MetadataStore } from '../src-main/metadata/metadata-store'
import { VaultSession } from '../src-main/services/vault-session'
import { parsePost } from '../src-main/vault/front-matter'
import { walkMarkdownFiles } from '../src-main/vault/walk'
import { createFormulaRenderer } from '../src-shared/markdown/formula-renderer'
import type { PostSummary } from '../src-shared/model/post'
import { EMPTY_FILTER } from '../src-renderer/features/feed/feed-filter'
import { formatCardDate } from '../src-renderer/features/feed/post-dates'
import { readingMinutes } from '../src-renderer/features/feed/reading-time'
import { createExcerptRenderer, type ExcerptMarkers } from '../src-renderer/features/feed/render-excerpt'
import { selectFeed } from '../src-renderer/features/feed/select-feed'
import { ensureCorpus } from './support/corpus'
import { percentiles, writeReport } from './support/report'

/**
 * `npm run bench -- feed`: the update feed on the shared 10,000-post corpus (seed 42).
 *
 * - first page: from opening an already indexed folder (`VaultSession.open`, which
 *   loads the lowdb metadata) to the first page of cards ready: the summaries copied
 *   as across IPC, filtered and sorted, and the page's card data and excerpt HTML
 *   (KaTeX, with a cold formula cache) made by the feed's own modules.
 * - baseline, in the same run: walk the folder, read every file, parse it with the
 *   vault core's `parsePost` (which builds the excerpt), sort, and render the same page.
 * - the cost of typesetting one page of excerpts, over many pages, cold and cached.
 *
 * Runs on a private copy of the corpus, indexed once first, so the shared corpus
 * never gets a `.lemma` folder.
 */
const PAGE_SIZE = 20
const OPEN_RUNS = 9
const REREAD_RUNS = 3
const MATH_PAGES = 40
const MARKERS: ExcerptMarkers = { code: '[代码]', image: '[图片]' }

interface FirstPage {
  ms: number
  /** `ms` plus copying every summary as IPC would (structured clone); `ms` when there is no IPC. */
  withIpcMs: number
  posts: number
  html: number
}

async function main(): Promise<void> {
  const corpus = ensureCorpus(10000)
  const root = await mkdtemp(join(tmpdir(), 'lemma-bench-feed-'))
  await cp(corpus, root, { recursive: true })
  try {
    const indexStarted = performance.now()
    const { store } = await MetadataStore.open(root)
    await syncVaultIndex(root, store, { parser: 'in-process' })
    await store.flush()
    const indexMs = performance.now() - indexStarted
    console.log(`indexed ${store.size} posts in ${indexMs.toFixed(0)} ms`)

    const open = await repeat(OPEN_RUNS, openToFirstPage(root))
    const openWithIpc = percentiles(open.samples.map((sample) => sample.withIpcMs))
    const reread = await repeat(REREAD_RUNS, rereadToFirstPage(root))
    const math = await pageMath(root)

    const metrics: Record<string, number> = {
      posts: open.last.posts,
      page_size: PAGE_SIZE,
      first_page_open_ms_median: open.median,
      first_page_open_ms_p95: open.p95,
      first_page_open_with_ipc_copy_ms_median: openWithIpc.median,
      first_page_open_with_ipc_copy_ms_p95: openWithIpc.p95,
      first_page_reread_ms_median: reread.median,
      first_page_reread_ms_p95: reread.p95,
      first_page_excerpt_html_chars: open.last.html,
      page_math_cold_ms_median: math.cold.median,
      page_math_cold_ms_p95: math.cold.p95,
      page_math_cached_ms_median: math.cached.median,
      page_math_formulas_per_page_mean: math.formulasPerPage,
      initial_index_ms: indexMs,
    }
    writeReport({
      suite: 'feed',
      metrics,
      ratios: {
        first_page_vs_reread: open.median / reread.median,
        first_page_with_ipc_copy_vs_reread: openWithIpc.median / reread.median,
        page_math_cold_vs_first_page: math.cold.median / open.median,
      },
      notes: {
        first_page: 'in Node: VaultSession.open on an indexed folder (watch off) + listPosts + selectFeed + card data and excerpt HTML of page 1, fresh formula cache each run',
        first_page_with_ipc_copy: 'the same plus structuredClone of all 10,000 summaries, which is what sending listPosts to the renderer costs (V8 serialize + deserialize)',
        reread: 'walk + read every file (16 in parallel) + parsePost (same excerpt code) + sort + the same page rendering',
        page_math: `${MATH_PAGES} pages spread over the feed, ${PAGE_SIZE} excerpts each, fresh excerpt and formula caches (cold) and then again (cached)`,
      },
    })
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/** Opens the indexed folder as the app does and makes the first page of cards. */
function openToFirstPage(root: string) {
  return async (): Promise<FirstPage> => {
    const started = performance.now()
    const { session } = await VaultSession.open(root, { onChange: () => {}, watch: false })
    const listed = session.listPosts()
    const opened = performance.now()
    const posts = structuredClone(listed)
    const copied = performance.now()
    const page = renderFirstPage(posts)
    const done = performance.now()
    await session.ready
    await session.close()
    return { ms: done - started - (copied - opened), withIpcMs: done - started, posts: posts.length, html: page }
  }
}

/** The baseline: every file read and parsed on the fly, then the same first page. */
function rereadToFirstPage(root: string) {
  return async (): Promise<FirstPage> => {
    const started = performance.now()
    const files = await walkMarkdownFiles(root)
    const posts: PostSummary[] = new Array(files.length)
    let next = 0
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < files.length) {
          const index = next++
          const file = files[index]
          const text = (await readFile(file.absolute, 'utf8')).replace(/^\uFEFF/, '')
          const parsed = parsePost(text, { relPath: file.relative, birthtimeMs: file.birthtimeMs, mtimeMs: file.mtimeMs })
          posts[index] = {
            id: file.relative,
            path: file.relative,
            title: parsed.title,
            date: parsed.date,
            updated: parsed.updated,
            categories: parsed.categories,
            tags: parsed.tags,
            isDraft: parsed.isDraft,
            excerpt: parsed.excerpt,
            wordCount: parsed.wordCount,
            links: parsed.links,
            warnings: parsed.warnings,
            mtimeMs: file.mtimeMs,
            size: file.size,
          }
        }
      }),
    )
    const page = renderFirstPage(posts)
    const ms = performance.now() - started
    return { ms, withIpcMs: ms, posts: posts.length, html: page }
  }
}

/** The feed's first page: order, card data and excerpt HTML (fresh caches). Returns the HTML length. */
function renderFirstPage(posts: PostSummary[]): number {
  const renderer = createExcerptRenderer({ formulas: createFormulaRenderer() })
  const page = selectFeed(posts, { filter: EMPTY_FILTER, sort: 'date', drafts: 'show' }).slice(0, PAGE_SIZE)
  let chars = 0
  for (const post of page) {
    const card = {
      date: formatCardDate(post.date, 'zh-CN'),
      minutes: readingMinutes(post.wordCount),
      category: post.categories.map((path) => path.join(' / ')),
      html: renderer.render(post.excerpt, MARKERS),
    }
    chars += card.html.length + card.date.length + card.minutes
  }
  if (page.length !== PAGE_SIZE || chars === 0) throw new Error('The first page came out empty')
  return chars
}

/** Typesets `MATH_PAGES` pages of excerpts spread over the feed: cold caches, then cached. */
async function pageMath(root: string) {
  const { store } = await MetadataStore.open(root)
  const posts = selectFeed(store.all(), { filter: EMPTY_FILTER, sort: 'date', drafts: 'show' })
  const cold: number[] = []
  const cached: number[] = []
  let formulas = 0
  const stride = Math.floor(posts.length / PAGE_SIZE / MATH_PAGES)
  for (let p = 0; p < MATH_PAGES; p++) {
    const page = posts.slice(p * stride * PAGE_SIZE, p * stride * PAGE_SIZE + PAGE_SIZE)
    const formulaRenderer = createFormulaRenderer()
    const renderer = createExcerptRenderer({ formulas: formulaRenderer })
    let started = performance.now()
    for (const post of page) renderer.render(post.excerpt, MARKERS)
    cold.push(performance.now() - started)
    formulas += formulaRenderer.stats.rendered + formulaRenderer.stats.hits
    started = performance.now()
    for (const post of page) renderer.render(post.excerpt, MARKERS)
    cached.push(performance.now() - started)
  }
  return { cold: percentiles(cold), cached: percentiles(cached), formulasPerPage: formulas / MATH_PAGES }
}

/** Runs `measure` once to warm up, then `runs` times; medians and p95 of `ms`. */
async function repeat(runs: number, measure: () => Promise<FirstPage>) {
  await measure()
  const samples: FirstPage[] = []
  for (let run = 0; run < runs; run++) {
    ;(globalThis as { gc?: () => void }).gc?.()
    samples.push(await measure())
  }
  return { ...percentiles(samples.map((s) => s.ms)), samples, last: samples[samples.length - 1] }
}

await main()
