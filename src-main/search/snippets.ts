import type { ParsedQuery } from '../../src-shared/search/parse-query'
import type { Snippet, TextRange } from '../../src-shared/search/search-types'

/** Longest snippet, in UTF-16 code units, before a long line is cut around its first match. */
export const SNIPPET_LENGTH = 180
const LEAD = 60

/** A literal to highlight, lowercased; whole clauses weigh more than their tokens. */
export interface Needle {
  text: string
  weight: number
  /** The query clauses it stands for (a token may be shared by several). */
  clauses: number[]
}

/**
 * What to highlight for a query: each clause as typed (so `扩散模型` lights up whole
 * where it occurs whole) and each of its tokens (so `grad` lights up inside
 * `gradient`, and the bigrams of a Chinese term split across a line still show).
 */
export function queryNeedles(query: ParsedQuery): Needle[] {
  const needles = new Map<string, Needle>()
  const add = (text: string, weight: number, clause: number) => {
    const needle = needles.get(text)
    if (needle === undefined) needles.set(text, { text, weight, clauses: [clause] })
    else {
      needle.weight = Math.max(needle.weight, weight)
      if (!needle.clauses.includes(clause)) needle.clauses.push(clause)
    }
  }
  query.clauses.forEach((clause, i) => {
    const text = clause.text.toLowerCase()
    if (text.trim() !== '') add(text, 3, i)
    for (const token of clause.tokens) add(token.term, 1, i)
  })
  return [...needles.values()].sort((a, b) => b.text.length - a.text.length)
}

/** Every occurrence of any needle in `text`, ignoring case, as merged ranges. */
export function highlightRanges(text: string, needles: readonly Needle[]): TextRange[] {
  const lower = text.toLowerCase()
  if (lower.length !== text.length) return []
  return merge(findAll(lower, needles).ranges)
}

/**
 * Up to `max` snippets of `text` (a whole file), best first: lines are chosen one
 * by one, each time the line matching the most query clauses not shown yet, then
 * the weightiest needles, then the earliest; front matter lines (whose title and
 * tags the hit shows anyway) come only after body lines. A line longer than
 * {@link SNIPPET_LENGTH} is cut around its first match, with `…` marking each cut.
 */
export function buildSnippets(text: string, needles: readonly Needle[], max: number): Snippet[] {
  if (max <= 0 || needles.length === 0) return []
  const frontMatterEnd = frontMatterLines(text)
  const candidates: Candidate[] = []
  let line = 1
  for (let at = 0; at <= text.length; line++) {
    let end = text.indexOf('\n', at)
    if (end === -1) end = text.length
    if (end > at) {
      const content = text.slice(at, end).toLowerCase()
      if (content.length === end - at) {
        const found = findAll(content, needles)
        if (found.ranges.length > 0) {
          candidates.push({ weight: found.weight, clauses: found.clauses, isFrontMatter: line <= frontMatterEnd, line, start: at, end, ranges: merge(found.ranges) })
        }
      }
    }
    at = end + 1
  }
  const chosen: Candidate[] = []
  const shown = new Set<number>()
  while (chosen.length < max && candidates.length > 0) {
    let best = 0
    for (let i = 1; i < candidates.length; i++) if (isBetterLine(candidates[i], candidates[best], shown)) best = i
    const [picked] = candidates.splice(best, 1)
    for (const clause of picked.clauses) shown.add(clause)
    chosen.push(picked)
  }
  return chosen.map((candidate) => cut(text, candidate))
}

interface Candidate {
  weight: number
  clauses: Set<number>
  isFrontMatter: boolean
  line: number
  start: number
  end: number
  ranges: TextRange[]
}

function isBetterLine(a: Candidate, b: Candidate, shown: ReadonlySet<number>): boolean {
  if (a.isFrontMatter !== b.isFrontMatter) return b.isFrontMatter
  const fresh = (candidate: Candidate) => [...candidate.clauses].filter((clause) => !shown.has(clause)).length
  const freshA = fresh(a)
  const freshB = fresh(b)
  if (freshA !== freshB) return freshA > freshB
  if (a.weight !== b.weight) return a.weight > b.weight
  return a.line < b.line
}

function cut(text: string, candidate: Candidate): Snippet {
  const length = candidate.end - candidate.start
  const column = candidate.ranges[0][0]
  if (length <= SNIPPET_LENGTH) {
    return { text: text.slice(candidate.start, candidate.end), ranges: candidate.ranges, line: candidate.line, column }
  }
  let from = Math.max(0, Math.min(column - LEAD, length - SNIPPET_LENGTH))
  if (isLowSurrogate(text.charCodeAt(candidate.start + from))) from--
  let to = Math.min(length, from + SNIPPET_LENGTH)
  if (to < length && isLowSurrogate(text.charCodeAt(candidate.start + to))) to++
  const head = from > 0 ? '…' : ''
  const tail = to < length ? '…' : ''
  const shift = head.length - from
  const ranges: TextRange[] = []
  for (const [start, end] of candidate.ranges) {
    if (end <= from || start >= to) continue
    ranges.push([Math.max(start, from) + shift, Math.min(end, to) + shift])
  }
  return { text: head + text.slice(candidate.start + from, candidate.start + to) + tail, ranges, line: candidate.line, column }
}

function findAll(lower: string, needles: readonly Needle[]): { ranges: TextRange[]; weight: number; clauses: Set<number> } {
  const ranges: TextRange[] = []
  const clauses = new Set<number>()
  let weight = 0
  for (const needle of needles) {
    let at = lower.indexOf(needle.text)
    if (at === -1) continue
    weight += needle.weight
    for (const clause of needle.clauses) clauses.add(clause)
    for (; at !== -1; at = lower.indexOf(needle.text, at + needle.text.length)) ranges.push([at, at + needle.text.length])
  }
  return { ranges, weight, clauses }
}

function merge(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const merged: TextRange[] = []
  for (const range of sorted) {
    const last = merged[merged.length - 1]
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1])
    else merged.push([range[0], range[1]])
  }
  return merged
}

/** The last line of YAML front matter opened by `---` on line 1, or 0 when there is none. */
function frontMatterLines(text: string): number {
  if (!text.startsWith('---')) return 0
  const close = /\n(---|\.\.\.)[ \t]*(\n|$)/.exec(text)
  if (close === null) return 0
  let lines = 1
  for (let at = text.indexOf('\n'); at !== -1 && at <= close.index; at = text.indexOf('\n', at + 1)) lines++
  return lines
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}
