import type { EditorView } from '@codemirror/view'

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

/** How far (in pixels) the top of the document lies below the top of the scrolled content. */
function documentOffset(view: EditorView): number {
  return view.documentTop - view.scrollDOM.getBoundingClientRect().top + view.scrollDOM.scrollTop
}

/**
 * The source position at the top edge of the editor's visible area (or `below`
 * pixels under it), as a zero-based line with a fraction (how far down that line's
 * box the edge cuts). A rendered block formula stands for all its lines, so the
 * fraction moves through them in proportion.
 */
export function editorTopLine(view: EditorView, below = 0): number {
  const height = view.scrollDOM.scrollTop + below - documentOffset(view)
  if (height <= 0) return 0
  const block = view.lineBlockAtHeight(height)
  const doc = view.state.doc
  const first = doc.lineAt(block.from).number - 1
  const last = doc.lineAt(block.to).number - 1
  const fraction = block.height > 0 ? clamp((height - block.top) / block.height, 0, 1) : 0
  return first + fraction * (last - first + 1)
}

function scrollTopForLine(view: EditorView, line: number): number {
  const doc = view.state.doc
  const number = clamp(Math.floor(line) + 1, 1, doc.lines)
  const block = view.lineBlockAt(doc.line(number).from)
  const first = doc.lineAt(block.from).number - 1
  const last = doc.lineAt(block.to).number - 1
  const fraction = clamp((line - first) / (last - first + 1), 0, 1)
  return block.top + fraction * block.height + documentOffset(view)
}

/**
 * Scrolls the editor so that source position `line` (as {@link editorTopLine}
 * reports it) sits at the top edge. Lines far from the visible ones have estimated
 * heights until drawn, so the position is checked again once CodeMirror has
 * measured what it now shows.
 */
export function scrollEditorToLine(view: EditorView, line: number): void {
  view.scrollDOM.scrollTop = scrollTopForLine(view, line)
  view.requestMeasure({
    key: 'lemma-scroll-to-line',
    read: (measured) => scrollTopForLine(measured, line),
    write: (top, measured) => {
      if (Math.abs(measured.scrollDOM.scrollTop - top) > 1) measured.scrollDOM.scrollTop = top
    },
  })
}
