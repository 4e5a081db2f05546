import { scanTokens } from '../../src-shared/search/tokenize'
import { addPresenceTerms } from './char-presence'
import { JunctionCollector } from './junction-keys'
import { MAX_BODY_COUNT, withFieldBits } from './term-weight'

/** The parts of a post the full-text index reads. */
export interface SearchablePost {
  title: string
  tags: string[]
  categories: string[][]
  /** The whole file as text, front matter included (as `rg` sees it), math source included. */
  text: string
}

/** A post reduced to what the inverted index stores. */
export interface AnalyzedPost {
  /** Packed weight (see `packWeight`) of every distinct term. */
  weights: Map<string, number>
  /** Number of tokens in the text, for BM25's length normalisation. */
  length: number
  /** The text's junction keys, for its phrase signature (see `JunctionCollector`). */
  junctions: Uint32Array
}

/**
 * Tokenizes a post's text, title, tags and categories into one weight per distinct
 * term (with presence terms, see `addPresenceTerms`), and collects the junction
 * keys of the text. The text is the whole file, so anything `rg` would find in it
 * (front matter values, code, LaTeX source) is searchable; the title comes from
 * the metadata record, so a title taken from the file name is searchable too.
 */
export function analyzePost(post: SearchablePost): AnalyzedPost {
  const weights = new Map<string, number>()
  const junctions = new JunctionCollector(post.text)
  let length = 0
  scanTokens(post.text, (term, kind, start, end) => {
    junctions.add(kind, start, end)
    length++
    const count = weights.get(term)
    if (count === undefined) weights.set(term, 1)
    else if (count < MAX_BODY_COUNT) weights.set(term, count + 1)
  })
  const mark = (text: string, isTitle: boolean) => {
    scanTokens(text, (term) => {
      weights.set(term, withFieldBits(weights.get(term) ?? 0, isTitle, !isTitle))
    })
  }
  mark(post.title, true)
  for (const tag of post.tags) mark(tag, false)
  for (const path of post.categories) for (const name of path) mark(name, false)
  addPresenceTerms(weights)
  return { weights, length, junctions: junctions.result() }
}
