import { BACKSLASH as BACKSLASH_CLASS, CJK as CJK_CLASS, UNKNOWN as UNKNOWN_CLASS, WORD as WORD_CLASS, charClassTable, classifyCodePoint } from './char-class'

// Local copies: some transpilers turn imported bindings into getter calls, which the
// per-character loop below cannot afford.
const WORD = WORD_CLASS
const CJK = CJK_CLASS
const BACKSLASH = BACKSLASH_CLASS
const UNKNOWN = UNKNOWN_CLASS

/**
 * `word`: a lowercased run of letters and digits (`gradient`, `fp16`, `slidingwindow`);
 * `cjk`: two adjacent Han/kana/Hangul characters, or one character standing alone;
 * `command`: a LaTeX command with its backslash (`\alpha`), emitted besides the word.
 */
export type TokenKind = 'word' | 'cjk' | 'command'

/** One token and the `[start, end)` range of the original text it came from. */
export interface Token {
  term: string
  kind: TokenKind
  start: number
  end: number
}

/** Receives tokens from {@link scanTokens} without allocating a {@link Token} each. */
export type TokenSink = (term: string, kind: TokenKind, start: number, end: number) => void

/**
 * Word runs longer than this are indexed as overlapping pieces of this length, every
 * {@link WORD_PIECE_STEP} characters, so a pasted hash or base64 blob does not put a
 * 100 KB term in the vocabulary. Any substring of at most {@link WORD_PIECE_STEP}
 * characters still lies inside one piece (see {@link queryPieces}).
 */
export const MAX_WORD_LENGTH = 64
/** The step between the pieces of a long word run. */
export const WORD_PIECE_STEP = 32

/**
 * Folds a run of letters and digits the way both the index and queries see it:
 * Unicode NFKC (full-width `ＫＬ` becomes `KL`, the Kelvin sign `K`), then lower case,
 * and the Greek final sigma `ς` read as `σ`, approximating ripgrep's `-i` case folding.
 * ASCII takes a fast path.
 */
export function foldWord(raw: string): string {
  let ascii = true
  for (let i = 0; i < raw.length; i++) {
    if (raw.charCodeAt(i) >= 0x80) {
      ascii = false
      break
    }
  }
  if (ascii) return raw.toLowerCase()
  return raw.normalize('NFKC').toLowerCase().replaceAll('ς', 'σ')
}

/** Span kinds of {@link scanTokenSpans}, as small integers for the indexing loop. */
export const WORD_SPAN = 0
export const CJK_SPAN = 1
export const COMMAND_SPAN = 2

/**
 * Receives the tokens of {@link scanTokenSpans} as ranges, without their terms:
 * `kind` is {@link WORD_SPAN}, {@link CJK_SPAN} or {@link COMMAND_SPAN}, and
 * `isAscii` tells whether a word span holds only ASCII (its term is then simply
 * the span lowercased). {@link termOfSpan} spells the term.
 */
export type SpanSink = (kind: number, start: number, end: number, isAscii: boolean) => void

const KIND_NAMES: readonly TokenKind[] = ['word', 'cjk', 'command']

/**
 * Splits `text` into search tokens and hands each to `sink`, in order of position:
 *
 * - runs of Han, kana, Hangul or Bopomofo become overlapping bigrams (`扩散模型` gives
 *   `扩散`, `散模`, `模型`), and a run of one character becomes that character, so any
 *   substring of two or more such characters is found by requiring its bigrams;
 * - runs of other letters and digits become one folded word each ({@link foldWord});
 *   `_`, `.`, `-`, `:` and every other symbol separate words, and a CJK character
 *   ends a word (`KL散度` gives `kl`, `散度`);
 * - `\` followed by ASCII letters also gives a `command` token (`\alpha`), lowercased.
 *
 * Segmentation with `Intl.Segmenter` is deliberately absent: it runs near 1 MB/s,
 * this scanner near 80 MB/s, and bigrams already find every substring. Built on
 * {@link scanTokenSpans}, which indexing uses to skip making a string per token.
 */
export function scanTokens(text: string, sink: TokenSink): void {
  scanTokenSpans(text, (kind, start, end, isAscii) => sink(termOfSpan(text, kind, start, end, isAscii), KIND_NAMES[kind], start, end))
}

/**
 * The term of a span of `text` from {@link scanTokenSpans}: a word lowercased (and
 * folded by {@link foldWord} unless `isAscii`), a CJK bigram or character as it is,
 * a command as `\` and its letters lowercased (the backslash may be full-width).
 */
export function termOfSpan(text: string, kind: number, start: number, end: number, isAscii: boolean): string {
  if (kind === CJK_SPAN) return text.slice(start, end)
  if (kind === COMMAND_SPAN) return `\\${text.slice(start + 1, end).toLowerCase()}`
  const raw = text.slice(start, end)
  return isAscii ? raw.toLowerCase() : foldWord(raw)
}

/**
 * The tokens of {@link scanTokens} as spans of `text` (see {@link SpanSink}), in the
 * same order; a word run longer than {@link MAX_WORD_LENGTH} gives its pieces.
 */
export function scanTokenSpans(text: string, sink: SpanSink): void {
  const table = charClassTable()
  const length = text.length
  let i = 0
  while (i < length) {
    const code = text.charCodeAt(i)
    const kind = classAt(text, i, code, table)
    if (kind === WORD) {
      let end = i + 1
      let isAscii = code < 0x80
      while (end < length) {
        const next = text.charCodeAt(end)
        if (next < 0x80) {
          if (table[next] !== WORD) break
          end++
        } else {
          if (classAt(text, end, next, table) !== WORD) break
          isAscii = false
          end += next >= 0xd800 && next <= 0xdbff ? 2 : 1
        }
      }
      emitWord(i, end, isAscii, sink)
      i = end
    } else if (kind === CJK) {
      i = emitCjkRun(text, i, table, sink)
    } else if (kind === BACKSLASH) {
      let end = i + 1
      while (end < length && isAsciiLetter(text.charCodeAt(end))) end++
      if (end > i + 1) sink(COMMAND_SPAN, i, end, true)
      i++
    } else {
      i += code >= 0xd800 && code <= 0xdbff ? 2 : 1
    }
  }
}

/** Every token of `text`, as objects (tests, queries and snippets; indexing uses {@link scanTokens}). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  scanTokens(text, (term, kind, start, end) => { tokens.push({ term, kind, start, end }) })
  return tokens
}

/**
 * The parts of a folded query word that the index can contain whole: the word itself
 * when it fits in {@link WORD_PIECE_STEP} characters, else consecutive chunks of that
 * length (the last one aligned to the end). Each chunk lies inside some indexed piece
 * of any run that contains the word.
 */
export function queryPieces(word: string): string[] {
  if (word.length <= WORD_PIECE_STEP) return [word]
  const pieces: string[] = []
  for (let at = 0; at < word.length; at += WORD_PIECE_STEP) {
    pieces.push(word.slice(Math.min(at, word.length - WORD_PIECE_STEP), Math.min(at + WORD_PIECE_STEP, word.length)))
  }
  return pieces
}

function emitWord(start: number, end: number, isAscii: boolean, sink: SpanSink): void {
  if (end - start <= MAX_WORD_LENGTH) {
    sink(WORD_SPAN, start, end, isAscii)
    return
  }
  let at = start
  for (; at + MAX_WORD_LENGTH < end; at += WORD_PIECE_STEP) sink(WORD_SPAN, at, at + MAX_WORD_LENGTH, isAscii)
  sink(WORD_SPAN, end - MAX_WORD_LENGTH, end, isAscii)
}

/** Emits the bigrams (or the single character) of the CJK run starting at `start`; returns its end. */
function emitCjkRun(text: string, start: number, table: Uint8Array, sink: SpanSink): number {
  const length = text.length
  let previous = start
  let current = start + width(text.charCodeAt(start))
  if (current >= length || classAt(text, current, text.charCodeAt(current), table) !== CJK) {
    sink(CJK_SPAN, start, current, false)
    return current
  }
  while (current < length) {
    const code = text.charCodeAt(current)
    if (classAt(text, current, code, table) !== CJK) break
    const next = current + width(code)
    sink(CJK_SPAN, previous, next, false)
    previous = current
    current = next
  }
  return current
}

function classAt(text: string, at: number, code: number, table: Uint8Array): number {
  if (code < 0xd800 || code > 0xdfff) {
    const known = table[code]
    return known === UNKNOWN ? classifyCodePoint(code) : known
  }
  if (code > 0xdbff) return 0
  const low = text.charCodeAt(at + 1)
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0
  return classifyCodePoint(((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000)
}

function width(code: number): number {
  return code >= 0xd800 && code <= 0xdbff ? 2 : 1
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122)
}
