import type { MarkdownIt, StateBlock, StateInline, Token } from 'markdown-it'
import {
  matchBlockMathClosing,
  matchBlockMathOpening,
  matchInlineMath,
  type MathDelimiter,
} from './math-delimiters'

/** `token.meta` of `math_inline` and `math_block` tokens. */
export interface MathTokenMeta {
  delimiter: MathDelimiter
  isDisplay: boolean
}

/** `token.meta` of `math_ref` tokens (`\eqref{…}`/`\ref{…}` written in prose). */
export interface MathRefMeta {
  label: string
  isEqref: boolean
}

/** How math tokens become HTML; called in document order with the render's `env`. */
export interface MathRenderHooks {
  /** The HTML inside a formula's wrapper. May add attributes to `token` (e.g. labels). */
  formula(token: Token, env: unknown): string
  /** The HTML of a reference written in prose. */
  reference(meta: MathRefMeta, env: unknown): string
}

const DOLLAR = 36
const BACKSLASH = 92
const REFERENCE = /^\\(eqref|ref)\{([^{}\n]{1,200})\}/

/**
 * A markdown-it plugin for TeX math with the delimiter rules of
 * {@link matchInlineMath} and {@link matchBlockMathOpening}: produces `math_inline`
 * tokens (inside paragraphs, including `$$…$$`/`\[…\]` written inline), `math_block`
 * tokens (formulas on their own lines, which may interrupt a paragraph; `token.map`
 * holds their lines) and `math_ref` tokens for `\eqref{…}`/`\ref{…}` in prose.
 * Rendering is delegated to `hooks`, so the same parse serves the preview and export.
 */
export function markdownItMath(md: MarkdownIt, hooks: MathRenderHooks): void {
  md.inline.ruler.before('escape', 'math_inline', mathInline)
  md.block.ruler.before('fence', 'math_block', mathBlock, { alt: ['paragraph', 'reference', 'blockquote', 'list'] })
  md.renderer.rules.math_inline = (tokens, idx, _options, env) => {
    const token = tokens[idx]
    const meta = token.meta as unknown as MathTokenMeta
    const inner = hooks.formula(token, env)
    return `<span class="math ${meta.isDisplay ? 'math-display-inline' : 'math-inline'}">${inner}</span>`
  }
  md.renderer.rules.math_block = (tokens, idx, _options, env, self) => {
    const token = tokens[idx]
    const inner = hooks.formula(token, env)
    return `<div class="math math-block"${self.renderAttrs(token)}>${inner}</div>\n`
  }
  md.renderer.rules.math_ref = (tokens, idx, _options, env) => hooks.reference(tokens[idx].meta as unknown as MathRefMeta, env)
}

function mathInline(state: StateInline, silent: boolean): boolean {
  const start = state.pos
  const ch = state.src.charCodeAt(start)
  if (ch !== DOLLAR && ch !== BACKSLASH) return false
  const match = matchInlineMath(state.src, start, state.posMax)
  if (match) {
    if (!silent) {
      const token = state.push('math_inline', 'math', 0)
      token.content = state.src.slice(match.contentFrom, match.contentTo)
      token.markup = state.src.slice(start, match.contentFrom)
      token.meta = { delimiter: match.delimiter, isDisplay: match.isDisplay } satisfies MathTokenMeta
    }
    state.pos = match.end
    return true
  }
  if (ch === DOLLAR) {
    // An unclosed `$$` is text as a whole, so its second `$` cannot open a formula
    // (the source scanner reads it the same way).
    if (state.src.charCodeAt(start + 1) !== DOLLAR) return false
    if (!silent) state.pending += '$$'
    state.pos += 2
    return true
  }
  const reference = REFERENCE.exec(state.src.slice(start, Math.min(state.posMax, start + 220)))
  if (!reference) return false
  if (!silent) {
    const token = state.push('math_ref', '', 0)
    token.meta = { label: reference[2].trim(), isEqref: reference[1] === 'eqref' } satisfies MathRefMeta
  }
  state.pos += reference[0].length
  return true
}

function lineText(state: StateBlock, line: number): string {
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line])
}

function mathBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false
  const first = lineText(state, startLine)
  const opening = matchBlockMathOpening(first)
  if (!opening) return false
  const isEnvironment = opening.delimiter === 'environment'
  const rest = isEnvironment ? first : first.slice(opening.contentFrom)
  let closing = matchBlockMathClosing(rest, opening, isEnvironment ? 0 : 1)
  let last = startLine
  const parts: string[] = []
  if (closing.contentTo !== null && (isEnvironment || rest.trim().length > 2)) {
    parts.push(rest.slice(0, closing.contentTo))
  } else {
    parts.push(rest)
    for (last = startLine + 1; ; last++) {
      if (last >= endLine || state.isEmpty(last)) return false
      const text = lineText(state, last)
      closing = matchBlockMathClosing(text, opening, closing.depth)
      if (closing.contentTo !== null) {
        parts.push(text.slice(0, closing.contentTo))
        break
      }
      parts.push(text)
    }
  }
  if (silent) return true
  const token = state.push('math_block', 'math', 0)
  token.block = true
  token.content = parts.join('\n').trim()
  token.markup = isEnvironment ? '' : first.slice(0, opening.contentFrom)
  token.map = [startLine, last + 1]
  token.meta = { delimiter: opening.delimiter, isDisplay: true } satisfies MathTokenMeta
  state.line = last + 1
  return true
}
