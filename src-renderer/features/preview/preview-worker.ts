import { createCodeHighlighter } from '../../../src-shared/markdown/code-highlighter'
import { createProgressiveRender } from './progressive-render'
import type { PreviewHostMessage } from './preview-protocol'

// The preview's rendering runs here, off the typing path: Markdown, KaTeX and code
// highlighting for a 300,000-word post never block the editor. Sanitizing needs a
// DOM and stays with the host (see preview-client.ts).

const highlighter = createCodeHighlighter()
const progressive = createProgressiveRender({
  highlighter,
  post: (message) => self.postMessage(message),
  // A macrotask, so a newer request or a new focus waiting in the queue goes first.
  schedule: (task) => setTimeout(task, 0),
})

// A grammar that arrives after a render changes the affected blocks' keys; render again.
highlighter.onLoaded(() => progressive.refresh())

self.onmessage = (event: MessageEvent<PreviewHostMessage>) => {
  if (event.data?.type === 'render') progressive.render(event.data)
  else if (event.data?.type === 'focus') progressive.focus(event.data.focus)
}
