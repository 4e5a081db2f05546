import { assembleBlock, type Sanitizer } from '../../../src-shared/markdown/block-parts'
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
}

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
  let isDisposed = false
  let worker = options.isInline ? null : startWorker()
  let inline: { renderer: IncrementalRenderer; keys: Set<string> } | null = null

  const apply = (response: PreviewResponse, sanitize: Sanitizer) => {
    const next = new Map<string, string>()
    const blocks = response.blocks.map((block) => {
      const blockHtml = block.parts ? assembleBlock(block.parts, sanitize) : (html.get(block.key) ?? '')
      next.set(block.key, blockHtml)
      return { key: block.key, startLine: block.startLine, endLine: block.endLine, html: blockHtml }
    })
    html = next
    options.onUpdate({ blocks, warnings: response.warnings, stats: response.stats })
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
    if (isFullResend) html = new Map()
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
