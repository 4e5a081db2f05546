import type { BlockParts } from '../../../src-shared/markdown/block-parts'
import type { NumberingMode } from '../../../src-shared/markdown/equation-numbering'
import type { DocumentContext, RenderStats } from '../../../src-shared/markdown/incremental-renderer'
import type { LineWindow } from './fill-order'

/** Host → worker: render this version of the post. */
export interface PreviewRequest {
  type: 'render'
  /** Increases with every request; responses echo it. */
  id: number
  source: string
  context: DocumentContext
  numbering: NumberingMode
  /** Send the parts of every block, not only of blocks new since the last response (the host dropped its copies). */
  isFullResend: boolean
  /** The source lines in view: their blocks are rendered first. */
  focus: LineWindow
}

/** Host → worker: the person scrolled; blocks still to render should start from these lines. */
export interface PreviewFocusRequest {
  type: 'focus'
  focus: LineWindow
}

/** Everything the host sends the worker. */
export type PreviewHostMessage = PreviewRequest | PreviewFocusRequest

/** What the host needs to stand in for a block that is not rendered yet. */
export interface PendingBlockInfo {
  /** Estimated rows of text, for the placeholder's height. */
  rows: number
  /** Labels of its display equations, so `\eqref` can reach the block before it renders. */
  labels: readonly string[]
}

/**
 * One block of a response. `parts` is present only when the host has not seen
 * the key before; `pending` when the host has not seen it and its parts follow in
 * a {@link PreviewFill}. Neither: the host has it already.
 */
export interface PreviewBlockMessage {
  key: string
  startLine: number
  endLine: number
  parts?: BlockParts
  pending?: PendingBlockInfo
}

/** Worker → host: every block of the latest request, in order, the ones in view rendered. */
export interface PreviewResponse {
  type: 'rendered'
  id: number
  blocks: PreviewBlockMessage[]
  warnings: readonly string[]
  stats: RenderStats
  /** How many blocks are pending; they arrive in {@link PreviewFill}s. */
  pendingCount: number
}

/** Worker → host: parts of pending blocks of the latest response, nearest to the focus first. */
export interface PreviewFill {
  type: 'filled'
  id: number
  blocks: Array<{ key: string; parts: BlockParts }>
  /** How many blocks of the latest response are still pending after these. */
  pendingCount: number
}

/** Everything the worker sends the host. */
export type PreviewWorkerMessage = PreviewResponse | PreviewFill
