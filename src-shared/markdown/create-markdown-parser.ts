import MarkdownItClass, { type MarkdownIt, type Token } from 'markdown-it'
import { escapeHtml } from './escape-html'
import {
  analyzeDisplayFormula,
  applyEquationNumbers,
  referenceText,
  resolveTexReferences,
  stripLabels,
} from './equation-numbering'
import { markdownItCode } from './markdown-it-code'
import { markdownItFootnotes } from './markdown-it-footnotes'
import { markdownItLineOffsets } from './markdown-it-line-offsets'
import { markdownItLinks } from './markdown-it-links'
import { markdownItMath, type MathRefMeta, type MathTokenMeta } from './markdown-it-math'
import { markdownItTableAlign } from './markdown-it-table-align'
import { markdownItTaskLists } from './markdown-it-task-lists'
import { lemmaEnv } from './render-env'

/**
 * The markdown-it instance every Lemma rendering uses: CommonMark with GFM tables,
 * strikethrough, autolinks and task lists, footnotes, math, wiki links and raw HTML
 * (which the preview sanitizes). Rendering needs an `env.lemma` ({@link LemmaEnv});
 * parsing alone does not.
 */
export function createMarkdownParser(): MarkdownIt {
  const md = new MarkdownItClass({ html: true, linkify: true, typographer: false })
  markdownItMath(md, { formula: renderFormula, reference: renderReference })
  markdownItLinks(md)
  markdownItFootnotes(md)
  markdownItTaskLists(md)
  markdownItTableAlign(md)
  markdownItCode(md)
  markdownItLineOffsets(md)
  return md
}

function renderFormula(token: Token, env: unknown): string {
  const lemma = lemmaEnv(env)
  const meta = token.meta as unknown as MathTokenMeta
  if (!meta.isDisplay) return lemma.formula(resolveTexReferences(stripLabels(token.content), lemma.labels), false)
  const numbers = lemma.equationNumbers[lemma.nextDisplay++] ?? []
  if (token.type === 'math_block') {
    const labels = analyzeDisplayFormula(token.content).rows.flatMap((row) => row.labels)
    if (labels.length > 0) token.attrSet('data-eq-labels', labels.join(' '))
  }
  return lemma.formula(resolveTexReferences(applyEquationNumbers(token.content, numbers), lemma.labels), true)
}

function renderReference(meta: MathRefMeta, env: unknown): string {
  const number = lemmaEnv(env).labels.get(meta.label)
  const text = escapeHtml(referenceText(number, meta.isEqref))
  if (number === undefined) {
    return `<span class="eqref eqref-unresolved" title="${escapeHtml(`No equation is labelled “${meta.label}”`)}">${text}</span>`
  }
  return `<a class="eqref" href="#" data-eq-ref="${escapeHtml(meta.label)}">${text}</a>`
}
