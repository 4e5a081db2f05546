import type { DiffPart } from '../../../src-shared/model/history'

/** One line of a unified diff, numbered in the old text, the new one, or both. */
export interface DiffLine {
  type: 'same' | 'added' | 'removed'
  text: string
  /** 1-based line number in the old text (null for an added line). */
  oldLine: number | null
  /** 1-based line number in the new text (null for a removed line). */
  newLine: number | null
}

/** A run of unchanged lines folded away, with how many it hides. */
export interface DiffFold {
  type: 'fold'
  count: number
  /** Stable within one diff: the first hidden line's number in the old text. */
  oldLine: number
}

/** What a diff view draws, in order. */
export type DiffRow = DiffLine | DiffFold

/** Line counts of a diff: how many lines were added and removed. */
export interface DiffStats {
  added: number
  removed: number
}

function splitLines(text: string): string[] {
  if (text === '') return []
  const lines = text.split('\n')
  if (text.endsWith('\n')) lines.pop()
  return lines
}

/**
 * Turns main's line diff (old → new) into rows for a unified view: every changed
 * line with `context` unchanged lines around it, and each longer unchanged run
 * folded into one {@link DiffFold}. A run is folded only when that hides at least
 * `minFold` lines. With no change at all, every line is folded.
 */
export function diffRows(parts: readonly DiffPart[], context = 3, minFold = 4): DiffRow[] {
  const lines = diffLines(parts)
  const isNearChange = new Array<boolean>(lines.length).fill(false)
  lines.forEach((line, index) => {
    if (line.type === 'same') return
    for (let near = Math.max(0, index - context); near <= Math.min(lines.length - 1, index + context); near++) isNearChange[near] = true
  })
  const rows: DiffRow[] = []
  for (let index = 0; index < lines.length; ) {
    if (isNearChange[index]) {
      rows.push(lines[index++])
      continue
    }
    let end = index
    while (end < lines.length && !isNearChange[end]) end++
    if (end - index >= minFold) rows.push({ type: 'fold', count: end - index, oldLine: lines[index].oldLine ?? 0 })
    else rows.push(...lines.slice(index, end))
    index = end
  }
  return rows
}

/** Lines a diff adds and removes. */
export function diffStats(parts: readonly DiffPart[]): DiffStats {
  let added = 0
  let removed = 0
  for (const part of parts) {
    if (part.type === 'added') added += part.lineCount
    else if (part.type === 'removed') removed += part.lineCount
  }
  return { added, removed }
}

/** Every line of a diff, numbered, with nothing folded. */
export function diffLines(parts: readonly DiffPart[]): DiffLine[] {
  const lines: DiffLine[] = []
  let oldLine = 1
  let newLine = 1
  for (const part of parts) {
    for (const text of splitLines(part.text)) {
      if (part.type === 'same') lines.push({ type: 'same', text, oldLine: oldLine++, newLine: newLine++ })
      else if (part.type === 'removed') lines.push({ type: 'removed', text, oldLine: oldLine++, newLine: null })
      else lines.push({ type: 'added', text, oldLine: null, newLine: newLine++ })
    }
  }
  return lines
}

/** The unchanged lines a {@link DiffFold} hides, to show when it is opened. */
export function unfold(parts: readonly DiffPart[], fold: DiffFold): DiffLine[] {
  return diffLines(parts).filter((line) => line.type === 'same' && line.oldLine !== null && line.oldLine >= fold.oldLine && line.oldLine < fold.oldLine + fold.count)
}
