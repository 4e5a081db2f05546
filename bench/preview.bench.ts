// `npm run bench -- preview`: how fast the preview follows typing (issue #3).
// (a) one-character edits in prose and inside formulas of a ~15,000-character post
// with ~40 formulas, through the incremental renderer; (b) the same edits with a
// naive full re-render; (c) the first render of a 300,000-word post and edits in it;
// (d) how soon the first screen of that post is rendered when blocks are rendered in
// view-first order (the preview's progressive render), against (c)'s full render.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ensureCorpus } from './support/corpus'
import { percentiles, writeReport } from './support/report'
import {
  createCodeHighlighter,
  createIncrementalRenderer,
  renderMarkdown,
  scanMath,
  splitBlocks,
  type IncrementalRenderer,
} from '../src-shared/markdown'
import { overlapsWindow, TOP_WINDOW } from '../src-renderer/features/preview/fill-order'

const EDITS = 60
const BIG_EDITS = 20
const BIG_WORDS = 300_000

// A stand-in for DOMPurify (which needs a DOM): one linear pass over each block that
// is re-rendered, the same work pattern as the real sanitizer.
const sanitize = (html: string) => html.replace(/<script[\s\S]*?<\/script>/gi, '')

function makeRng(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function listPosts(root: string): string[] {
  const files: string[] = []
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else if (path.endsWith('.md')) files.push(path)
    }
  }
  walk(root)
  return files
}

function stripFrontMatter(text: string): string {
  const first = splitBlocks(text)[0]
  if (!first?.isFrontMatter) return text
  return text.split('\n').slice(first.endLine).join('\n')
}

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' })
function countWords(text: string): number {
  let count = 0
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) count++
  return count
}

/** A position inside prose: in a paragraph line outside any formula, code or heading. */
function prosePosition(doc: string, random: () => number): number {
  const math = scanMath(doc)
  const blocks = splitBlocks(doc).filter((b) => !b.isFrontMatter && /^[^\s#`$\\|>-]/.test(b.text) && !b.text.startsWith('```'))
  for (;;) {
    const block = blocks[Math.floor(random() * blocks.length)]
    const start = doc.split('\n', block.startLine).join('\n').length + (block.startLine > 0 ? 1 : 0)
    const pos = start + Math.floor(random() * block.text.length)
    if (doc[pos] === '\n' || math.some((m) => pos >= m.from && pos <= m.to)) continue
    return pos
  }
}

/** A position inside a formula's content, just before its end (keeps most formulas valid). */
function formulaPosition(doc: string, random: () => number): number {
  const math = scanMath(doc)
  return math[Math.floor(random() * math.length)].contentTo
}

interface Timings {
  lemma: number[]
  naive: number[]
}

function time(run: () => void): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

/** Applies `count` one-character edits, timing Lemma's incremental render and the naive full render of each. */
function measureEdits(base: string, count: number, pick: (doc: string, random: () => number) => number, seed: number, withNaive: boolean, options: Parameters<typeof createIncrementalRenderer>[0]): Timings {
  const random = makeRng(seed)
  const renderer: IncrementalRenderer = createIncrementalRenderer(options)
  renderer.render(base)
  const timings: Timings = { lemma: [], naive: [] }
  let doc = base
  for (let i = 0; i < count + 3; i++) {
    const pos = pick(doc, random)
    doc = `${doc.slice(0, pos)}${i % 2 === 0 ? 'x' : '的'}${doc.slice(pos)}`
    const lemma = time(() => renderer.render(doc))
    const naive = withNaive ? time(() => renderMarkdown(doc, options)) : 0
    if (i < 3) continue // warm-up edits
    timings.lemma.push(lemma)
    if (withNaive) timings.naive.push(naive)
  }
  return timings
}

async function main(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})
  const root = ensureCorpus(1000)
  const posts = listPosts(root)
  const highlighter = createCodeHighlighter()
  await highlighter.load(['python', 'ts', 'cpp'])
  const options = { highlighter, sanitize }

  // (a) + (b): the post closest to 15,000 characters and 40 formulas.
  const scored = posts.map((path) => {
    const text = readFileSync(path, 'utf8')
    const formulas = scanMath(text).length
    return { path, text, formulas, score: Math.abs(text.length - 15_000) / 15_000 + Math.abs(formulas - 40) / 40 }
  })
  scored.sort((a, b) => a.score - b.score || a.path.localeCompare(b.path))
  const post = scored[0]
  gc()
  const prose = measureEdits(post.text, EDITS, prosePosition, 42, true, options)
  gc()
  const formula = measureEdits(post.text, EDITS, formulaPosition, 43, true, options)

  // (c): a 300,000-word post made of corpus posts in path order.
  const parts: string[] = []
  let words = 0
  for (const path of posts) {
    const body = stripFrontMatter(readFileSync(path, 'utf8'))
    parts.push(body)
    words += countWords(body)
    if (words >= BIG_WORDS) break
  }
  const big = `---\ntitle: Everything\n---\n\n${parts.join('\n\n')}`
  // (d) before (c), so the full render's caches cannot help it: the whole-document
  // plan, then the blocks covering the first ~60 lines, assembled as the preview would.
  gc()
  let firstScreenBlocks = 0
  const firstVisible = time(() => {
    const planned = createIncrementalRenderer(options).plan(big)
    planned.blocks.forEach((block, index) => {
      if (!overlapsWindow(block, TOP_WINDOW)) return
      planned.htmlOf(index)
      firstScreenBlocks++
    })
  })
  gc()
  const bigRenderer = createIncrementalRenderer(options)
  const firstRender = time(() => bigRenderer.render(big))
  const bigFormulas = scanMath(big).length
  gc()
  const bigEdits: number[] = []
  const bigRandom = makeRng(44)
  let bigDoc = big
  for (let i = 0; i < BIG_EDITS + 2; i++) {
    const pos = prosePosition(bigDoc, bigRandom)
    bigDoc = `${bigDoc.slice(0, pos)}x${bigDoc.slice(pos)}`
    const t = time(() => bigRenderer.render(bigDoc))
    if (i >= 2) bigEdits.push(t)
  }
  const bigFormulaEdits: number[] = []
  for (let i = 0; i < BIG_EDITS + 2; i++) {
    const pos = formulaPosition(bigDoc, bigRandom)
    bigDoc = `${bigDoc.slice(0, pos)}x${bigDoc.slice(pos)}`
    const t = time(() => bigRenderer.render(bigDoc))
    if (i >= 2) bigFormulaEdits.push(t)
  }

  const lemmaAll = percentiles([...prose.lemma, ...formula.lemma])
  const naiveAll = percentiles([...prose.naive, ...formula.naive])
  const p = {
    prose: percentiles(prose.lemma),
    formula: percentiles(formula.lemma),
    naiveProse: percentiles(prose.naive),
    naiveFormula: percentiles(formula.naive),
    big: percentiles(bigEdits),
    bigFormula: percentiles(bigFormulaEdits),
  }
  writeReport({
    suite: 'preview',
    metrics: {
      edit_prose_median_ms: p.prose.median,
      edit_prose_p95_ms: p.prose.p95,
      edit_formula_median_ms: p.formula.median,
      edit_formula_p95_ms: p.formula.p95,
      edit_median_ms: lemmaAll.median,
      edit_p95_ms: lemmaAll.p95,
      naive_prose_median_ms: p.naiveProse.median,
      naive_prose_p95_ms: p.naiveProse.p95,
      naive_formula_median_ms: p.naiveFormula.median,
      naive_formula_p95_ms: p.naiveFormula.p95,
      naive_median_ms: naiveAll.median,
      naive_p95_ms: naiveAll.p95,
      big_first_render_ms: firstRender,
      big_first_visible_ms: firstVisible,
      big_edit_prose_median_ms: p.big.median,
      big_edit_prose_p95_ms: p.big.p95,
      big_edit_formula_median_ms: p.bigFormula.median,
      big_edit_formula_p95_ms: p.bigFormula.p95,
    },
    ratios: {
      edit_vs_naive: lemmaAll.median / naiveAll.median,
      prose_edit_vs_naive: p.prose.median / p.naiveProse.median,
      formula_edit_vs_naive: p.formula.median / p.naiveFormula.median,
      big_edit_vs_first_render: p.big.median / firstRender,
      big_first_visible_vs_full: firstVisible / firstRender,
    },
    notes: {
      post: relative(root, post.path),
      post_chars: post.text.length,
      post_formulas: post.formulas,
      edits_per_kind: EDITS,
      big_posts: parts.length,
      big_words: words,
      big_chars: big.length,
      big_formulas: bigFormulas,
      big_first_screen_blocks: firstScreenBlocks,
      first_visible: 'A fresh renderer plans the whole post (split, analysis, equation numbers, labels, macros) and renders and assembles only the blocks overlapping its first 60 source lines, as the preview worker does before its first response; measured before the full render, each with a fresh renderer.',
      word_count: 'Intl.Segmenter word-like segments, as the corpus generator counts',
      measured: 'The HTML-string pipeline in Node: split, analyse, number, markdown-it, KaTeX, highlight.js, assembly. No DOM patching.',
      sanitizer: 'Stand-in: one regex pass per re-rendered block (DOMPurify needs a DOM); applied to both Lemma and the naive render.',
      naive: 'renderMarkdown: a fresh renderer per edit (markdown-it + KaTeX + highlight.js over the whole post, no caches).',
      edits: 'Cumulative one-character inserts at seeded random positions in prose (outside formulas) or at the end of a formula; 3 warm-up edits dropped.',
    },
  })
}

await main()
