import type { Text } from '@codemirror/state'
import { useMemo } from 'react'
import { useDebouncedValue } from '../../ui/useDebouncedValue'
import { extractOutline, type OutlineHeading } from './outline'

const NONE: readonly OutlineHeading[] = []

/**
 * The headings of `doc`, recomputed once typing pauses (a long post is scanned
 * whole). While `isEnabled` is false nothing is computed and the list is empty.
 */
export function useOutline(doc: Text | null, isEnabled: boolean): readonly OutlineHeading[] {
  const settled = useDebouncedValue(isEnabled ? doc : null, 300)
  return useMemo(() => (settled ? extractOutline(settled.toString()) : NONE), [settled])
}
