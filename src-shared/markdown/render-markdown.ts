import { createIncrementalRenderer, type IncrementalRendererOptions } from './incremental-renderer'

/**
 * Renders a whole post once, with no caches carried over: the same blocks the
 * preview shows, joined. For export and excerpts; pass `sanitize` whenever the
 * result will be shown.
 */
export function renderMarkdown(source: string, options: IncrementalRendererOptions = {}): string {
  return createIncrementalRenderer(options)
    .render(source)
    .blocks.map((block) => block.html)
    .join('')
}
