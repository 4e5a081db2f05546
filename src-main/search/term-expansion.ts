import type { QueryToken } from '../../src-shared/search/parse-query'
import { presenceTerm } from './char-presence'

/** How closely an indexed term matches a query token; multiplies its score. */
export const EXACT = 1
/** The indexed word starts with the query word. */
export const PREFIX = 0.75
/** The indexed word contains the query word elsewhere, or a bigram contains the query character. */
export const INFIX = 0.45

/** An indexed term a query token matched, and how well. */
export interface Expansion {
  term: string
  quality: number
}

/** The index's vocabulary, split by kind so each expansion scans only its own kind. */
export interface Vocabulary {
  /** Folded words. */
  words: readonly string[]
  /** LaTeX commands with their backslash. */
  commands: readonly string[]
  /** Any indexed term, for exact lookups. */
  has: (term: string) => boolean
}

/**
 * Finds the indexed terms a query token matches: a `bigram` itself; a `cjk-char`
 * itself and its presence term, which every post with a bigram containing it has;
 * a `word` every word containing it (so `window` finds `slidingwindow` and `16`
 * finds `fp16`, as `rg` would); a `command` every command it starts. A token pinned
 * by its `position` in a quoted phrase matches only itself (`whole`), or only words
 * starting (`prefix`) or ending (`suffix`) with it. Results are cached per
 * vocabulary generation, and a word's scan starts from the cached matches of its
 * one-shorter prefix when there are any, which makes typing a word letter by
 * letter cheap.
 */
export class TermExpander {
  private cache = new Map<string, Expansion[]>()
  private generation = -1

  /** Expansions of `token`; `generation` changes whenever the vocabulary does. */
  expand(token: QueryToken, vocabulary: Vocabulary, generation: number): Expansion[] {
    if (generation !== this.generation) {
      this.cache.clear()
      this.generation = generation
    }
    // Unpinned words keep the short key: it seeds the scan of the next longer word (see `compute`).
    const key = token.position === undefined ? `${token.type}\u0000${token.term}` : `${token.type}\u0000${token.term}\u0000${token.position}`
    const cached = this.cache.get(key)
    if (cached !== undefined) return cached
    const expansions = this.compute(token, vocabulary)
    if (this.cache.size > 2000) this.cache.clear()
    this.cache.set(key, expansions)
    return expansions
  }

  private compute(token: QueryToken, vocabulary: Vocabulary): Expansion[] {
    const { term } = token
    if (token.type === 'bigram') return vocabulary.has(term) ? [{ term, quality: EXACT }] : []
    if (token.type === 'command') {
      const found: Expansion[] = []
      for (const command of vocabulary.commands) {
        if (command.startsWith(term)) found.push({ term: command, quality: command.length === term.length ? EXACT : PREFIX })
      }
      return found
    }
    if (token.position === 'whole') return vocabulary.has(term) ? [{ term, quality: EXACT }] : []
    if (token.type === 'cjk-char') {
      // The character's presence term stands for every bigram containing it (see `addPresenceTerms`).
      const found: Expansion[] = vocabulary.has(term) ? [{ term, quality: EXACT }] : []
      const presence = presenceTerm(term)
      if (presence !== null && vocabulary.has(presence)) found.push({ term: presence, quality: INFIX })
      return found
    }
    const presence = term.length === 1 ? presenceTerm(term) : null
    if (presence !== null) {
      const found: Expansion[] = vocabulary.has(term) ? [{ term, quality: EXACT }] : []
      if (vocabulary.has(presence)) found.push({ term: presence, quality: INFIX })
      return found
    }
    // One-character words expand to presence terms, not to vocabulary words, so they cannot seed a scan.
    const shorter = term.length > 2 ? this.cache.get(`word\u0000${term.slice(0, -1)}`) : undefined
    const pool = shorter !== undefined ? shorter.map((expansion) => expansion.term) : vocabulary.words
    const found: Expansion[] = []
    for (const word of pool) {
      const at = token.position === 'prefix' ? (word.startsWith(term) ? 0 : -1) : token.position === 'suffix' ? (word.endsWith(term) ? word.length - term.length : -1) : word.indexOf(term)
      if (at === -1) continue
      found.push({ term: word, quality: at > 0 ? INFIX : word.length === term.length ? EXACT : PREFIX })
    }
    return found
  }
}
