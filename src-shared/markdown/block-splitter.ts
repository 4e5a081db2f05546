import { frontMatterLineCount, mayOpenFrontMatter } from './front-matter-range'
import { closesFence, FENCE, htmlBlockStart, LIST_ITEM } from './markdown-lines'

/** A top-level piece of a post that renders the same alone as inside the whole post. */
export interface SourceBlock {
  /** The block's source, without trailing blank lines. */
  text: string
  /** First line, zero-based. */
  startLine: number
  /** One past the last non-blank line (markdown-it's `map` convention). */
  endLine: number
  /** Offset of the block's first character in the source. */
  from: number
  isFrontMatter: boolean
}

/**
 * Where two versions of a text differ, when the caller knows it (an editor
 * transaction does): both share their first `prefix` and last `suffix` characters.
 */
export interface ChangedRange {
  prefix: number
  suffix: number
}

/** A split that reused the unchanged blocks of a previous split. */
export interface Resplit {
  blocks: SourceBlock[]
  /** For each block, the index of the identical previous block it was taken from, or -1. */
  reusedFrom: number[]
}

/**
 * Splits a post into top-level blocks in one pass over its lines, without parsing
 * Markdown. A block boundary is a blank line followed by an unindented line, except
 * inside fenced code, inside raw HTML blocks that may contain blank lines
 * (`<pre>`, `<!-- -->`, …), and between items of one list (which render as one
 * list). When unsure it keeps lines together: a block that is too large only costs
 * speed, a wrong boundary would cost correctness.
 */
export function splitBlocks(source: string): SourceBlock[] {
  const blocks: SourceBlock[] = []
  const lines = source.slice(0, 100_000).split('\n', 2000)
  const frontMatter = frontMatterLineCount(lines)
  let offset = 0
  if (frontMatter > 0) {
    const end = lines.slice(0, frontMatter).join('\n').length
    blocks.push({ text: detach(source.slice(0, end)), startLine: 0, endLine: frontMatter, from: 0, isFrontMatter: true })
    offset = Math.min(source.length, end + 1)
  }
  scanFrom(source, offset, frontMatter, blocks, null)
  return blocks
}

/**
 * Splits `source` again after an edit, reusing `previous` (the split of
 * `previousSource`): only the blocks around the changed range are re-scanned, from
 * the start of the block before the change until a block starts at the same place
 * in the unchanged tail. The result equals `splitBlocks(source)`; reused blocks keep
 * their `text` strings, so cache lookups do not rehash them. `change` saves comparing
 * the two texts when the caller knows where they differ.
 */
export function resplitBlocks(
  previousSource: string,
  previous: readonly SourceBlock[],
  source: string,
  change?: ChangedRange,
): Resplit {
  const full = (): Resplit => {
    const blocks = splitBlocks(source)
    return { blocks, reusedFrom: blocks.map(() => -1) }
  }
  const frontMatter = previous[0]?.isFrontMatter ? previous[0] : null
  const prefix = change ? change.prefix : commonPrefix(previousSource, source)
  if (previous.length === 0 || (frontMatter ? prefix <= frontMatter.text.length : mayOpenFrontMatter(source))) return full()
  const suffix = change ? change.suffix : commonSuffix(previousSource, source, Math.min(previousSource.length, source.length) - prefix)
  const firstContent = frontMatter ? 1 : 0
  // Restart one block before the one holding the change: an edit at a block's first
  // character (say, indenting it) can merge it into the block before.
  let restart = lastBlockStartingAtOrBefore(previous, firstContent, prefix) - 1
  let offset: number
  let line: number
  if (restart < firstContent) {
    restart = firstContent
    offset = frontMatter ? Math.min(source.length, frontMatter.text.length + 1) : 0
    line = frontMatter ? frontMatter.endLine : 0
  } else {
    offset = previous[restart].from
    line = previous[restart].startLine
  }
  const blocks: SourceBlock[] = previous.slice(0, restart)
  const reusedFrom = blocks.map((_, i) => i)
  const delta = source.length - previousSource.length
  const suffixStart = source.length - suffix
  let next = restart
  const sync = (from: number, startLine: number): boolean => {
    if (from < suffixStart) return false
    while (next < previous.length && previous[next].from < from - delta) next++
    if (next >= previous.length || previous[next].from !== from - delta) return false
    while (reusedFrom.length < blocks.length) reusedFrom.push(-1)
    const lineDelta = startLine - previous[next].startLine
    for (let i = next; i < previous.length; i++) {
      const old = previous[i]
      reusedFrom.push(i)
      blocks.push(
        lineDelta === 0 && delta === 0
          ? old
          : { text: old.text, startLine: old.startLine + lineDelta, endLine: old.endLine + lineDelta, from: old.from + delta, isFrontMatter: old.isFrontMatter },
      )
    }
    return true
  }
  scanFrom(source, offset, line, blocks, sync)
  while (reusedFrom.length < blocks.length) reusedFrom.push(-1)
  return { blocks, reusedFrom }
}

function lastBlockStartingAtOrBefore(blocks: readonly SourceBlock[], low: number, offset: number): number {
  let lo = low
  let hi = blocks.length - 1
  let found = low - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (blocks[mid].from <= offset) {
      found = mid
      lo = mid + 1
    } else {
      hi = mid - 1
    }
  }
  return found
}

/**
 * A copy of `text` that does not point into the string it was sliced from. V8 keeps
 * the whole parent alive for a slice, so cached block texts would otherwise pin one
 * full copy of the post per edit.
 */
function detach(text: string): string {
  return text.length < 13 ? text : ` ${text}`.slice(1)
}

const CHUNK = 256

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length)
  let i = 0
  while (i + CHUNK <= max && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++
  return i
}

function commonSuffix(a: string, b: string, max: number): number {
  let i = 0
  while (i + CHUNK <= max && a.slice(a.length - i - CHUNK, a.length - i) === b.slice(b.length - i - CHUNK, b.length - i)) i += CHUNK
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++
  return i
}

const SPACE = 32
const TAB = 9
const BACKTICK = 96
const TILDE = 126
const LESS_THAN = 60

/** Whether a line's first non-space character could start a list item. */
function mayBeListItem(ch: number): boolean {
  return ch === 45 || ch === 43 || ch === 42 || (ch >= 48 && ch <= 57)
}

/**
 * The splitting loop, from a block start at `offset` (line `line`). `sync` is asked
 * at every new block start; when it returns true it has appended the rest and the
 * scan stops.
 */
function scanFrom(
  source: string,
  offset: number,
  line: number,
  blocks: SourceBlock[],
  sync: ((from: number, line: number) => boolean) | null,
): void {
  let blockStart = -1
  let blockLine = 0
  let lastEnd = 0
  let lastLine = 0
  let fence: string | null = null
  let html: RegExp | 'blank' | null = null
  let isAfterBlank = true
  let hasListItem = false
  const push = () => {
    if (blockStart >= 0) {
      blocks.push({ text: detach(source.slice(blockStart, lastEnd)), startLine: blockLine, endLine: lastLine + 1, from: blockStart, isFrontMatter: false })
    }
  }

  for (let at = offset, n = line; at <= source.length; n++) {
    let end = source.indexOf('\n', at)
    if (end < 0) end = source.length
    const lineStart = at
    at = end + 1
    // First non-blank character of the line.
    let first = lineStart
    while (first < end && (source.charCodeAt(first) === SPACE || source.charCodeAt(first) === TAB)) first++
    const isBlankLine = first === end || (first === end - 1 && source.charCodeAt(first) === 13)
    if (fence !== null) {
      lastEnd = end
      lastLine = n
      const ch = source.charCodeAt(first)
      if ((ch === BACKTICK || ch === TILDE) && closesFence(source.slice(lineStart, end), fence)) fence = null
      if (end === source.length) break
      continue
    }
    if (html !== null) {
      if (html === 'blank' && isBlankLine) {
        html = null
        isAfterBlank = true
      } else {
        lastEnd = end
        lastLine = n
        if (html !== 'blank' && html.test(source.slice(lineStart, end))) html = null
      }
      if (end === source.length) break
      continue
    }
    if (isBlankLine) {
      isAfterBlank = true
      if (end === source.length) break
      continue
    }
    const ch = source.charCodeAt(first)
    const isIndented = first > lineStart
    const isItem = mayBeListItem(ch) && LIST_ITEM.test(source.slice(first, Math.min(end, first + 12)))
    if (blockStart < 0 || (isAfterBlank && !isIndented && !(isItem && hasListItem))) {
      push()
      if (sync && blockStart >= 0 && sync(lineStart, n)) return
      blockStart = lineStart
      blockLine = n
      hasListItem = false
    }
    if (isItem && !isIndented) hasListItem = true
    const wasAfterBlank = isAfterBlank
    isAfterBlank = false
    lastEnd = end
    lastLine = n
    if (ch === BACKTICK || ch === TILDE) {
      const fenceMatch = FENCE.exec(source.slice(first, end))
      if (fenceMatch) fence = fenceMatch[1]
    } else if (ch === LESS_THAN) {
      const text = source.slice(lineStart, end)
      const htmlEnd = htmlBlockStart(text, wasAfterBlank)
      if (htmlEnd !== null && !(htmlEnd !== 'blank' && htmlEnd.test(text.slice(text.indexOf('<') + 2)))) html = htmlEnd
    }
    if (end === source.length) break
  }
  push()
}

