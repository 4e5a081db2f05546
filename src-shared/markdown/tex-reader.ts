/**
 * Small, allocation-light readers for TeX source, shared by equation numbering,
 * macro preambles and the formula budget. They understand escapes (`\{`, `\\`),
 * `%` comments, brace groups and `\begin`/`\end` nesting, and nothing more: they
 * never expand macros.
 */

const BACKSLASH = 92
const OPEN_BRACE = 123
const CLOSE_BRACE = 125
const PERCENT = 37
const NEWLINE = 10

function isLetter(ch: number): boolean {
  return (ch >= 65 && ch <= 90) || (ch >= 97 && ch <= 122)
}

/** A control sequence found in TeX source: `\name` (letters) or `\x` (one other character). */
export interface ControlSequence {
  /** The name without the backslash, e.g. `label` or `\\` for a line break's second backslash. */
  name: string
  from: number
  /** Just past the name. */
  to: number
  /** Brace depth (plus environment depth) at the command. */
  depth: number
}

/**
 * Calls `visit` for every control sequence in `tex`, in order, skipping comments.
 * Returning `false` from `visit` stops the walk. Depth counts unescaped braces and
 * `\begin…\end` pairs, so `\\` inside `\begin{cases}` is deeper than a row break.
 */
export function walkControlSequences(tex: string, visit: (cs: ControlSequence) => boolean | void): void {
  let depth = 0
  for (let i = 0; i < tex.length; i++) {
    const ch = tex.charCodeAt(i)
    if (ch === PERCENT) {
      while (i < tex.length && tex.charCodeAt(i) !== NEWLINE) i++
      continue
    }
    if (ch === OPEN_BRACE) depth++
    else if (ch === CLOSE_BRACE) depth--
    else if (ch === BACKSLASH && i + 1 < tex.length) {
      let end = i + 2
      if (isLetter(tex.charCodeAt(i + 1))) {
        while (end < tex.length && isLetter(tex.charCodeAt(end))) end++
      }
      const name = tex.slice(i + 1, end)
      if (name === 'end') depth--
      if (visit({ name, from: i, to: end, depth }) === false) return
      if (name === 'begin') depth++
      i = end - 1
    }
  }
}

/**
 * Reads a brace group starting at `pos` (after optional spaces): returns its content
 * and the position just past the closing brace, or null when there is no group or it
 * is unbalanced.
 */
export function readGroup(tex: string, pos: number): { content: string; end: number } | null {
  let i = skipSpaces(tex, pos)
  if (tex.charCodeAt(i) !== OPEN_BRACE) return null
  const start = i + 1
  let depth = 0
  for (; i < tex.length; i++) {
    const ch = tex.charCodeAt(i)
    if (ch === BACKSLASH) {
      i++
      continue
    }
    if (ch === OPEN_BRACE) depth++
    else if (ch === CLOSE_BRACE) {
      depth--
      if (depth === 0) return { content: tex.slice(start, i), end: i + 1 }
    }
  }
  return null
}

/**
 * Reads one macro argument at `pos`: a brace group's content, a control sequence, or
 * a single character. Returns null at the end of the input.
 */
export function readArgument(tex: string, pos: number): { content: string; end: number } | null {
  const i = skipSpaces(tex, pos)
  if (i >= tex.length) return null
  const ch = tex.charCodeAt(i)
  if (ch === OPEN_BRACE) return readGroup(tex, i)
  if (ch === BACKSLASH) {
    let end = i + 2
    if (isLetter(tex.charCodeAt(i + 1))) while (end < tex.length && isLetter(tex.charCodeAt(end))) end++
    return { content: tex.slice(i, end), end }
  }
  return { content: tex[i], end: i + 1 }
}

/** Reads an optional `[…]` argument at `pos`; null when the next character is not `[`. */
export function readOptional(tex: string, pos: number): { content: string; end: number } | null {
  const i = skipSpaces(tex, pos)
  if (tex[i] !== '[') return null
  let depth = 0
  for (let j = i + 1; j < tex.length; j++) {
    const ch = tex.charCodeAt(j)
    if (ch === BACKSLASH) j++
    else if (ch === OPEN_BRACE) depth++
    else if (ch === CLOSE_BRACE) depth--
    else if (tex[j] === ']' && depth === 0) return { content: tex.slice(i + 1, j), end: j + 1 }
  }
  return null
}

/** The first position at or after `pos` that is not a space, tab or newline. */
export function skipSpaces(tex: string, pos: number): number {
  let i = pos
  while (i < tex.length) {
    const ch = tex.charCodeAt(i)
    if (ch !== 32 && ch !== 9 && ch !== NEWLINE && ch !== 13) break
    i++
  }
  return i
}

/**
 * The deepest nesting of braces, `\left…\right` and environments in `tex`, stopping
 * early once `limit` is exceeded (so a hostile formula costs at most one pass).
 */
export function nestingDepth(tex: string, limit = Infinity): number {
  let depth = 0
  let max = 0
  for (let i = 0; i < tex.length; i++) {
    const ch = tex.charCodeAt(i)
    if (ch === BACKSLASH) {
      const next = tex.charCodeAt(i + 1)
      if (next === 108 /* l */ && tex.startsWith('left', i + 1) && !isLetter(tex.charCodeAt(i + 5))) depth++
      else if (next === 98 /* b */ && tex.startsWith('begin', i + 1) && !isLetter(tex.charCodeAt(i + 6))) depth++
      else if (next === 114 /* r */ && tex.startsWith('right', i + 1) && !isLetter(tex.charCodeAt(i + 6))) depth--
      else if (next === 101 /* e */ && tex.startsWith('end', i + 1) && !isLetter(tex.charCodeAt(i + 4))) depth--
      i++
    } else if (ch === OPEN_BRACE) depth++
    else if (ch === CLOSE_BRACE) depth--
    if (depth > max) {
      max = depth
      if (max > limit) return max
    }
  }
  return max
}

/**
 * Splits the body of a multi-row environment at its top-level `\\` row breaks,
 * ignoring breaks inside braces or nested environments (`cases`, `pmatrix`, …).
 * Returns the rows with their offsets in `body`; a trailing empty row is dropped.
 */
export function splitRows(body: string): Array<{ text: string; from: number }> {
  const rows: Array<{ text: string; from: number }> = []
  let rowStart = 0
  walkControlSequences(body, (cs) => {
    if (cs.name === '\\' && cs.depth === 0) {
      rows.push({ text: body.slice(rowStart, cs.from), from: rowStart })
      rowStart = skipRowBreakArgument(body, cs.to)
    }
  })
  const last = body.slice(rowStart)
  if (last.trim() !== '' || rows.length === 0) rows.push({ text: last, from: rowStart })
  return rows
}

/** `\\[2pt]` and `\\*` carry extra spacing; the row starts after them. */
function skipRowBreakArgument(body: string, pos: number): number {
  let i = pos
  if (body[i] === '*') i++
  const optional = readOptional(body, i)
  return optional ? optional.end : i
}
