const OPENING = /^ {0,3}(`{3,}|~{3,})[ \t]*([^`\s]*)/

/** A fenced code block's opening line: its fence (```` ``` ````, `~~~~`, …) and info word. */
export interface FenceOpening {
  marker: string
  language: string
}

/** The fence that `line` opens, or null when it does not open a fenced code block. */
export function fenceOpening(line: string): FenceOpening | null {
  const match = OPENING.exec(line)
  if (match === null) return null
  if (match[1][0] === '`' && line.indexOf('`', match[0].length) !== -1) return null
  return { marker: match[1], language: match[2].toLowerCase() }
}

/** True when `line` closes the block opened by `marker`: the same character, at least as many, nothing else. */
export function closesFence(line: string, marker: string): boolean {
  const trimmed = line.trim()
  if (trimmed.length < marker.length || line.length - line.trimStart().length > 3) return false
  for (const c of trimmed) if (c !== marker[0]) return false
  return true
}

/** The level and raw text of an ATX heading line (`## Text ##`), or null when `line` is not one. */
export function atxHeading(line: string): { level: number; text: string } | null {
  let start = 0
  while (start < 3 && line[start] === ' ') start++
  let level = 0
  while (line[start + level] === '#') level++
  if (level === 0 || level > 6) return null
  const next = line[start + level]
  if (next !== undefined && next !== ' ' && next !== '\t') return null
  const text = line.slice(start + level).trim()
  // A closing run of #s counts only when a space separates it from the text.
  let end = text.length
  while (end > 0 && text[end - 1] === '#') end--
  if (end === 0) return { level, text: '' }
  const isClosed = end < text.length && (text[end - 1] === ' ' || text[end - 1] === '\t')
  return { level, text: isClosed ? text.slice(0, end).trim() : text }
}

/** True when `line` is a table's delimiter row (`|---|:-:|`). */
export function isTableDelimiter(line: string): boolean {
  if (!line.includes('|') || !line.includes('-')) return false
  let row = line.trim()
  if (row.startsWith('|')) row = row.slice(1)
  if (row.endsWith('|')) row = row.slice(0, -1)
  return row.split('|').every((cell) => /^:?-+:?$/.test(cell.trim()))
}
