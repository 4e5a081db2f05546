import { readGroup, splitRows, walkControlSequences } from './tex-reader'

/**
 * Which display formulas get a number. `auto` (the default): numbered environments
 * (`equation`, `align`, `gather`, `multline`, … without a star) and any formula or
 * row with a `\label`. `all`: every display formula except starred environments.
 * `labeled`: only formulas or rows with a `\label`. In every mode `\tag{…}` wins and
 * `\notag`/`\nonumber` suppress a number.
 */
export type NumberingMode = 'auto' | 'all' | 'labeled'

/** One numbered unit of a display formula: the whole formula, or one row of `align`/`gather`. */
export interface EquationRow {
  labels: string[]
  /** The `\tag{…}` text, if any; `isStarred` for `\tag*{…}` (shown without parentheses). */
  tag: { text: string; isStarred: boolean } | null
  /** Has `\notag` or `\nonumber`. */
  isSuppressed: boolean
}

/** What numbering needs to know about a display formula, read once from its TeX. */
export interface DisplayEquation {
  /** The outermost environment when the formula is one environment (`align`, `equation*`, …). */
  environment: string | null
  rows: EquationRow[]
}

/** The number a row shows, or null for none. */
export interface EquationNumber {
  text: string
  /** From `\tag*`: shown and referenced without parentheses by `\ref`, with them by `\eqref`. */
  isStarred: boolean
}

/** The document's equation numbers: per display formula, per row; and each label's number. */
export interface EquationNumbering {
  numbers: Array<Array<EquationNumber | null>>
  labels: Map<string, EquationNumber>
}

const NUMBERED_ENVIRONMENTS = new Set(['equation', 'align', 'gather', 'multline', 'alignat', 'flalign', 'eqnarray'])
const MULTI_ROW_ENVIRONMENTS = new Set(['align', 'gather', 'alignat', 'flalign', 'eqnarray'])
/** KaTeX lacks some LaTeX display environments; they are rendered as the closest one it has. */
const RENDERED_AS: Record<string, string> = {
  equation: 'equation*',
  align: 'align*',
  gather: 'gather*',
  alignat: 'alignat*',
  flalign: 'align*',
  'flalign*': 'align*',
  eqnarray: 'align*',
  'eqnarray*': 'align*',
  multline: 'gather*',
  'multline*': 'gather*',
}

const OUTER_ENVIRONMENT = /^\s*\\begin\{([a-zA-Z]+\*?)\}/

function outerEnvironment(tex: string): { name: string; bodyFrom: number; bodyTo: number } | null {
  const open = OUTER_ENVIRONMENT.exec(tex)
  if (!open) return null
  const end = `\\end{${open[1]}}`
  const trimmed = tex.trimEnd()
  if (!trimmed.endsWith(end)) return null
  // The \end at the very end must close the \begin at the very start.
  let closesAt = -1
  walkControlSequences(tex, (cs) => {
    if (cs.name === 'end' && cs.depth === 0 && cs.from > open[0].length - 1) {
      closesAt = cs.from
      return false
    }
  })
  if (closesAt !== trimmed.length - end.length) return null
  return { name: open[1], bodyFrom: open[0].length, bodyTo: closesAt }
}

function baseName(environment: string): string {
  return environment.endsWith('*') ? environment.slice(0, -1) : environment
}

function readRow(tex: string): EquationRow {
  const row: EquationRow = { labels: [], tag: null, isSuppressed: false }
  walkControlSequences(tex, (cs) => {
    if (cs.name === 'label') {
      const group = readGroup(tex, cs.to)
      if (group) row.labels.push(group.content.trim())
    } else if (cs.name === 'tag' && row.tag === null) {
      const isStarred = tex[cs.to] === '*'
      const group = readGroup(tex, cs.to + (isStarred ? 1 : 0))
      if (group) row.tag = { text: group.content.trim(), isStarred }
    } else if (cs.name === 'notag' || cs.name === 'nonumber') {
      row.isSuppressed = true
    }
  })
  return row
}

/** Reads the labels, tags and rows of a display formula's TeX. */
export function analyzeDisplayFormula(tex: string): DisplayEquation {
  const outer = outerEnvironment(tex)
  if (outer && MULTI_ROW_ENVIRONMENTS.has(baseName(outer.name))) {
    const rows = splitRows(tex.slice(outer.bodyFrom, outer.bodyTo)).map((row) => readRow(row.text))
    return { environment: outer.name, rows }
  }
  return { environment: outer?.name ?? null, rows: [readRow(tex)] }
}

/**
 * Numbers the display formulas of a whole document, in order, under `mode`, and
 * maps every label to its number (the first definition of a label wins).
 */
export function numberEquations(equations: readonly DisplayEquation[], mode: NumberingMode = 'auto'): EquationNumbering {
  const labels = new Map<string, EquationNumber>()
  let counter = 0
  const numbers = equations.map((equation) => {
    const environment = equation.environment
    const isStarred = environment?.endsWith('*') ?? false
    const isNumberedEnvironment = environment !== null && !isStarred && NUMBERED_ENVIRONMENTS.has(environment)
    const byDefault = mode === 'all' ? !isStarred : mode === 'auto' && isNumberedEnvironment
    return equation.rows.map((row) => {
      let number: EquationNumber | null = null
      if (row.tag) number = { text: row.tag.text, isStarred: row.tag.isStarred }
      else if (!row.isSuppressed && (byDefault || row.labels.length > 0)) number = { text: String(++counter), isStarred: false }
      if (number) for (const label of row.labels) if (!labels.has(label)) labels.set(label, number)
      return number
    })
  })
  return { numbers, labels }
}

/**
 * Rewrites a display formula for KaTeX with its numbers built in, so no CSS counter
 * is involved and a partial re-render cannot shift them: labels and tags are
 * removed, each numbered row gets `\tag{n}`, and numbered environments become their
 * starred forms (environments KaTeX lacks become the closest it has).
 */
export function applyEquationNumbers(tex: string, numbers: ReadonlyArray<EquationNumber | null>): string {
  const outer = outerEnvironment(tex)
  if (outer && MULTI_ROW_ENVIRONMENTS.has(baseName(outer.name))) {
    const body = tex.slice(outer.bodyFrom, outer.bodyTo)
    const rows = splitRows(body)
    let rewritten = ''
    let at = 0
    rows.forEach((row, i) => {
      rewritten += body.slice(at, row.from) + withTag(stripNumbering(row.text), numbers[i] ?? null)
      at = row.from + row.text.length
    })
    rewritten += body.slice(at)
    const name = RENDERED_AS[outer.name] ?? outer.name
    return `\\begin{${name}}${rewritten}\\end{${name}}`
  }
  const number = numbers[0] ?? null
  if (outer && outer.name in RENDERED_AS) {
    const name = RENDERED_AS[outer.name]
    const body = stripNumbering(tex.slice(outer.bodyFrom, outer.bodyTo))
    // The tag goes after the last row, which is where multline puts its number.
    return `\\begin{${name}}${withTag(body, number)}\\end{${name}}`
  }
  if (outer && outer.name === 'displaymath') return withTag(stripNumbering(tex.slice(outer.bodyFrom, outer.bodyTo)), number)
  return withTag(stripNumbering(tex), number)
}

function withTag(tex: string, number: EquationNumber | null): string {
  if (number === null) return tex
  return `${tex.trimEnd()} \\tag${number.isStarred ? '*' : ''}{${number.text}}`
}

/** Removes `\label{…}`, `\tag{…}`, `\tag*{…}`, `\notag` and `\nonumber`. */
export function stripNumbering(tex: string): string {
  const cuts: Array<[number, number]> = []
  walkControlSequences(tex, (cs) => {
    if (cs.name === 'label' || cs.name === 'tag') {
      const starred = cs.name === 'tag' && tex[cs.to] === '*'
      const group = readGroup(tex, cs.to + (starred ? 1 : 0))
      cuts.push([cs.from, group ? group.end : cs.to])
    } else if (cs.name === 'notag' || cs.name === 'nonumber') {
      cuts.push([cs.from, cs.to])
    }
  })
  return cut(tex, cuts)
}

/** Removes `\label{…}` only (used for inline formulas, where KaTeX would show it in red). */
export function stripLabels(tex: string): string {
  if (!tex.includes('\\label')) return tex
  const cuts: Array<[number, number]> = []
  walkControlSequences(tex, (cs) => {
    if (cs.name !== 'label') return
    const group = readGroup(tex, cs.to)
    cuts.push([cs.from, group ? group.end : cs.to])
  })
  return cut(tex, cuts)
}

function cut(tex: string, cuts: ReadonlyArray<[number, number]>): string {
  if (cuts.length === 0) return tex
  let out = ''
  let at = 0
  for (const [from, to] of cuts) {
    out += tex.slice(at, from)
    at = to
  }
  return out + tex.slice(at)
}

/** The label of every `\eqref{…}` and `\ref{…}` in a formula, in order. */
export function texReferences(tex: string): string[] {
  if (!tex.includes('ref')) return []
  const labels: string[] = []
  walkControlSequences(tex, (cs) => {
    if (cs.name !== 'eqref' && cs.name !== 'ref') return
    const group = readGroup(tex, cs.to)
    if (group) labels.push(group.content.trim())
  })
  return labels
}

/**
 * Replaces `\eqref{x}` and `\ref{x}` inside a formula with the referenced number as
 * text (KaTeX has no cross-references), or `(??)` when `x` is not defined.
 */
export function resolveTexReferences(tex: string, labels: ReadonlyMap<string, EquationNumber>): string {
  if (!tex.includes('ref')) return tex
  const edits: Array<[number, number, string]> = []
  walkControlSequences(tex, (cs) => {
    if (cs.name !== 'eqref' && cs.name !== 'ref') return
    const group = readGroup(tex, cs.to)
    if (!group) return
    const number = labels.get(group.content.trim())
    const text = referenceText(number, cs.name === 'eqref')
    edits.push([cs.from, group.end, `\\text{${text}}`])
  })
  let out = ''
  let at = 0
  for (const [from, to, text] of edits) {
    out += tex.slice(at, from) + text
    at = to
  }
  return out + tex.slice(at)
}

/** How a reference to `number` reads: `(3)` for `\eqref`, `3` for `\ref`, `(??)`/`??` when unresolved. */
export function referenceText(number: EquationNumber | undefined, isEqref: boolean): string {
  const text = number?.text ?? '??'
  return isEqref ? `(${text})` : text
}
