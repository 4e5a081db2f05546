import type { MarkdownIt } from 'markdown-it'

/**
 * Marks every block element that has a source position with
 * `data-line-offset="<first line>"`, counted from the start of the text rendered (one
 * preview block). The preview adds the block's own `data-source-line`, so scroll sync
 * can map any element to an absolute line without block HTML depending on where the
 * block sits (which would force re-rendering every block below an inserted line).
 */
export function markdownItLineOffsets(md: MarkdownIt): void {
  md.core.ruler.push('line_offsets', (state) => {
    for (const token of state.tokens) {
      if (token.map && token.nesting !== -1 && token.type !== 'inline' && token.type !== 'html_block') {
        token.attrSet('data-line-offset', String(token.map[0]))
      }
    }
  })
}
