import type { TextRange } from '../../../src-shared/search/search-types'
import { columnsOf, indexAfterColumns, indexBeforeColumns } from './display-columns'
import { ellipsisBetween } from './ellipsis'
import type { LineContext } from './line-context'

/** How much of a line of context {@link clipContext} keeps, in columns (a Chinese character takes two). */
export interface ClipOptions {
  /** Columns kept before the first range. */
  lead?: number
  /** Columns between two ranges beyond which the middle is left out. */
  maxGap?: number
  /** Columns kept on each side of a range where the middle of a gap is left out. */
  keep?: number
}

/** A stretch `[from, to)` of the original text that is kept. */
type Span = [number, number]

const WORD_CHAR = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Nd}_]/u

/**
 * `text` shortened so that every range in it shows on one line: the lead-in before
 * the first range is cut to `lead` columns (with `…` in front), and a stretch
 * longer than `maxGap` between two ranges keeps `keep` columns at each end with an
 * ellipsis in the middle ({@link ellipsisBetween}). What follows the last range is
 * left for the line's own overflow to cut. Cuts fall between words where a space
 * is near, anywhere in Chinese, and never inside a surrogate pair. The ranges, in
 * the order given, are moved to match.
 */
export function clipContext(text: string, ranges: readonly TextRange[], { lead = 36, maxGap = 32, keep = 12 }: ClipOptions = {}): LineContext {
  if (ranges.length === 0) return { text, ranges: [] }
  const sorted = [...ranges].sort((a, b) => a[0] - b[0])
  const spans: Span[] = [[leadStart(text, sorted[0][0], lead), text.length]]
  for (let i = 1; i < sorted.length; i++) {
    const [gapFrom, gapTo] = [sorted[i - 1][1], sorted[i][0]]
    if (columnsOf(text.slice(gapFrom, gapTo)) <= maxGap) continue
    const head = Math.max(gapFrom, trimmedEnd(text, headEnd(text, gapFrom, keep)))
    const tail = Math.min(gapTo, trimmedStart(text, tailStart(text, gapTo, keep)))
    if (tail <= head) continue
    spans[spans.length - 1][1] = head
    spans.push([tail, text.length])
  }
  let clipped = spans[0][0] > 0 ? '…' : ''
  const starts: number[] = []
  for (const [from, to] of spans) {
    const part = text.slice(from, to)
    if (starts.length > 0) clipped += ellipsisBetween(clipped, part)
    starts.push(clipped.length)
    clipped += part
  }
  const moved = ranges.map((range): TextRange => {
    const index = spans.findLastIndex(([from]) => from <= range[0])
    const shift = starts[index] - spans[index][0]
    return [range[0] + shift, range[1] + shift]
  })
  return { text: clipped, ranges: moved }
}

/** Where the kept text starts: `lead` columns before `first`, moved past a cut word and any spaces. */
function leadStart(text: string, first: number, lead: number): number {
  if (columnsOf(text.slice(0, first)) <= lead) return 0
  let start = indexBeforeColumns(text, first, lead)
  if (isInsideWord(text, start)) {
    const space = text.slice(start, first).search(/\s/)
    if (space >= 0) start += space
  }
  return Math.min(first, trimmedStart(text, start))
}

/** The end of `keep` columns after `from`, moved back to the last space if that would cut a word. */
function headEnd(text: string, from: number, keep: number): number {
  const end = indexAfterColumns(text, from, keep)
  if (!isInsideWord(text, end)) return end
  const space = text.slice(from, end).search(/\s\S*$/)
  return space >= 0 ? from + space : end
}

/** The start of `keep` columns before `to`, moved on past the first space if that would cut a word. */
function tailStart(text: string, to: number, keep: number): number {
  const start = indexBeforeColumns(text, to, keep)
  if (!isInsideWord(text, start)) return start
  const space = text.slice(start, to).search(/\s/)
  return space >= 0 ? start + space : start
}

function isInsideWord(text: string, index: number): boolean {
  return index > 0 && index < text.length && WORD_CHAR.test(text[index - 1]) && WORD_CHAR.test(text.slice(index))
}

function trimmedStart(text: string, from: number): number {
  while (from < text.length && /\s/.test(text[from])) from++
  return from
}

function trimmedEnd(text: string, to: number): number {
  while (to > 0 && /\s/.test(text[to - 1])) to--
  return to
}
