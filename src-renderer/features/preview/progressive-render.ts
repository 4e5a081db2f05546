import type { CodeHighlighter } from '../../../src-shared/markdown/code-highlighter'
import type { NumberingMode } from '../../../src-shared/markdown/equation-numbering'
import { createIncrementalRenderer, type IncrementalRenderer, type PlannedRender } from '../../../src-shared/markdown/incremental-renderer'
import { estimateRows } from './estimate-rows'
import { fillOrder, overlapsWindow, TOP_WINDOW, type LineWindow } from './fill-order'
import type { PreviewBlockMessage, PreviewFill, PreviewRequest, PreviewWorkerMessage } from './preview-protocol'

/** After the blocks in view, a response keeps rendering blocks for this long (an edit's few blocks never wait for a fill). */
export const FIRST_BATCH_MS = 24
/** How long one fill batch renders before it is posted and new requests get a turn. */
export const FILL_BATCH_MS = 40

/** Options of {@link createProgressiveRender}. */
export interface ProgressiveRenderOptions {
  highlighter?: CodeHighlighter
  /** Delivers a message to the host, in order. */
  post: (message: PreviewWorkerMessage) => void
  /** Runs `task` later, after messages already waiting (a worker's `setTimeout(task, 0)`). */
  schedule: (task: () => void) => void
  /** The clock batches are timed with; `performance.now` by default. */
  now?: () => number
}

/** The preview's renderer, answering requests progressively (see {@link createProgressiveRender}). */
export interface ProgressiveRender {
  /** Plans and answers a request: one response now, fills after it. */
  render(request: PreviewRequest): void
  /** Renders the pending blocks around `focus` next. */
  focus(focus: LineWindow): void
  /** Answers the last request again (a code grammar arrived, so some keys changed). */
  refresh(): void
}

interface Filling {
  id: number
  planned: PlannedRender
  order: number[]
  position: number
}

/**
 * Renders post versions so the part in view shows first. Each request is planned
 * whole (equation numbers, labels, footnotes, macros: cheap), then the blocks
 * overlapping the request's focus window are rendered, plus whatever else fits in
 * {@link FIRST_BATCH_MS}, and one response lists every block: with parts when the
 * host has not seen it, as pending (estimated rows and equation labels) when it is
 * not rendered yet. The pending blocks follow in fills of about
 * {@link FILL_BATCH_MS} each, nearest to the focus first (see {@link fillOrder});
 * between fills `schedule` lets a newer request or a new focus in, which takes over
 * the remaining work. Blocks are keyed by their render, so a key sent once is never
 * sent again while it stays in the post.
 */
export function createProgressiveRender(options: ProgressiveRenderOptions): ProgressiveRender {
  const now = options.now ?? (() => performance.now())
  let renderer: IncrementalRenderer | null = null
  let rendererNumbering: NumberingMode | null = null
  let sent = new Set<string>()
  let lastRequest: PreviewRequest | null = null
  let focusWindow: LineWindow = TOP_WINDOW
  let filling: Filling | null = null
  let isScheduled = false

  const reorder = (state: Filling) => {
    const blocks = state.planned.blocks
    state.order = fillOrder(blocks, focusWindow, (index) => !sent.has(blocks[index].key))
    state.position = 0
  }

  const fill = () => {
    isScheduled = false
    const state = filling
    if (!state) return
    const deadline = now() + FILL_BATCH_MS
    const blocks: PreviewFill['blocks'] = []
    while (state.position < state.order.length) {
      const index = state.order[state.position++]
      const key = state.planned.blocks[index].key
      blocks.push({ key, parts: state.planned.partsOf(index) })
      sent.add(key)
      if (now() >= deadline) break
    }
    const pendingCount = state.order.length - state.position
    if (pendingCount === 0) filling = null
    if (blocks.length > 0) options.post({ type: 'filled', id: state.id, blocks, pendingCount })
    if (pendingCount > 0) scheduleFill()
  }

  function scheduleFill() {
    if (isScheduled) return
    isScheduled = true
    options.schedule(fill)
  }

  const render = (request: PreviewRequest) => {
    if (renderer === null || rendererNumbering !== request.numbering) {
      renderer = createIncrementalRenderer({ highlighter: options.highlighter, numbering: request.numbering })
      rendererNumbering = request.numbering
      sent = new Set()
    }
    lastRequest = request
    focusWindow = request.focus
    const planned = renderer.plan(request.source, request.context)
    const keys = new Set(planned.blocks.map((block) => block.key))
    sent = request.isFullResend ? new Set() : new Set([...sent].filter((key) => keys.has(key)))
    const state: Filling = { id: request.id, planned, order: [], position: 0 }
    reorder(state)
    const fresh = new Set<number>()
    const deadline = now() + FIRST_BATCH_MS
    while (state.position < state.order.length) {
      const index = state.order[state.position]
      if (!overlapsWindow(planned.blocks[index], focusWindow) && now() >= deadline) break
      planned.partsOf(index)
      fresh.add(index)
      state.position++
    }
    const blocks = planned.blocks.map(({ key, startLine, endLine, text, labels }, index): PreviewBlockMessage => {
      if (fresh.has(index)) return { key, startLine, endLine, parts: planned.partsOf(index) }
      if (sent.has(key)) return { key, startLine, endLine }
      return { key, startLine, endLine, pending: { rows: estimateRows(text), labels } }
    })
    for (const index of fresh) sent.add(planned.blocks[index].key)
    const pendingCount = state.order.length - state.position
    filling = pendingCount > 0 ? state : null
    options.post({ type: 'rendered', id: request.id, blocks, warnings: planned.warnings, stats: planned.stats(), pendingCount })
    if (filling) scheduleFill()
  }

  return {
    render,
    focus(focus) {
      focusWindow = focus
      if (filling) reorder(filling)
    },
    refresh() {
      if (lastRequest) render({ ...lastRequest, isFullResend: false, focus: focusWindow })
    },
  }
}
