import { queryPieces, tokenize } from './tokenize'

/**
 * One required token of a query, and how it meets the index:
 * `bigram` must equal an indexed CJK bigram; `cjk-char` (a lone Han/kana character)
 * matches itself or any bigram containing it; `word` (folded, at most 32 characters)
 * matches any indexed word containing it, exact and prefix matches ranking higher;
 * `command` (`\alpha`) matches indexed commands starting with it. Inside a quoted
 * phrase a token may be pinned by {@link position}.
 */
export interface QueryToken {
  type: 'bigram' | 'cjk-char' | 'word' | 'command'
  term: string
  /**
   * Where a `word` or `cjk-char` of a quoted phrase sits in the indexed token: the
   * whole of it (the phrase goes on both sides), its `prefix` (the phrase starts
   * before it and ends in it) or its `suffix` (the phrase starts in it). Absent:
   * anywhere in it.
   */
  position?: TokenPosition
}

/** See {@link QueryToken.position}. */
export type TokenPosition = 'whole' | 'prefix' | 'suffix'

/** A whitespace-separated term or a quoted phrase of a query. */
export interface QueryClause {
  /** The text as typed, quotes removed. */
  text: string
  /** Quoted: the post must contain {@link text} exactly (ignoring case), not only its tokens. */
  isPhrase: boolean
  /** Every one of these must match; empty for pure punctuation such as `$$`. */
  tokens: QueryToken[]
}

/** A search query taken apart by {@link parseQuery}. */
export interface ParsedQuery {
  /** All of them must match (AND). */
  clauses: QueryClause[]
  /** `tag:x`: the post has tag `x` or a tag below it (`x/y`), ignoring case. */
  tags: string[]
  /** `category:a/b`: the post is filed in `a/b` or below; a single name also matches at any depth. */
  categories: string[][]
  /** `in:folder/sub`: the post's path lies in that folder. */
  folders: string[]
  /** True when the query neither searches nor filters anything. */
  isEmpty: boolean
}

const OPENING_QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '”': '”' }
const FILTER = /^(tag|tags|category|categories|cat|in|folder)[:：](.*)$/is

/**
 * Parses the search box's text. Terms separated by whitespace are ANDed;
 * `"quoted phrases"` (also `“…”` and `「…」`, as Chinese input methods type them)
 * must occur exactly; `tag:x`, `category:x` (or `cat:`), `in:folder/sub` filter, with
 * quoted values allowed (`tag:"machine learning"`) and a full-width `：` accepted.
 * An unclosed quote runs to the end. A filter with no value is ignored, since it is
 * usually being typed. Never throws.
 */
export function parseQuery(input: string): ParsedQuery {
  const query: ParsedQuery = { clauses: [], tags: [], categories: [], folders: [], isEmpty: true }
  for (const word of splitWords(input)) {
    if (word.isQuoted) {
      if (word.text.trim() !== '') query.clauses.push(clause(word.text, true))
      continue
    }
    const filter = FILTER.exec(word.text)
    if (filter !== null) {
      addFilter(query, filter[1].toLowerCase(), unquote(filter[2]).trim())
      continue
    }
    query.clauses.push(clause(word.text, false))
  }
  query.isEmpty = query.clauses.length === 0 && query.tags.length === 0 && query.categories.length === 0 && query.folders.length === 0
  return query
}

/**
 * The tokens a clause requires, deduplicated. A word that only repeats a LaTeX
 * command's letters (`alpha` of `\alpha`) is dropped: the command is stricter. In a
 * quoted phrase (`isPhrase`), a word or lone CJK character with more of the phrase
 * on both sides must be a whole indexed token, and one at the phrase's start or
 * end may continue only outward (see {@link QueryToken.position}).
 */
export function clauseTokens(text: string, isPhrase = false): QueryToken[] {
  const tokens = tokenize(text)
  const result: QueryToken[] = []
  const seen = new Set<string>()
  const add = (type: QueryToken['type'], term: string, position?: TokenPosition) => {
    const key = `${type}\u0000${term}\u0000${position ?? ''}`
    if (seen.has(key)) return
    seen.add(key)
    result.push(position === undefined ? { type, term } : { type, term, position })
  }
  const positionOf = (start: number, end: number): TokenPosition | undefined => {
    if (!isPhrase) return undefined
    const isStartOpen = start === 0
    const isEndOpen = end === text.length
    return isStartOpen ? (isEndOpen ? undefined : 'suffix') : isEndOpen ? 'prefix' : 'whole'
  }
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]
    if (token.kind === 'command') {
      add('command', token.term)
      const next = tokens[i + 1]
      if (next !== undefined && next.kind === 'word' && next.start === token.start + 1 && next.end === token.end) i++
    } else if (token.kind === 'cjk') {
      if (codePointLength(token.term) === 1) add('cjk-char', token.term, positionOf(token.start, token.end) === 'whole' ? 'whole' : undefined)
      else add('bigram', token.term)
    } else {
      const pieces = queryPieces(token.term)
      // A long word's pieces lie anywhere inside the indexed pieces.
      for (const piece of pieces) add('word', piece, pieces.length === 1 ? positionOf(token.start, token.end) : undefined)
    }
  }
  return result
}

function clause(text: string, isPhrase: boolean): QueryClause {
  return { text, isPhrase, tokens: clauseTokens(text, isPhrase) }
}

function addFilter(query: ParsedQuery, name: string, value: string): void {
  if (value === '') return
  if (name.startsWith('tag')) query.tags.push(value)
  else if (name === 'in' || name === 'folder') {
    const folder = value.replaceAll('\\', '/').replace(/^(\.\/)+/, '').replace(/^\/+|\/+$/g, '')
    if (folder !== '') query.folders.push(folder)
  } else {
    const path = value.split('/').map((part) => part.trim()).filter((part) => part !== '')
    if (path.length > 0) query.categories.push(path)
  }
}

interface RawWord {
  text: string
  isQuoted: boolean
}

function splitWords(input: string): RawWord[] {
  const words: RawWord[] = []
  let at = 0
  while (at < input.length) {
    while (at < input.length && isSpace(input[at])) at++
    if (at >= input.length) break
    const close = OPENING_QUOTES[input[at]]
    if (close !== undefined) {
      const end = input.indexOf(close, at + 1)
      const stop = end === -1 ? input.length : end
      words.push({ text: input.slice(at + 1, stop), isQuoted: true })
      at = stop + 1
      continue
    }
    let end = at
    while (end < input.length && !isSpace(input[end])) {
      const inner = OPENING_QUOTES[input[end]]
      if (inner !== undefined && end > at) {
        const closing = input.indexOf(inner, end + 1)
        end = closing === -1 ? input.length : closing + 1
      } else {
        end++
      }
    }
    words.push({ text: input.slice(at, end), isQuoted: false })
    at = end
  }
  return words
}

function unquote(value: string): string {
  const close = OPENING_QUOTES[value[0]]
  if (close === undefined) return value
  return value.endsWith(close) && value.length > 1 ? value.slice(1, -1) : value.slice(1)
}

function isSpace(char: string): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r' || char === '\u3000' || char === '\u00a0'
}

function codePointLength(text: string): number {
  let count = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0xdc00 || code > 0xdfff) count++
  }
  return count
}
