import { createCodeHighlighter } from '../../../src-shared/markdown/code-highlighter'
import type { NumberingMode } from '../../../src-shared/markdown/equation-numbering'
import { createIncrementalRenderer, type IncrementalRenderer } from '../../../src-shared/markdown/incremental-renderer'
import type { PreviewBlockMessage, PreviewRequest, PreviewResponse } from './preview-protocol'

// The preview's rendering runs here, off the typing path: Markdown, KaTeX and code
// highlighting for a 300,000-word post never block the editor. Sanitizing needs a
// DOM and stays with the host (see preview-client.ts).

const highlighter = createCodeHighlighter()
let renderer: IncrementalRenderer | null = null
let rendererNumbering: NumberingMode | null = null
let lastRequest: PreviewRequest | null = null
let sentKeys = new Set<string>()

function render(request: PreviewRequest): void {
  if (renderer === null || rendererNumbering !== request.numbering) {
    renderer = createIncrementalRenderer({ highlighter, numbering: request.numbering })
    rendererNumbering = request.numbering
    sentKeys = new Set()
  }
  const known = request.isFullResend ? new Set<string>() : sentKeys
  const result = renderer.renderParts(request.source, request.context)
  const blocks: PreviewBlockMessage[] = result.blocks.map(({ key, startLine, endLine, parts }) =>
    known.has(key) ? { key, startLine, endLine } : { key, startLine, endLine, parts },
  )
  sentKeys = new Set(result.blocks.map((block) => block.key))
  lastRequest = request
  const response: PreviewResponse = { type: 'rendered', id: request.id, blocks, warnings: result.warnings, stats: result.stats }
  self.postMessage(response)
}

// A grammar that arrives after a render changes the affected blocks' keys; render again.
highlighter.onLoaded(() => {
  if (lastRequest) render({ ...lastRequest, isFullResend: false })
})

self.onmessage = (event: MessageEvent<PreviewRequest>) => {
  if (event.data?.type === 'render') render(event.data)
}
