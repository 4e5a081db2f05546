import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete'
import { syntaxTree } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import type { SyntaxNode } from '@lezer/common'
import { linkHandlers } from './link-handlers'

const OPEN_WIKI = /\[\[[^[\]|#\n]*$/
const IN_CODE = new Set(['FencedCode', 'CodeBlock', 'InlineCode', 'CodeText', 'FrontMatter', 'InlineMath', 'BlockMath'])

/**
 * Offers post titles after `[[`: the text typed since `[[` goes to the owner's
 * `complete` (quick open's fuzzy matcher, so `ksmx` offers 扩散模型), in the order it
 * answers. Picking one writes the title and the closing `]]` (unless already there).
 * Nothing is offered inside code, math or front matter.
 */
export async function wikiLinkCompletions(context: CompletionContext): Promise<CompletionResult | null> {
  const handlers = context.state.facet(linkHandlers)
  const before = context.matchBefore(OPEN_WIKI)
  if (!handlers || !before) return null
  for (let node: SyntaxNode | null = syntaxTree(context.state).resolveInner(context.pos, -1); node; node = node.parent) {
    if (IN_CODE.has(node.name)) return null
  }
  const from = before.from + 2
  const hits = await handlers.complete(context.state.sliceDoc(from, context.pos))
  if (context.aborted) return null
  const closing = context.state.sliceDoc(context.pos, context.pos + 2) === ']]' ? '' : ']]'
  return {
    from,
    filter: false,
    options: hits.map((hit) => ({ label: hit.title || hit.path, detail: hit.path, apply: `${hit.title || hit.path}${closing}`, type: 'text' })),
  }
}

/** The completion extension with {@link wikiLinkCompletions} as its only source. */
export function wikiLinkCompletion(): Extension {
  return autocompletion({ override: [wikiLinkCompletions], icons: false, closeOnBlur: true })
}
