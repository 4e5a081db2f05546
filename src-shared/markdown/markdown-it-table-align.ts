import type { MarkdownIt } from 'markdown-it'

/**
 * Turns markdown-it's `style="text-align:…"` on table cells into `class="align-…"`,
 * so the sanitizer can forbid `style` attributes in posts without losing alignment.
 */
export function markdownItTableAlign(md: MarkdownIt): void {
  md.core.ruler.push('table_align', (state) => {
    for (const token of state.tokens) {
      if (token.type !== 'th_open' && token.type !== 'td_open') continue
      const style = token.attrGet('style')?.toString()
      const align = style && /text-align:\s*(left|right|center)/.exec(style)
      if (!align) continue
      token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style')
      token.attrJoin('class', `align-${align[1]}`)
    }
  })
}
