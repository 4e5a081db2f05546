import { HighlightStyle, syntaxHighlighting } from '@codemirror/language'
import type { Extension } from '@codemirror/state'
import { tags as t } from '@lezer/highlight'
import { mathTag } from './math-syntax'

/**
 * Colours and type styles for Markdown and for the languages of fenced code. Every
 * colour is a CSS custom property (`--syntax-*`), so light and dark themes switch
 * with the stylesheet, without reconfiguring the editor.
 */
export const markdownHighlightStyle = HighlightStyle.define([
  { tag: t.heading1, fontSize: '1.45em', fontWeight: '700', lineHeight: '1.5' },
  { tag: t.heading2, fontSize: '1.25em', fontWeight: '700' },
  { tag: t.heading3, fontSize: '1.1em', fontWeight: '650' },
  { tag: [t.heading4, t.heading5, t.heading6], fontWeight: '650' },
  { tag: t.heading, color: 'var(--syntax-heading)' },
  { tag: t.strong, fontWeight: '700' },
  { tag: t.emphasis, fontStyle: 'italic' },
  { tag: t.strikethrough, textDecoration: 'line-through' },
  { tag: t.link, color: 'var(--syntax-link)' },
  { tag: t.url, color: 'var(--syntax-url)', textDecoration: 'underline', textDecorationColor: 'var(--border-strong)' },
  { tag: t.monospace, color: 'var(--syntax-code)' },
  { tag: t.quote, color: 'var(--syntax-quote)' },
  { tag: [t.processingInstruction, t.contentSeparator], color: 'var(--syntax-mark)' },
  { tag: t.labelName, color: 'var(--syntax-meta)' },
  { tag: t.meta, color: 'var(--syntax-meta)' },
  { tag: mathTag, color: 'var(--syntax-math)' },
  { tag: [t.keyword, t.modifier, t.controlKeyword, t.operatorKeyword], color: 'var(--syntax-keyword)' },
  { tag: [t.string, t.special(t.string), t.regexp], color: 'var(--syntax-string)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--syntax-comment)', fontStyle: 'italic' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--syntax-number)' },
  { tag: [t.function(t.variableName), t.function(t.propertyName), t.macroName], color: 'var(--syntax-function)' },
  { tag: [t.typeName, t.className, t.namespace], color: 'var(--syntax-type)' },
  { tag: [t.tagName, t.attributeName], color: 'var(--syntax-keyword)' },
  { tag: t.invalid, color: 'var(--danger)' },
])

/** {@link markdownHighlightStyle} as an editor extension. */
export function markdownHighlighting(): Extension {
  return syntaxHighlighting(markdownHighlightStyle)
}
