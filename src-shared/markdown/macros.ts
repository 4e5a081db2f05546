import katex from 'katex'
import { hashString } from './hash'
import { readArgument, readGroup, readOptional, skipSpaces, walkControlSequences } from './tex-reader'

/**
 * Per-post macros from front matter: either a preamble string or a map from a macro
 * name (`\R` or `R`) to its expansion, optionally with an explicit argument count
 * (`[expansion, 2]`, as MathJax configurations write it).
 */
export type PostMacros = string | Readonly<Record<string, string | readonly [string, number]>>

/**
 * A KaTeX macro table built for one document, with a fingerprint for cache keys.
 * The table is never handed to KaTeX itself: every render gets a copy, because
 * KaTeX writes `\gdef` definitions into the object it is given.
 */
export interface MacroSet {
  readonly macros: Readonly<Record<string, string | object>>
  /** Equal for equal inputs, so formula caches survive re-renders. */
  readonly fingerprint: string
  /** Definitions that could not be read, as sentences. */
  readonly warnings: readonly string[]
}

/** The inputs a document's macros come from. */
export interface MacroSources {
  /** The folder's preamble (`.lemma/macros.tex`): `\newcommand`, `\renewcommand`, `\def`, `\DeclareMathOperator`, … */
  preamble?: string
  /** The post's own `macros:`; overrides the folder's. */
  postMacros?: PostMacros
}

/** A macro set with no macros. */
export const EMPTY_MACRO_SET: MacroSet = Object.freeze({ macros: Object.freeze({}), fingerprint: 'm0', warnings: [] })

const DEFINERS = new Set([
  'newcommand', 'renewcommand', 'providecommand', 'def', 'gdef', 'edef', 'xdef', 'let', 'global',
  'DeclareMathOperator', 'DeclareRobustCommand',
])

/**
 * Builds the macro table for a document: the folder preamble first, then the post's
 * macros, which win. Each definition is read on its own, so one bad line costs only
 * itself (reported in `warnings`). `\newcommand` of something already defined acts
 * as `\renewcommand` (and the reverse), since a post redefining a folder macro is
 * the point of per-post macros.
 */
export function createMacroSet(sources: MacroSources): MacroSet {
  const preamble = sources.preamble ?? ''
  const post = sources.postMacros
  if (preamble.trim() === '' && (post === undefined || isEmptyMacros(post))) return EMPTY_MACRO_SET
  const table: Record<string, string | object> = {}
  const warnings: string[] = []
  for (const statement of readDefinitions(preamble, warnings)) define(table, statement, warnings)
  if (typeof post === 'string') {
    for (const statement of readDefinitions(post, warnings)) define(table, statement, warnings)
  } else if (post !== undefined) {
    for (const [name, value] of Object.entries(post)) {
      const statement = mapEntryDefinition(name, value)
      if (statement === null) warnings.push(`Macro "${name}" in front matter is not a valid macro name or expansion`)
      else define(table, statement, warnings)
    }
  }
  const fingerprint = `m${hashString(preamble)}.${hashString(typeof post === 'string' ? post : JSON.stringify(post ?? null))}`
  return Object.freeze({ macros: Object.freeze(table), fingerprint, warnings })
}

/**
 * Adds the document's own global definitions (formulas that use `\gdef`, `\global`
 * or `\xdef`, in document order) to `base`, as KaTeX would when all formulas of one
 * page share a macro table. The result belongs to this document only, and a
 * definition applies to the whole document wherever it appears, so that rendering
 * part of the document gives the same result as rendering all of it.
 */
export function withDocumentDefinitions(base: MacroSet, definitions: readonly string[]): MacroSet {
  if (definitions.length === 0) return base
  const table: Record<string, string | object> = { ...base.macros }
  for (const tex of definitions) {
    try {
      katex.renderToString(tex, { ...DEFINITION_OPTIONS, macros: table, throwOnError: false })
    } catch {
      // A definition formula that fails shows its own error where it stands.
    }
  }
  return Object.freeze({
    macros: Object.freeze(table),
    fingerprint: `${base.fingerprint}+${hashString(definitions.join('\u0000'))}`,
    warnings: base.warnings,
  })
}

/** Whether a formula makes global definitions that later formulas can see. */
export function hasGlobalDefinition(tex: string): boolean {
  return tex.includes('\\gdef') || tex.includes('\\global') || tex.includes('\\xdef')
}

const DEFINITION_OPTIONS = {
  displayMode: false,
  output: 'html',
  strict: 'ignore',
  trust: false,
  maxSize: 50,
  maxExpand: 1000,
} as const

function isEmptyMacros(post: PostMacros): boolean {
  return typeof post === 'string' ? post.trim() === '' : Object.keys(post).length === 0
}

function define(table: Record<string, string | object>, statement: string, warnings: string[]): void {
  const attempts = [statement]
  if (statement.startsWith('\\newcommand')) attempts.push(`\\renewcommand${statement.slice('\\newcommand'.length)}`)
  else if (statement.startsWith('\\renewcommand')) attempts.push(`\\newcommand${statement.slice('\\renewcommand'.length)}`)
  let message = ''
  for (const attempt of attempts) {
    try {
      katex.renderToString(attempt, { ...DEFINITION_OPTIONS, macros: table, globalGroup: true, throwOnError: true })
      return
    } catch (error) {
      message ||= error instanceof Error ? error.message : String(error)
    }
  }
  warnings.push(`Could not define ${statement.length > 60 ? `${statement.slice(0, 60)}…` : statement}: ${message}`)
}

function mapEntryDefinition(name: string, value: string | readonly [string, number]): string | null {
  const macro = name.startsWith('\\') ? name : `\\${name}`
  if (!/^\\([A-Za-z]+|[^A-Za-z\s])$/.test(macro)) return null
  const expansion = typeof value === 'string' ? value : Array.isArray(value) ? value[0] : null
  if (typeof expansion !== 'string') return null
  let count = Array.isArray(value) ? Number(value[1]) : 0
  if (!Array.isArray(value)) for (const match of expansion.matchAll(/#([1-9])/g)) count = Math.max(count, Number(match[1]))
  if (!Number.isInteger(count) || count < 0 || count > 9) return null
  return `\\newcommand{${macro}}${count > 0 ? `[${count}]` : ''}{${expansion}}`
}

/**
 * Splits a preamble into single definitions, rewriting `\DeclareMathOperator` (which
 * KaTeX lacks) into `\newcommand` + `\operatorname`. Anything else (`\usepackage`,
 * stray text) is skipped with a warning.
 */
function readDefinitions(preamble: string, warnings: string[]): string[] {
  const statements: string[] = []
  const text = preamble.replace(/(^|[^\\])%.*$/gm, '$1')
  let consumed = 0
  let skipped = ''
  walkControlSequences(text, (cs) => {
    if (cs.from < consumed || cs.depth !== 0 || !DEFINERS.has(cs.name)) return
    skipped += text.slice(consumed, cs.from)
    const end = definitionEnd(text, cs.name, cs.to)
    if (end === null) {
      warnings.push(`Could not read the definition starting "${text.slice(cs.from, cs.from + 40)}"`)
      consumed = cs.to
      return
    }
    statements.push(normalizeDefinition(text.slice(cs.from, end)))
    consumed = end
  })
  skipped += text.slice(consumed)
  const stray = skipped.trim()
  if (stray !== '') warnings.push(`Ignored preamble text that is not a macro definition: ${stray.slice(0, 60)}`)
  return statements
}

function definitionEnd(text: string, name: string, pos: number): number | null {
  let i = pos
  switch (name) {
    case 'global': {
      const next = readArgument(text, i)
      if (next === null || !['\\def', '\\gdef', '\\edef', '\\xdef', '\\let'].includes(next.content)) return null
      return definitionEnd(text, next.content.slice(1), next.end)
    }
    case 'let': {
      const target = readArgument(text, i)
      if (target === null) return null
      i = skipSpaces(text, target.end)
      if (text[i] === '=') i++
      return readArgument(text, i)?.end ?? null
    }
    case 'def':
    case 'gdef':
    case 'edef':
    case 'xdef': {
      const target = readArgument(text, i)
      if (target === null) return null
      const body = text.indexOf('{', target.end)
      return body < 0 ? null : (readGroup(text, body)?.end ?? null)
    }
    default: {
      i = skipSpaces(text, i)
      if (text[i] === '*') i++
      const target = readArgument(text, i)
      if (target === null) return null
      i = target.end
      for (let k = 0; k < 2; k++) {
        const optional = readOptional(text, i)
        if (optional === null) break
        i = optional.end
      }
      return readGroup(text, i)?.end ?? null
    }
  }
}

function normalizeDefinition(statement: string): string {
  const operator = /^\\DeclareMathOperator\s*(\*?)/.exec(statement)
  if (operator) {
    const rest = statement.slice(operator[0].length)
    const target = readArgument(rest, 0)
    const body = target && readGroup(rest, target.end)
    if (target && body) return `\\newcommand{${target.content}}{\\operatorname${operator[1]}{${body.content}}}`
  }
  const starred = /^\\(newcommand|renewcommand|providecommand)\s*\*/.exec(statement)
  if (starred) return `\\${starred[1]}${statement.slice(starred[0].length)}`
  if (statement.startsWith('\\DeclareRobustCommand')) return `\\newcommand${statement.slice('\\DeclareRobustCommand'.length)}`
  return statement
}
