import type { MarkdownIt } from 'markdown-it'
import footnote from 'markdown-it-footnote'
import { escapeHtml } from './escape-html'
import { lemmaEnv } from './render-env'

/**
 * Footnotes (`[^label]` and `[^label]: text`) numbered across the whole document
 * by first reference, so a block renders with the right numbers on its own.
 * Definitions render where they are written (a post usually keeps them at the end)
 * instead of being moved to a list, which would tie every block to the last one.
 * Inline footnotes (`^[…]`) are not enabled.
 */
export function markdownItFootnotes(md: MarkdownIt): void {
  md.use(footnote)
  md.inline.ruler.disable('footnote_inline')
  md.core.ruler.disable('footnote_tail')
  md.renderer.rules.footnote_ref = (tokens, idx, _options, env) => {
    const label = (tokens[idx].meta as unknown as { label: string }).label
    const number = lemmaEnv(env).footnoteNumbers.get(label)
    return `<sup class="footnote-ref"><a href="#fn-${number}" data-footnote="${escapeHtml(label)}">[${number}]</a></sup>`
  }
  md.renderer.rules.footnote_reference_open = (tokens, idx, _options, env) => {
    const label = (tokens[idx].meta as unknown as { label: string }).label
    const number = lemmaEnv(env).footnoteNumbers.get(label)
    const shown = number === undefined ? escapeHtml(label) : String(number)
    return `<div class="footnote-definition"${number === undefined ? '' : ` id="fn-${number}"`}><span class="footnote-label">${shown}.</span>`
  }
  md.renderer.rules.footnote_reference_close = () => '</div>\n'
}

/** Labels of footnotes that are defined, in the shape markdown-it-footnote looks them up. */
export function footnoteEnv(definedLabels: Iterable<string>): { refs: Record<string, number> } {
  const refs: Record<string, number> = {}
  for (const label of definedLabels) refs[`:${label}`] = -1
  return { refs }
}

/** An env under which every `[^label]` parses as a reference, for analysing a block alone. */
export function anyFootnoteEnv(): { refs: Record<string, number> } {
  return { refs: new Proxy({}, { get: () => -1 }) }
}
