import type { MarkdownIt, Token } from 'markdown-it'
import { analyzeDisplayFormula, texReferences, type DisplayEquation } from './equation-numbering'
import { anyFootnoteEnv } from './markdown-it-footnotes'
import type { MathRefMeta, MathTokenMeta } from './markdown-it-math'
import { hasGlobalDefinition } from './macros'

/** A link reference definition (`[label]: url "title"`), as markdown-it stores it. */
export interface LinkDefinition {
  href: string
  title: string
}

/**
 * What the rest of the document needs to know about one block: the facts that tie
 * blocks together (equation numbers, labels, footnotes, link definitions, global
 * macro definitions). Computed once per distinct block text.
 */
export interface BlockAnalysis {
  /** Display formulas in render order. */
  displays: DisplayEquation[]
  /** Labels referenced with `\eqref`/`\ref`, in prose or inside formulas. */
  references: string[]
  footnoteReferences: string[]
  footnoteDefinitions: string[]
  linkDefinitions: Record<string, LinkDefinition> | null
  /** Formulas with `\gdef`/`\global`/`\xdef`, in order. */
  globalDefinitions: string[]
  /** Info words of fenced code blocks. */
  languages: string[]
  /** How many formulas the block has; a block without any does not depend on macros. */
  formulaCount: number
  /** Whether the block could use a link reference definition from elsewhere (it has a `]`). */
  mayUseLinkDefinitions: boolean
}

/**
 * Every construct an analysis collects needs one of these: `$`/`\` for formulas and
 * references, `[`/`]` for footnotes and link definitions, a fence for a language.
 */
const MAY_MATTER = /[$\\[\]]|```|~~~/

/**
 * Parses a block (without rendering it) and collects its {@link BlockAnalysis}. A
 * block with none of the characters any of it needs (about half of a prose-heavy
 * post) is not parsed at all: the whole-document pass stays cheap for a huge post.
 */
export function analyzeBlock(md: MarkdownIt, text: string): BlockAnalysis {
  if (!MAY_MATTER.test(text)) return emptyAnalysis()
  const env: Record<string, unknown> = { footnotes: anyFootnoteEnv() }
  const tokens = md.parse(text, env)
  const analysis = emptyAnalysis()
  analysis.mayUseLinkDefinitions = text.includes(']')
  visit(tokens, analysis)
  const references = env.references as Record<string, LinkDefinition> | undefined
  if (references && Object.keys(references).length > 0) analysis.linkDefinitions = references
  return analysis
}

function emptyAnalysis(): BlockAnalysis {
  return {
    displays: [],
    references: [],
    footnoteReferences: [],
    footnoteDefinitions: [],
    linkDefinitions: null,
    globalDefinitions: [],
    languages: [],
    formulaCount: 0,
    mayUseLinkDefinitions: false,
  }
}

function visit(tokens: readonly Token[], analysis: BlockAnalysis): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'math_inline':
      case 'math_block': {
        const tex = token.content
        analysis.formulaCount++
        if ((token.meta as unknown as MathTokenMeta).isDisplay) analysis.displays.push(analyzeDisplayFormula(tex))
        analysis.references.push(...texReferences(tex))
        if (hasGlobalDefinition(tex)) analysis.globalDefinitions.push(tex)
        break
      }
      case 'math_ref':
        analysis.references.push((token.meta as unknown as MathRefMeta).label)
        break
      case 'footnote_ref':
        analysis.footnoteReferences.push((token.meta as unknown as { label: string }).label)
        break
      case 'footnote_reference_open':
        analysis.footnoteDefinitions.push((token.meta as unknown as { label: string }).label)
        break
      case 'fence': {
        const language = token.info.trim().split(/\s+/)[0]
        if (language) analysis.languages.push(language)
        break
      }
      case 'inline':
        if (token.children) visit(token.children, analysis)
        break
    }
  }
}
