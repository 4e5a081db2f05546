/** A fuzzy match: a score (higher is better) and the matched positions of the target. */
export interface FuzzyMatch {
  score: number
  /** Indices into the target, ascending. */
  positions: number[]
}

/**
 * Matches `query` against `target` the way quick open and the command palette do,
 * ignoring case; both should already be folded (lower case). A contiguous
 * occurrence scores best, more so at the start or at a word boundary; otherwise the
 * query's characters must appear in order, and gaps and late starts cost. Null when
 * the characters do not all appear in order. Whitespace in the query is ignored.
 */
export function fuzzyMatch(query: string, target: string): FuzzyMatch | null {
  const needle = /\s/.test(query) ? query.replace(/\s+/g, '') : query
  if (needle === '') return { score: 0, positions: [] }
  const at = target.indexOf(needle)
  if (at !== -1) {
    const positions: number[] = []
    for (let i = 0; i < needle.length; i++) positions.push(at + i)
    const bonus = at === 0 ? 40 : isBoundary(target, at) ? 25 : 0
    return { score: 100 + bonus + needle.length * 4 - at * 0.5 - target.length * 0.05, positions }
  }
  if (!isSubsequence(needle, target)) return null
  const chars = [...needle]
  const positions: number[] = []
  let from = 0
  for (const char of chars) {
    const found = target.indexOf(char, from)
    if (found === -1) return null
    positions.push(found)
    from = found + char.length
  }
  // Walk back from the last match to pull earlier characters as close as possible.
  for (let i = positions.length - 2; i >= 0; i--) {
    const found = target.lastIndexOf(chars[i], positions[i + 1] - 1)
    if (found > positions[i]) positions[i] = found
  }
  let score = 60 - positions[0] * 0.5 - target.length * 0.05
  for (let i = 0; i < positions.length; i++) {
    if (isBoundary(target, positions[i])) score += 6
    if (i > 0) score -= positions[i] === positions[i - 1] + 1 ? -3 : Math.min(8, positions[i] - positions[i - 1])
  }
  return { score, positions }
}

/** True when the characters of `needle` appear in `target` in order (a fast test before {@link fuzzyMatch}). */
export function isSubsequence(needle: string, target: string): boolean {
  let from = 0
  for (let i = 0; i < needle.length; i++) {
    const code = needle.charCodeAt(i)
    const isPair = code >= 0xd800 && code <= 0xdbff
    const found = target.indexOf(isPair ? needle.slice(i, i + 2) : needle[i], from)
    if (found === -1) return false
    from = found + (isPair ? 2 : 1)
    if (isPair) i++
  }
  return true
}

/** Turns sorted positions into `[start, end)` ranges of consecutive positions. */
export function positionsToRanges(positions: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const position of positions) {
    const last = ranges[ranges.length - 1]
    if (last !== undefined && last[1] === position) last[1] = position + 1
    else ranges.push([position, position + 1])
  }
  return ranges
}

function isBoundary(text: string, at: number): boolean {
  if (at === 0) return true
  const before = text[at - 1]
  return before === ' ' || before === '/' || before === '-' || before === '_' || before === '.' || before === '(' || before === '（'
}
