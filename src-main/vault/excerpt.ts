import { flattenMarkdown, type PlainText } from './plain-text'

/** About how many characters an excerpt taken from the body keeps. */
export const EXCERPT_LENGTH = 200
/** The most characters kept of an excerpt the author marked (`<!-- more -->` or front matter). */
export const MARKED_EXCERPT_LENGTH = 1000
/** How far past the cut point a formula may run before it is dropped instead of kept whole. */
const MATH_OVERRUN = 200

/** The marker that ends an excerpt the author chose. */
export const MORE_MARKER = /<!--\s*more\s*-->/i

/**
 * The plain-text excerpt of a post body: the part before `<!-- more -->` if there is
 * one, else `frontMatterExcerpt` (`excerpt`/`summary`/`description`), else the start
 * of the body. Markdown is flattened by {@link flattenMarkdown} and the result cut by
 * {@link cutPlainText}.
 */
export function buildExcerpt(body: string, frontMatterExcerpt: string | null): string {
  const more = MORE_MARKER.exec(body)
  if (more !== null) return markedExcerpt(body.slice(0, more.index))
  if (isUsableSummary(frontMatterExcerpt)) return markedExcerpt(frontMatterExcerpt)
  return excerptOf(body, EXCERPT_LENGTH)
}

/** The excerpt of Markdown the author marked as one: what precedes `<!-- more -->`, or a front-matter summary. */
export function markedExcerpt(markdown: string): string {
  return excerptOf(markdown, MARKED_EXCERPT_LENGTH)
}

/** True when a front-matter `excerpt`/`summary`/`description` is used by {@link buildExcerpt}. */
export function isUsableSummary(summary: string | null): summary is string {
  return summary !== null && summary.trim() !== ''
}

/**
 * Cuts flattened text to about `limit` characters and appends `…`. Never cuts inside
 * a formula: one that straddles the cut is kept whole, or dropped when it would run
 * more than 200 characters past the limit. Latin words are not split (the cut backs
 * off to a space within 40 characters); CJK text may be cut between any two
 * characters; surrogate pairs are never split.
 */
export function cutPlainText(plain: PlainText, limit: number): string {
  const { text, math } = plain
  if (text.length <= limit && !plain.isTruncated) return text
  let cut = Math.min(limit, text.length)
  const formula = math.find(([start, end]) => start < cut && cut < end)
  if (formula !== undefined) {
    cut = formula[1] - limit <= MATH_OVERRUN ? formula[1] : formula[0]
  } else if (isLatin(text[cut - 1]) && isLatin(text[cut])) {
    for (let back = cut - 1; back > cut - 40 && back > 0; back--) {
      if (text[back] === ' ' && !math.some(([start, end]) => start < back && back < end)) {
        cut = back
        break
      }
    }
  }
  const code = text.charCodeAt(cut - 1)
  if (code >= 0xd800 && code <= 0xdbff) cut--
  return text.slice(0, cut).trimEnd() + '…'
}

function excerptOf(markdown: string, limit: number): string {
  return cutPlainText(flattenMarkdown(markdown, limit), limit)
}

function isLatin(c: string | undefined): boolean {
  if (c === undefined) return false
  const code = c.charCodeAt(0)
  return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) || (code >= 0xc0 && code <= 0x24f)
}
