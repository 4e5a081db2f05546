import { assembleBlock, type BlockParts, type Sanitizer } from '../../../src-shared/markdown/block-parts'
import { createCodeHighlighter } from '../../../src-shared/markdown/code-highlighter'
import type { NumberingMode } from '../../../src-shared/markdown/equation-numbering'
import type { DocumentContext, RenderStats } from '../../../src-shared/markdown/incremental-renderer'
import { TOP_WINDOW, type LineWindow } from './fill-order'
import { createProgressiveRender, type ProgressiveRender } from './progressive-render'
import type { PendingBlockInfo, PreviewHostMessage, PreviewRequest, PreviewResponse, PreviewWorkerMessage } from './preview-protocol'

/** A block to show: sanitized Markdown HTML with KaTeX output substituted, or a placeholder until it is rendered. */
export interface PreviewBlock {
  key: string
  startLine: number
  endLine: number
  /** Null for a block not rendered yet: show a placeholder, filled later by {@link PreviewClientOptions.onFill}. */
  html: string | null
  /** For a placeholder: its estimated size and equation labels. */
  pending?: PendingBlockInfo
}

/** What the host shows after each render: every block of the post, in order. */
export interface PreviewUpdate {
  blocks: PreviewBlock[]
  warnings: readonly string[]
  stats: RenderStats
  /** How many of `blocks` are placeholders. */
  pendingCount: number
}

/** Placeholders of the last update that are rendered now. */
export interface PreviewFillUpdate {
  blocks: Array<{ key: string; html: string }>
  /** How many placeholders are left. */
  pendingCount: number
}

/** How long one slice of sanitizing may hold the main thread before yielding to input. */
const SLICE_MS = 10
/**
 * Filled placeholders reach the host at most this often while more are coming: each
 * fill makes the host look over the blocks again (links, scroll sync).
 */
const FILL_INTERVAL_MS = 150
const UNKNOWN_SIZE: PendingBlockInfo = { rows: 1, labels: [] }

/** Options of {@link createPreviewClient}. */
export interface PreviewClientOptions {
  numbering?: NumberingMode
  onUpdate: (update: PreviewUpdate) => void
  onFill: (fill: PreviewFillUpdate) => void
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
  /** The source lines in view changed: blocks not rendered yet are rendered from there on. */
  focus(window: LineWindow): void
  dispose(): void
}

interface Job {
  source: string
  context: DocumentContext
  sanitize: Sanitizer
}

interface Structure {
  response: PreviewResponse
  keys: Set<string>
  isShown: boolean
}

/**
 * Creates the preview's renderer host. Rendering runs progressively in a Web
 * Worker (see {@link createProgressiveRender}): each response lists every block,
 * the ones in view rendered, and fills follow with the rest, nearest to the
 * {@link PreviewClient.focus} first. This side sanitizes and assembles what arrives
 * (DOMPurify needs the DOM) in slices between which typing gets the main thread,
 * and keeps the HTML of the current blocks by key. The first render of a post is
 * shown at once with placeholders, which {@link PreviewClientOptions.onFill} fills
 * (as is any render that replaces most blocks: the editor may hand over the new
 * post's text one render after its path); a later render (an edit) is shown once
 * all its blocks are ready, so an edit never turns rendered blocks into placeholders. If the worker cannot start it renders
 * on this thread in idle time instead.
 */
export function createPreviewClient(options: PreviewClientOptions): PreviewClient {
  const numbering = options.numbering ?? 'auto'
  let nextId = 1
  let inFlight: (Job & { id: number }) | null = null
  let pending: Job | null = null
  let lastSent: (Job & { id: number }) | null = null
  let lastSanitize: Sanitizer | null = null
  // Responses to requests before the last full resend belong to what the host dropped.
  let minId = 0
  let focusWindow: LineWindow = TOP_WINDOW
  let html = new Map<string, string>()
  // Parts the worker sent that are not sanitized yet, nearest to the focus first.
  let received = new Map<string, BlockParts>()
  let structure: Structure | null = null
  let placeholders = new Set<string>()
  let ready: string[] = []
  let hasShown = false
  let lastFillAt = 0
  let fillTimer: ReturnType<typeof setTimeout> | null = null
  let isStepScheduled = false
  let isDisposed = false
  let worker = options.isInline ? null : startWorker()
  let inline: ProgressiveRender | null = null

  const emit = () => {
    const current = structure
    if (!current) return
    if (!current.isShown) {
      // Another post (or the first version of one) shows at once; an edit of the shown one waits for its blocks.
      const unresolved = current.response.blocks.reduce((count, block) => (html.has(block.key) ? count : count + 1), 0)
      const isFilling = !hasShown || placeholders.size > 0 || unresolved > current.response.blocks.length / 2
      if (!isFilling && unresolved > 0) return
      placeholders = new Set()
      const blocks = current.response.blocks.map(({ key, startLine, endLine, pending: info }): PreviewBlock => {
        const blockHtml = html.get(key)
        if (blockHtml !== undefined) return { key, startLine, endLine, html: blockHtml }
        placeholders.add(key)
        return { key, startLine, endLine, html: null, pending: info ?? UNKNOWN_SIZE }
      })
      current.isShown = true
      hasShown = true
      ready = []
      options.onUpdate({ blocks, warnings: current.response.warnings, stats: current.response.stats, pendingCount: placeholders.size })
      return
    }
    if (ready.length === 0) return
    const wait = lastFillAt + FILL_INTERVAL_MS - performance.now()
    if (wait > 0) {
      fillTimer ??= setTimeout(() => {
        fillTimer = null
        if (!isDisposed) emit()
      }, wait)
      return
    }
    lastFillAt = performance.now()
    const filled: PreviewFillUpdate['blocks'] = []
    for (const key of ready) {
      const blockHtml = html.get(key)
      if (blockHtml !== undefined && placeholders.delete(key)) filled.push({ key, html: blockHtml })
    }
    ready = []
    if (filled.length > 0) options.onFill({ blocks: filled, pendingCount: placeholders.size })
  }

  const step = () => {
    isStepScheduled = false
    if (isDisposed || !lastSent) return
    const sanitize = lastSent.sanitize
    const deadline = performance.now() + SLICE_MS
    for (const [key, parts] of received) {
      received.delete(key)
      html.set(key, assembleBlock(parts, sanitize))
      ready.push(key)
      if (performance.now() > deadline) break
    }
    emit()
    if (received.size > 0 && !isStepScheduled) {
      isStepScheduled = true
      setTimeout(step, 0)
    }
  }

  const onResponse = (response: PreviewResponse) => {
    const keys = new Set(response.blocks.map((block) => block.key))
    structure = { response, keys, isShown: false }
    for (const key of html.keys()) if (!keys.has(key)) html.delete(key)
    // A response's own parts (the blocks in view, an edited block) go before any fill still waiting to be sanitized.
    const first = new Map<string, BlockParts>()
    for (const block of response.blocks) if (block.parts && !html.has(block.key)) first.set(block.key, block.parts)
    for (const [key, parts] of received) if (keys.has(key) && !first.has(key)) first.set(key, parts)
    received = first
    if (!isStepScheduled) step()
  }

  const onMessage = (message: PreviewWorkerMessage) => {
    if (isDisposed || lastSent === null || message.id < minId) return
    if (message.type === 'rendered') {
      onResponse(message)
      // A render the worker starts on its own (a grammar arrived) does not end a request.
      if (inFlight && message.id === inFlight.id) finish()
      return
    }
    const keys = structure?.keys
    if (!keys) return
    for (const block of message.blocks) if (keys.has(block.key) && !html.has(block.key)) received.set(block.key, block.parts)
    if (!isStepScheduled) step()
  }

  const finish = () => {
    inFlight = null
    if (pending && !isDisposed) {
      const job = pending
      pending = null
      send(job)
    }
  }

  const post = (message: PreviewHostMessage) => {
    if (worker) {
      worker.postMessage(message)
      return
    }
    if (!inline) {
      const highlighter = createCodeHighlighter()
      const progressive = createProgressiveRender({ highlighter, post: onMessage, schedule: idle })
      highlighter.onLoaded(() => progressive.refresh())
      inline = progressive
    }
    const state = inline
    if (message.type === 'render') {
      idle(() => {
        if (!isDisposed) state.render(message)
      })
    }
    else state.focus(message.focus)
  }

  function send(job: Job) {
    const isFullResend = lastSanitize !== job.sanitize
    const id = nextId++
    if (isFullResend) {
      minId = id
      html = new Map()
      received = new Map()
      placeholders = new Set()
      structure = null
      hasShown = false
      focusWindow = TOP_WINDOW
    }
    lastSanitize = job.sanitize
    const request: PreviewRequest = { type: 'render', id, source: job.source, context: job.context, numbering, isFullResend, focus: focusWindow }
    inFlight = { ...job, id }
    lastSent = inFlight
    post(request)
  }

  if (worker) {
    worker.onmessage = (event: MessageEvent<PreviewWorkerMessage>) => {
      const type = event.data?.type
      if (type === 'rendered' || type === 'filled') onMessage(event.data)
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
    focus(window) {
      if (isDisposed || (window.fromLine === focusWindow.fromLine && window.toLine === focusWindow.toLine)) return
      focusWindow = window
      if (lastSent) post({ type: 'focus', focus: window })
    },
    dispose() {
      isDisposed = true
      pending = null
      worker?.terminate()
    },
  }
}

function idle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 150 })
  else setTimeout(task, 0)
}

function startWorker(): Worker | null {
  if (typeof Worker !== 'function') return null
  try {
    return new Worker(new URL('./preview-worker.ts', import.meta.url), { type: 'module', name: 'lemma-preview' })
  } catch {
    return null
  }
}
