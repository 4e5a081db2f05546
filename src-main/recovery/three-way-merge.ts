import { diff3Merge } from 'node-diff3'

/** The outcome of {@link mergeThreeWay}. */
export type MergeOutcome = { isClean: true; text: string } | { isClean: false; conflictCount: number }

/**
 * Merges two texts that both started from `base`, line by line (diff3): `mine` (the
 * editor) and `theirs` (the disk). Clean when the two sides changed different lines,
 * or made the same change to the same lines; otherwise reports how many regions
 * clash and merges nothing, so the UI shows both sides instead of guessing.
 */
export function mergeThreeWay(base: string, mine: string, theirs: string): MergeOutcome {
  if (mine === theirs) return { isClean: true, text: mine }
  if (base === theirs) return { isClean: true, text: mine }
  if (base === mine) return { isClean: true, text: theirs }
  const regions = diff3Merge(mine.split('\n'), base.split('\n'), theirs.split('\n'), { excludeFalseConflicts: true })
  const lines: string[] = []
  let conflictCount = 0
  for (const region of regions) {
    if (region.ok) lines.push(...region.ok)
    else conflictCount++
  }
  return conflictCount === 0 ? { isClean: true, text: lines.join('\n') } : { isClean: false, conflictCount }
}
