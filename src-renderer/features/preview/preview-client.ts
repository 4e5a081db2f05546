import { assembleBlock, type BlockParts, type Sanitizer } from '../../../src-shared/markdown/block-parts'
import { createCodeHighlighter } from '../../../src-shared/markdown/code-highlighter'
import type { NumberingMode } from '../../../src-shared/markdown/equation-numbering'
import {
  createIncrementalRenderer,
  type DocumentContext,
  type IncrementalRenderer,
  type RenderStats,
} from '../../../src-shared/markdown/incremental-renderer'
import type { PreviewRequest, PreviewResponse } from './preview-protocol'

/** A block ready to show: sanitized Markdown HTML with KaTeX output substituted. */
export interface PreviewBlock {
  key: string
  startLine: number
  endLine: number
  html: string
}

/** What the host shows after each render. */
export interface PreviewUpdate {
  blocks: PreviewBlock[]
  warnings: readonly string[]
  stats: RenderStats
  /**
   * Set while a first render is still being assembled: `blocks` is then the start of
   * the post only, and more updates follow (a long post fills in over a few frames).
   */
  isPartial?: boolean
}

/** How long one slice of sanitizing may hold the main thread before yielding to input. */
const SLICE_MS = 10

/** Options of {@link createPreviewClient}. */
export interface PreviewClientOptions {
  numbering?: NumberingMode
  onUpdate: (update: PreviewUpdate) => void
  /** Render on this thread (in idle time) instead of in a worker. */
  isInline?: boolean
}

/** Renders post versions off the typing path and reports assembled blocks. */
export interface PreviewClient {
  /**
   * Asks for a render. Requests coalesce: while one is in flight only the newest
   * waiting one is kept, so a fast typist never queues stale work.
   */
  render(source: string, context: DocumentContext, sanitize: Sanitizer): void
  dispose(): void
}

interface Job {
  source: string
  context: DocumentContext
  sanitize: Sanitizer
}

/**
 * Creates the preview's renderer host. Rendering (splitting, Markdown, KaTeX,
 * highlighting) runs in a Web Worker; this side only sanitizes and assembles the
 * blocks the worker reports as new (DOMPurify needs the DOM) and keeps the HTML of
 * the current blocks by key. If the worker cannot start it renders on this thread in
 * idle time instead.
 */
export function createPreviewClient(options: PreviewClientOptions): PreviewClient {
  const numbering = options.numbering ?? 'auto'
  let nextId = 1
  let inFlight: (Job & { id: number }) | null = null
  let pending: Job | null = null
  let lastSent: (Job & { id: number }) | null = null
  let lastSanitize: Sanitizer | null = null
  let html = new Map<string, string>()
  // Parts the worker sent that are not sanitized yet (a newer response may interrupt assembly).
  let received = new Map<string, BlockParts>()
  let assembling: { isCancelled: boolean } | null = null
  // True from a first render until its assembly completes: meanwhile the host is shown the start of the post as it fills in.
  let isFilling = false
  let isDisposed = false
  let worker = options.isInline ? null : startWorker()
  let inline: { renderer: IncrementalRenderer; keys: Set<string> } | null = null

  // Sanitizing thousands of new blocks (a long post's first render) takes seconds of
  // DOMPurify, so it runs in slices between which typing gets the main thread. A
  // newer response cancels an unfinished assembly; what was assembled is kept by key.
  const apply = (response: PreviewResponse, sanitize: Sanitizer) => {
    if (assembling) assembling.isCancelled = true
    const task = { isCancelled: false }
    assembling = task
    for (const block of response.blocks) if (block.parts) received.set(block.key, block.parts)
    if (html.size === 0) isFilling = true
    const blocks: PreviewBlock[] = []
    const step = () => {
      if (task.isCancelled || isDisposed) return
      const deadline = performance.now() + SLICE_MS
      while (blocks.length < response.blocks.length) {
        const { key, startLine, endLine } = response.blocks[blocks.length]
        let blockHtml = html.get(key)
        if (blockHtml === undefined) {
          const parts = received.get(key)
          blockHtml = parts ? assembleBlock(parts, sanitize) : ''
          html.set(key, blockHtml)
          received.delete(key)
        }
        blocks.push({ key, startLine, endLine, html: blockHtml })
        if (performance.now() > deadline && blocks.length < response.blocks.length) {
          if (isFilling) options.onUpdate({ blocks: blocks.slice(), warnings: response.warnings, stats: response.stats, isPartial: true })
          setTimeout(step, 0)
          return
        }
      }
      assembling = null
      isFilling = false
      const current = new Set(blocks.map((block) => block.key))
      for (const key of html.keys()) if (!current.has(key)) html.delete(key)
      received = new Map()
      options.onUpdate({ blocks, warnings: response.warnings, stats: response.stats })
    }
    step()
  }

  const finish = () => {
    inFlight = null
    if (pending && !isDisposed) {
      const job = pending
      pending = null
      send(job)
    }
  }

  const renderInline = (request: PreviewRequest, sanitize: Sanitizer) => {
    if (!inline) {
      const highlighter = createCodeHighlighter()
      inline = { renderer: createIncrementalRenderer({ highlighter, numbering }), keys: new Set() }
      highlighter.onLoaded(() => {
        if (lastSent && !inFlight) send(lastSent)
      })
    }
    const state = inline
    const run = () => {
      if (isDisposed) return
      const result = state.renderer.renderParts(request.source, request.context)
      const known = request.isFullResend ? new Set<string>() : state.keys
      state.keys = new Set(result.blocks.map((block) => block.key))
      const blocks = result.blocks.map(({ key, startLine, endLine, parts }) =>
        known.has(key) ? { key, startLine, endLine } : { key, startLine, endLine, parts },
      )
      apply({ type: 'rendered', id: request.id, blocks, warnings: result.warnings, stats: result.stats }, sanitize)
      finish()
    }
    if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: 150 })
    else setTimeout(run, 0)
  }

  function send(job: Job) {
    const isFullResend = lastSanitize !== job.sanitize
    if (isFullResend) {
      if (assembling) assembling.isCancelled = true
      html = new Map()
      received = new Map()
    }
    lastSanitize = job.sanitize
    const request: PreviewRequest = { type: 'render', id: nextId++, source: job.source, context: job.context, numbering, isFullResend }
    inFlight = { ...job, id: request.id }
    lastSent = inFlight
    if (worker) worker.postMessage(request)
    else renderInline(request, job.sanitize)
  }

  if (worker) {
    worker.onmessage = (event: MessageEvent<PreviewResponse>) => {
      if (isDisposed || event.data?.type !== 'rendered' || lastSent === null) return
      apply(event.data, lastSent.sanitize)
      // A render the worker starts on its own (a grammar arrived) does not end a request.
      if (inFlight && event.data.id === inFlight.id) finish()
    }
    worker.onerror = () => {
      // The worker could not load (or crashed): carry on in this thread.
      worker?.terminate()
      worker = null
      const retry = inFlight ?? pending
      inFlight = null
      pending = null
      lastSanitize = null
      if (retry && !isDisposed) send(retry)
    }
  }

  return {
    render(source, context, sanitize) {
      if (isDisposed) return
      if (inFlight) pending = { source, context, sanitize }
      else send({ source, context, sanitize })
    },
    dispose() {
      isDisposed = true
      pending = null
      worker?.terminate()
    },
  }
}

function startWorker(): Worker | null {
  if (typeof Worker !== 'function') return null
  try {
    return new Worker(new URL('./preview-worker.ts', import.meta.url), { type: 'module', name: 'lemma-preview' })
  } catch {
    return null
  }
}
