import type { BlockParts } from '../../../src-shared/markdown/block-parts'
import type { NumberingMode } from '../../../src-shared/markdown/equation-numbering'
import type { DocumentContext, RenderStats } from '../../../src-shared/markdown/incremental-renderer'

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
}

/** One block of a response; `parts` is present only when the host has not seen the key before. */
export interface PreviewBlockMessage {
  key: string
  startLine: number
  endLine: number
  parts?: BlockParts
}

/** Worker → host: the blocks of the latest request, in order. */
export interface PreviewResponse {
  type: 'rendered'
  id: number
  blocks: PreviewBlockMessage[]
  warnings: readonly string[]
  stats: RenderStats
}
