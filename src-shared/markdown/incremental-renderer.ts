import { analyzeBlock, type BlockAnalysis } from './block-analysis'
import { assembleBlock, createNonce, formulaSlot, type BlockParts, type Sanitizer } from './block-parts'
import { resplitBlocks, splitBlocks, type SourceBlock } from './block-splitter'
import type { CodeHighlighter } from './code-highlighter'
import { createMarkdownParser } from './create-markdown-parser'
import { blockContextKey, planDocument, type DocumentPlan } from './document-plan'
import type { NumberingMode } from './equation-numbering'
import { footnoteEnv } from './markdown-it-footnotes'
import type { FormulaBudget } from './formula-budget'
import { createFormulaRenderer, type FormulaRenderer } from './formula-renderer'
import { readFrontMatterMacros } from './front-matter-macros'
import { LruCache } from './lru-cache'
import { createMacroSet, withDocumentDefinitions, type MacroSet, type PostMacros } from './macros'
import type { LemmaEnv } from './render-env'

/** The per-document inputs of a render besides its text; each may change between renders. */
export interface DocumentContext {
  /** The folder's macro preamble (`.lemma/macros.tex`). */
  preamble?: string
  /** The post's macros; when undefined they are read from the post's front matter. */
  postMacros?: PostMacros
  /** Vault-relative path of the post, for relative links and images. */
  postPath?: string
}

/** Options of {@link createIncrementalRenderer}, fixed for its lifetime. */
export interface IncrementalRendererOptions extends DocumentContext {
  /** Which display formulas are numbered; default `auto` (see {@link NumberingMode}). */
  numbering?: NumberingMode
  /** Highlights fenced code; without one, code is shown plain. */
  highlighter?: CodeHighlighter
  /**
   * Sanitizes each block's Markdown HTML before formulas are put in. Required for
   * display: without it `render` returns the post's raw HTML as written (fine for
   * benchmarks and for `renderParts`, whose caller sanitizes).
   */
  sanitize?: Sanitizer
  /** A formula renderer to share (e.g. its cache with the editor); one is created otherwise. */
  formulaRenderer?: FormulaRenderer
  /** Budget for a created formula renderer. */
  budget?: FormulaBudget
}

/** One block of a render, in document order. */
export interface RenderedBlock {
  /** Stable while the block's text and context are unchanged; unique within one render. */
  key: string
  /** First source line, zero-based. */
  startLine: number
  /** One past the last source line. */
  endLine: number
  html: string
}

/** A block before sanitizing and assembly (see {@link assembleBlock}). */
export interface BlockPartsEntry {
  key: string
  startLine: number
  endLine: number
  parts: BlockParts
}

/** What one render did, for tests and benchmarks. */
export interface RenderStats {
  blocks: number
  /** Blocks whose HTML was produced by this render (the rest came from the cache). */
  renderedBlocks: number
  /** Blocks parsed for analysis by this render (new block texts). */
  analyzedBlocks: number
  /** Formulas handed to KaTeX (cache misses) by this render. */
  formulasRendered: number
  durationMs: number
}

/** The result of {@link IncrementalRenderer.render}. */
export interface RenderResult {
  blocks: RenderedBlock[]
  stats: RenderStats
  /** Problems with the macros, as sentences. */
  warnings: readonly string[]
}

/** The result of {@link IncrementalRenderer.renderParts}. */
export interface RenderPartsResult {
  blocks: BlockPartsEntry[]
  stats: RenderStats
  warnings: readonly string[]
}

/** One block of a {@link PlannedRender}: placed and keyed; its HTML is made on demand. */
export interface PlannedBlock {
  /** The key its render will have (see {@link RenderedBlock.key}). */
  key: string
  startLine: number
  endLine: number
  /** The block's source text. */
  text: string
  /** The `\label`s of its display formulas, so a reference can find the block before it is rendered. */
  labels: readonly string[]
}

/**
 * One version of a post, planned but rendered lazily: the whole-document pass
 * (split, analysis, equation numbers, labels, footnotes, macros) is done and every
 * block has its final key, while the expensive HTML of each block (markdown-it,
 * KaTeX, highlighting) is made only when {@link PlannedRender.partsOf} asks for it,
 * so a caller can render the blocks in view first. Blocks rendered before under the
 * same key come from the cache. A plan stays valid after newer ones are made.
 */
export interface PlannedRender {
  blocks: readonly PlannedBlock[]
  /** Problems with the macros, as sentences. */
  warnings: readonly string[]
  /** Whether block `index` is rendered already, so asking for it costs nothing. */
  isRendered(index: number): boolean
  /** The unassembled parts of block `index`, rendering it now if needed. */
  partsOf(index: number): BlockParts
  /** The sanitized, assembled HTML of block `index` (see {@link IncrementalRendererOptions.sanitize}). */
  htmlOf(index: number): string
  /** The plan's work so far: planning plus every block rendered through it. */
  stats(): RenderStats
}

/** Renders successive versions of one post, redoing only what changed. */
export interface IncrementalRenderer {
  /** Plans `source` and leaves each block's rendering to the caller's order (see {@link PlannedRender}). */
  plan(source: string, context?: DocumentContext): PlannedRender
  /** Renders `source` to sanitized, assembled HTML blocks. */
  render(source: string, context?: DocumentContext): RenderResult
  /** Renders `source` to unassembled parts, for a caller that sanitizes elsewhere (a worker's host). */
  renderParts(source: string, context?: DocumentContext): RenderPartsResult
}

interface CachedRender {
  id: string
  /** Made on first demand: a plan keys every block but renders only those asked for. */
  parts?: BlockParts
  html?: string
}

interface CachedBlock {
  analysis: BlockAnalysis
  renders: Map<string, CachedRender>
  /** The block depends on nothing but the document-wide fingerprints (no numbers, references, footnotes or code). */
  isPlanFree: boolean
  /** The render used last time, and the fingerprints it was made under. */
  last: { fingerprints: string; cached: CachedRender } | null
}

const RENDERS_PER_BLOCK = 4
const EMPTY_PARTS: BlockParts = { markup: '', formulas: [], nonce: '' }
const NO_LABELS: string[] = []

/**
 * Creates an incremental renderer. Each render splits the post into top-level
 * blocks ({@link splitBlocks}), analyses only block texts it has not seen, plans the
 * document (equation numbers, labels, footnotes, macros) from the analyses, and
 * renders only blocks whose text or context key ({@link blockContextKey}, plus the
 * macro fingerprint, link definitions, post path and highlighter state) is new.
 * Formulas go through a cached {@link FormulaRenderer}. Each document gets its own
 * macro table built from the folder preamble and the post's macros (post wins) plus
 * the post's own `\gdef`s, so nothing defined in one post reaches another.
 */
export function createIncrementalRenderer(options: IncrementalRendererOptions = {}): IncrementalRenderer {
  const md = createMarkdownParser()
  const nonce = createNonce()
  const formulas = options.formulaRenderer ?? createFormulaRenderer({ budget: options.budget })
  const numbering = options.numbering ?? 'auto'
  const highlighter = options.highlighter
  const sanitize = options.sanitize ?? ((html: string) => html)
  const blocks = new LruCache<string, CachedBlock>(4096)
  let nextId = 1

  let macroInputs: { preamble: string; post: PostMacros | undefined } | null = null
  let baseMacros: MacroSet | null = null
  let documentMacros: { base: MacroSet; definitions: string; set: MacroSet } | null = null
  let frontMatterCache: { text: string; macros: PostMacros | undefined } | null = null
  let previous: { source: string; blocks: SourceBlock[]; entries: Array<CachedBlock | null> } | null = null

  function macrosFor(source: string, frontMatter: string | null, context: DocumentContext, plan: DocumentPlan): MacroSet {
    const preamble = context.preamble ?? options.preamble ?? ''
    let post = context.postMacros ?? options.postMacros
    if (post === undefined && frontMatter !== null) {
      if (frontMatterCache?.text !== frontMatter) frontMatterCache = { text: frontMatter, macros: readFrontMatterMacros(source) }
      post = frontMatterCache.macros
    }
    if (!baseMacros || !macroInputs || macroInputs.preamble !== preamble || !samePostMacros(macroInputs.post, post)) {
      macroInputs = { preamble, post }
      baseMacros = createMacroSet({ preamble, postMacros: post })
    }
    const definitions = plan.globalDefinitions.join('\u0000')
    if (!documentMacros || documentMacros.base !== baseMacros || documentMacros.definitions !== definitions) {
      documentMacros = { base: baseMacros, definitions, set: withDocumentDefinitions(baseMacros, plan.globalDefinitions) }
    }
    return documentMacros.set
  }

  function plan(source: string, context: DocumentContext): PlannedRender {
    const start = performance.now()
    const { blocks: split, reusedFrom } = previous
      ? resplitBlocks(previous.source, previous.blocks, source)
      : { blocks: splitBlocks(source), reusedFrom: null }
    if (blocks.capacity < split.length * 2) blocks.capacity = split.length * 2
    let analyzedBlocks = 0
    const all = split.map((block, i) => {
      if (block.isFrontMatter) return null
      const reused = reusedFrom && reusedFrom[i] >= 0 ? previous?.entries[reusedFrom[i]] : null
      if (reused) return reused
      let entry = blocks.get(block.text)
      if (!entry) {
        const analysis = analyzeBlock(md, block.text)
        entry = { analysis, renders: new Map(), isPlanFree: isPlanFree(analysis), last: null }
        blocks.set(block.text, entry)
        analyzedBlocks++
      }
      return entry
    })
    previous = { source, blocks: split, entries: all }
    const content = split.filter((block) => !block.isFrontMatter)
    const entries = all.filter((entry): entry is CachedBlock => entry !== null)
    const documentPlan = planDocument(entries.map((entry) => entry.analysis), numbering)
    const frontMatter = split.length > 0 && split[0].isFrontMatter ? split[0].text : null
    const macros = macrosFor(source, frontMatter, context, documentPlan)
    const postPath = context.postPath ?? options.postPath ?? ''
    const pathKey = `|${postPath}`
    const fingerprints = `${postPath}\u0000${macros.fingerprint}\u0000${documentPlan.linkFingerprint}`
    const formulasBefore = formulas.stats.rendered
    let renderedBlocks = 0
    let renderMs = 0
    const seen = new Map<string, number>()
    const cachedRenders: CachedRender[] = []
    const planned = content.map((block, index): PlannedBlock => {
      const entry = entries[index]
      const analysis = entry.analysis
      // Most blocks depend on the plan only through the fingerprints: skip building their key.
      let cached = entry.isPlanFree && entry.last?.fingerprints === fingerprints ? entry.last.cached : undefined
      if (!cached) {
        let contextKey = blockContextKey(documentPlan, analysis, index) + pathKey
        if (analysis.formulaCount > 0) contextKey += `|${macros.fingerprint}`
        if (analysis.mayUseLinkDefinitions) contextKey += `|${documentPlan.linkFingerprint}`
        if (highlighter && analysis.languages.length > 0) contextKey += `|${analysis.languages.map((l) => highlighter.stateOf(l)).join('')}`
        cached = entry.renders.get(contextKey)
        if (!cached) {
          // Keyed now, rendered when first asked for (see PlannedRender.partsOf).
          cached = { id: `b${(nextId++).toString(36)}` }
          entry.renders.set(contextKey, cached)
          if (entry.renders.size > RENDERS_PER_BLOCK) entry.renders.delete(entry.renders.keys().next().value as string)
        }
        entry.last = { fingerprints, cached }
      }
      cachedRenders.push(cached)
      const occurrence = seen.get(cached.id) ?? 0
      seen.set(cached.id, occurrence + 1)
      const key = occurrence === 0 ? cached.id : `${cached.id}.${occurrence}`
      return { key, startLine: block.startLine, endLine: block.endLine, text: block.text, labels: displayLabels(analysis) }
    })
    const planMs = performance.now() - start

    const partsOf = (index: number): BlockParts => {
      const cached = cachedRenders[index]
      if (cached.parts) return cached.parts
      const renderStart = performance.now()
      renderedBlocks++
      cached.parts = renderBlock(content[index].text, entries[index].analysis, documentPlan, documentPlan.displayOffsets[index], macros, postPath)
      renderMs += performance.now() - renderStart
      return cached.parts
    }
    return {
      blocks: planned,
      warnings: macros.warnings,
      isRendered: (index) => cachedRenders[index].parts !== undefined,
      partsOf,
      htmlOf(index) {
        const cached = cachedRenders[index]
        cached.html ??= assembleBlock(partsOf(index), sanitize)
        return cached.html
      },
      stats: () => ({
        blocks: planned.length,
        renderedBlocks,
        analyzedBlocks,
        formulasRendered: formulas.stats.rendered - formulasBefore,
        durationMs: planMs + renderMs,
      }),
    }
  }

  function renderBlock(
    text: string,
    analysis: BlockAnalysis,
    plan: DocumentPlan,
    displayOffset: number,
    macros: MacroSet,
    postPath: string,
  ): BlockParts {
    if (text.trim() === '') return EMPTY_PARTS
    const rendered: string[] = []
    const lemma: LemmaEnv = {
      postPath,
      equationNumbers: plan.numbering.numbers.slice(displayOffset, displayOffset + analysis.displays.length),
      nextDisplay: 0,
      labels: plan.numbering.labels,
      footnoteNumbers: plan.footnoteNumbers,
      formula(tex, isDisplay) {
        rendered.push(formulas.render(tex, isDisplay, macros))
        return formulaSlot(nonce, rendered.length - 1)
      },
      highlight: (code, language) => highlighter?.highlight(code, language),
    }
    const env = { lemma, references: plan.linkDefinitions, footnotes: footnoteEnv(plan.definedFootnotes) }
    return { markup: md.render(text, env), formulas: rendered, nonce }
  }

  return {
    plan: (source, context = {}) => plan(source, context),
    render(source, context = {}) {
      const planned = plan(source, context)
      const out = planned.blocks.map(({ key, startLine, endLine }, index) => ({ key, startLine, endLine, html: planned.htmlOf(index) }))
      return { blocks: out, stats: planned.stats(), warnings: planned.warnings }
    },
    renderParts(source, context = {}) {
      const planned = plan(source, context)
      const out = planned.blocks.map(({ key, startLine, endLine }, index) => ({ key, startLine, endLine, parts: planned.partsOf(index) }))
      return { blocks: out, stats: planned.stats(), warnings: planned.warnings }
    },
  }
}

function displayLabels(analysis: BlockAnalysis): string[] {
  if (analysis.displays.length === 0) return NO_LABELS
  const labels = analysis.displays.flatMap((display) => display.rows.flatMap((row) => row.labels))
  return labels.length === 0 ? NO_LABELS : labels
}

function isPlanFree(analysis: BlockAnalysis): boolean {
  return analysis.displays.length === 0
    && analysis.references.length === 0
    && analysis.footnoteReferences.length === 0
    && analysis.footnoteDefinitions.length === 0
    && analysis.languages.length === 0
}

function samePostMacros(a: PostMacros | undefined, b: PostMacros | undefined): boolean {
  if (a === b) return true
  if (a === undefined || b === undefined || typeof a === 'string' || typeof b === 'string') return false
  return JSON.stringify(a) === JSON.stringify(b)
}
