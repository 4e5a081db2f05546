import { isUtf8 } from 'node:buffer'
import { EXCERPT_LENGTH, MORE_MARKER, cutPlainText, isUsableSummary, markedExcerpt } from './excerpt'
import { parsePost, readPost, type ParsedPost, type PostFileInfo } from './front-matter'
import { opensFrontMatter, readFrontMatter, type FrontMatter } from './front-matter-block'
import { firstHeading } from './heading-title'
import { extractLinksUtf8 } from './links'
import { flattenMarkdown, flattenMarkdownStart } from './plain-text'
import { scanWordsUtf8 } from './word-scan'

/** Bytes decoded first in search of the end of the front matter, and the excerpt's second try. */
const FIRST_READ = 2048
/**
 * Bytes of the body decoded first for the excerpt: 200 characters of Chinese take 600
 * bytes, and in the shared corpus this start held the whole first paragraph 86% of the
 * time (2,048 bytes: 99.9%), so most posts decode under half as much.
 */
const EXCERPT_FIRST_READ = 768

/**
 * {@link parsePost} of a file's bytes, with the same result as `parsePost` of their
 * decoded text (BOM dropped, `\r\n` read as `\n`) but most of the body never turned
 * into a string: words are counted and links found in the UTF-8 itself, and only as
 * much of the body is decoded as the excerpt needs. Bytes that are not valid UTF-8
 * take the plain path.
 */
export function parsePostBytes(bytes: Buffer, file: PostFileInfo): ParsedPost {
  if (!isUtf8(bytes)) return parsePost(decodeRange(bytes, bomLength(bytes), bytes.length), file)
  const start = bomLength(bytes)
  const end = bytes.length
  const { front, bodyByte } = readHead(bytes, start)
  let body: string | null = null
  const wholeBody = () => (body ??= decodeRange(bytes, bodyByte, end))
  const markupLines: number[] = []
  const wordCount = scanWordsUtf8(bytes, bodyByte, end, markupLines)
  return readPost(front, file, {
    firstHeading: () => firstHeading(wholeBody()),
    excerpt: (summary) => {
      const more = moreMarker(bytes, bodyByte)
      if (more !== -1) return markedExcerpt(decodeRange(bytes, bodyByte, more))
      if (isUsableSummary(summary)) return markedExcerpt(summary)
      return cutPlainText(flattenBodyStart(bytes, bodyByte, wholeBody), EXCERPT_LENGTH)
    },
    wordCount: () => wordCount,
    links: () => extractLinksUtf8(bytes, end, markupLines),
  })
}

/**
 * Reads the front matter from a decoded start of the file, growing it until the
 * result cannot depend on the rest, and finds the byte where the body starts.
 */
function readHead(bytes: Buffer, start: number): { front: FrontMatter; bodyByte: number } {
  const end = bytes.length
  const closing = likelyClosingLineEnd(bytes, start)
  if (closing !== -1) {
    // Most front matter is a few hundred bytes: decode just that much when it is closed there.
    const text = decodeRange(bytes, start, closing)
    const front = readFrontMatter(text)
    if (front.bodyStart > 0) return { front, bodyByte: byteAfterLines(bytes, start, text, front.bodyStart, closing) }
  }
  for (let size = FIRST_READ; ; size *= 8) {
    // The decoded start ends just past a newline, so that its last line is whole.
    const newline = start + size < end ? bytes.indexOf(10, start + size) : -1
    const cut = newline === -1 ? end : newline + 1
    const text = decodeRange(bytes, start, cut)
    const front = readFrontMatter(text)
    // A second BOM, which the decoded text keeps and `readFrontMatter` skips.
    const bomChars = text.charCodeAt(0) === 0xfeff ? 1 : 0
    if (front.bodyStart > bomChars) return { front, bodyByte: byteAfterLines(bytes, start, text, front.bodyStart, cut) }
    if (cut === end || !opensFrontMatter(text)) return { front, bodyByte: start + bomChars * 3 }
  }
}

/**
 * The byte just past the first line that could close a front matter opened at
 * `start` (a line starting with three of the opening fence's characters, or `...`),
 * or -1 when the file does not start with a fence character or no such line exists.
 * Only a guess: {@link readFrontMatter} of the text up to there decides.
 */
function likelyClosingLineEnd(bytes: Buffer, start: number): number {
  const fence = bytes[start]
  if (fence !== DASH && fence !== SEMICOLON && fence !== PLUS) return -1
  const firstNewline = bytes.indexOf(NEWLINE, start)
  if (firstNewline === -1) return -1
  let close = bytes.indexOf(fence === DASH ? DASH_CLOSE : fence === PLUS ? PLUS_CLOSE : SEMICOLON_CLOSE, firstNewline)
  if (fence === DASH) {
    const dots = bytes.indexOf(DOTS_CLOSE, firstNewline)
    if (dots !== -1 && (close === -1 || dots < close)) close = dots
  }
  if (close === -1) return -1
  const lineEnd = bytes.indexOf(NEWLINE, close + 1)
  return lineEnd === -1 ? bytes.length : lineEnd + 1
}

const NEWLINE = 0x0a
const DASH = 0x2d
const SEMICOLON = 0x3b
const PLUS = 0x2b
const DASH_CLOSE = Buffer.from('\n---')
const DOTS_CLOSE = Buffer.from('\n...')
const PLUS_CLOSE = Buffer.from('\n+++')
const SEMICOLON_CLOSE = Buffer.from('\n;;;')
// Needles made once: a string needle is turned into a new Buffer at every indexOf.
const COMMENT_OPEN = Buffer.from('<!--')
const COMMENT_CLOSE = Buffer.from('-->')

/** The byte where the decoded `text` (from `start`, ending at byte `cut`) reaches `index`, a line start. */
function byteAfterLines(bytes: Buffer, start: number, text: string, index: number, cut: number): number {
  if (index === text.length) return cut
  let at = start
  for (let line = text.indexOf('\n'); line !== -1 && line < index; line = text.indexOf('\n', line + 1)) at = bytes.indexOf(10, at) + 1
  return at
}

/** The byte where the first `<!-- more -->` marker of the body starts, or -1. */
function moreMarker(bytes: Buffer, from: number): number {
  for (let at = bytes.indexOf(COMMENT_OPEN, from); at !== -1; at = bytes.indexOf(COMMENT_OPEN, at + 1)) {
    // A marker holds only spaces and `more` between `<!--` and the first `-->`.
    const close = bytes.indexOf(COMMENT_CLOSE, at + 4)
    if (close === -1) return -1
    if (MORE_MARKER.exec(decodeRange(bytes, at, close + 3))?.index === 0) return at
  }
  return -1
}

/** The body flattened to plain text for an excerpt, decoding only as much of it as that takes. */
function flattenBodyStart(bytes: Buffer, from: number, wholeBody: () => string) {
  for (let size = EXCERPT_FIRST_READ; ; size = size < FIRST_READ ? FIRST_READ : size * 4) {
    const newline = from + size < bytes.length ? bytes.indexOf(10, from + size) : -1
    if (newline === -1) break
    // Up to the end of a line, without its newline (and the `\r` of a `\r\n`).
    const stop = newline > from && bytes[newline - 1] === 13 ? newline - 1 : newline
    const plain = flattenMarkdownStart(decodeRange(bytes, from, stop), EXCERPT_LENGTH)
    if (plain !== null) return plain
  }
  return flattenMarkdown(wholeBody(), EXCERPT_LENGTH)
}

function bomLength(bytes: Buffer): number {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
}

/** `bytes[from, to)` as text with `\r\n` read as `\n`; `from` and `to` must not fall inside a character or a `\r\n`. */
function decodeRange(bytes: Buffer, from: number, to: number): string {
  const raw = bytes.toString('utf8', from, to)
  return raw.includes('\r\n') ? raw.replaceAll('\r\n', '\n') : raw
}
