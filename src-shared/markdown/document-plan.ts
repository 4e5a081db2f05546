import type { BlockAnalysis, LinkDefinition } from './block-analysis'
import { numberEquations, type EquationNumbering, type NumberingMode } from './equation-numbering'
import { hashString } from './hash'

/**
 * The document-wide facts a block's rendering depends on, computed from every
 * block's {@link BlockAnalysis} in one cheap pass, never from rendered HTML.
 */
export interface DocumentPlan {
  numbering: EquationNumbering
  /** Index, in `numbering.numbers`, of each block's first display formula. */
  displayOffsets: number[]
  /** Footnote numbers by label: first-referenced first, then unreferenced definitions. */
  footnoteNumbers: Map<string, number>
  definedFootnotes: string[]
  /** Link reference definitions of the whole document (the first definition of a label wins). */
  linkDefinitions: Record<string, LinkDefinition>
  /** Changes when any link definition changes; empty when there are none. */
  linkFingerprint: string
  /** Formulas with global definitions, in document order. */
  globalDefinitions: string[]
}

/** Builds the {@link DocumentPlan} of a document from its blocks' analyses, in order. */
export function planDocument(analyses: readonly BlockAnalysis[], mode: NumberingMode): DocumentPlan {
  const displays = []
  const displayOffsets: number[] = []
  const defined = new Set<string>()
  const linkDefinitions: Record<string, LinkDefinition> = {}
  let hasLinks = false
  const globalDefinitions: string[] = []
  for (const analysis of analyses) {
    displayOffsets.push(displays.length)
    for (const display of analysis.displays) displays.push(display)
    for (const label of analysis.footnoteDefinitions) defined.add(label)
    if (analysis.linkDefinitions) {
      for (const [label, definition] of Object.entries(analysis.linkDefinitions)) {
        if (!(label in linkDefinitions)) linkDefinitions[label] = definition
        hasLinks = true
      }
    }
    for (const tex of analysis.globalDefinitions) globalDefinitions.push(tex)
  }
  const footnoteNumbers = new Map<string, number>()
  if (defined.size > 0) {
    for (const analysis of analyses) {
      for (const label of analysis.footnoteReferences) {
        if (defined.has(label) && !footnoteNumbers.has(label)) footnoteNumbers.set(label, footnoteNumbers.size + 1)
      }
    }
    for (const label of defined) if (!footnoteNumbers.has(label)) footnoteNumbers.set(label, footnoteNumbers.size + 1)
  }
  return {
    numbering: numberEquations(displays, mode),
    displayOffsets,
    footnoteNumbers,
    definedFootnotes: [...defined],
    linkDefinitions,
    linkFingerprint: hasLinks ? hashString(JSON.stringify(linkDefinitions)) : '',
    globalDefinitions,
  }
}

/**
 * The part of the plan that block `index` depends on, as a short string: its
 * equation numbers, the numbers its references resolve to, and its footnote numbers.
 * Two renders of the same block text with the same key give the same HTML, so
 * inserting an equation re-renders only the blocks whose numbers or references moved.
 */
export function blockContextKey(plan: DocumentPlan, analysis: BlockAnalysis, index: number): string {
  let key = ''
  if (analysis.displays.length > 0) {
    const offset = plan.displayOffsets[index]
    const parts: string[] = []
    for (let i = 0; i < analysis.displays.length; i++) {
      const rows = plan.numbering.numbers[offset + i]
      parts.push(rows.map((n) => (n === null ? '-' : `${n.isStarred ? '*' : ''}${n.text}`)).join(','))
    }
    key += `n${parts.join(';')}`
  }
  if (analysis.references.length > 0) {
    key += `r${analysis.references.map((label) => plan.numbering.labels.get(label)?.text ?? '\u0000').join(',')}`
  }
  if (analysis.footnoteReferences.length > 0 || analysis.footnoteDefinitions.length > 0) {
    const labels = [...analysis.footnoteReferences, ...analysis.footnoteDefinitions]
    key += `f${labels.map((label) => plan.footnoteNumbers.get(label) ?? '-').join(',')}`
  }
  return key
}
