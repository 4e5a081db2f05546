import type { Text } from '@codemirror/state'
import { useMemo } from 'react'
import type { EquationNumber } from '../../../src-shared/markdown/equation-numbering'
import { indexDocumentMath } from '../../../src-shared/markdown/math-index'
import { useDebouncedValue } from '../../ui/useDebouncedValue'
import { extractOutline, type OutlineHeading } from './outline'

/** The headings of a post, and the equation numbers their formulas may refer to. */
export interface Outline {
  headings: readonly OutlineHeading[]
  labels: ReadonlyMap<string, EquationNumber>
}

const EMPTY: Outline = { headings: [], labels: new Map() }

/**
 * The outline of `doc`, recomputed once typing pauses (a long post is scanned
 * whole). Equation labels are collected only when a heading refers to one. While
 * `isEnabled` is false nothing is computed and the outline is empty.
 */
export function useOutline(doc: Text | null, isEnabled: boolean): Outline {
  const settled = useDebouncedValue(isEnabled ? doc : null, 300)
  return useMemo(() => {
    if (!settled) return EMPTY
    const source = settled.toString()
    const headings = extractOutline(source)
    const hasReference = headings.some((heading) => heading.text.includes('ref{'))
    return { headings, labels: hasReference ? indexDocumentMath(source).labels : EMPTY.labels }
  }, [settled])
}
