import type { PostWarning } from '../../src-shared/model/post'
import { isAbsent, readCategories, readTags, scalarText } from './categories'
import { parseDate } from './dates'
import { buildExcerpt } from './excerpt'
import { readFrontMatter, type FrontMatter } from './front-matter-block'
import { firstHeading } from './heading-title'
import { extractLinks } from './links'
import { readMacros } from './macros'
import { countWords } from './word-count'

/** Everything Lemma reads from one post's text. */
export interface ParsedPost {
  title: string
  /** ISO 8601 (`toISOString()`). */
  date: string
  /** ISO 8601 (`toISOString()`). */
  updated: string
  categories: string[][]
  tags: string[]
  isDraft: boolean
  excerpt: string
  wordCount: number
  links: string[]
  warnings: PostWarning[]
  /** Offset in the text where the body starts, past the front matter. */
  bodyStart: number
  /** TeX definitions from the `macros` field, one per line (see {@link readMacros}); `''` when none. */
  macros: string
}

/** The file facts {@link parsePost} falls back on. */
export interface PostFileInfo {
  /** Vault-relative path with `/` separators. */
  relPath: string
  birthtimeMs: number
  mtimeMs: number
}

/**
 * Reads a post: front matter (see {@link readFrontMatter}) and body. Never throws and
 * never hides a post: a missing or unreadable field falls back, and a field that
 * was present but wrong adds a warning.
 * - title: `title`, else the first level-1 heading, else the file name without extension.
 * - date: `date`, else the file's birth time (its mtime where birth time is 0);
 *   updated: `updated` or `lastmod`, else the mtime. See {@link parseDate}.
 * - categories: `categories` or `category` (see {@link readCategories}); tags: `tags`
 *   or `tag` (see {@link readTags}).
 * - isDraft: `draft: true`, `published: false`, or a `_drafts` folder in the path (Hexo, Jekyll).
 * - excerpt: see {@link buildExcerpt}; word count, links: of the body only.
 */
export function parsePost(text: string, file: PostFileInfo): ParsedPost {
  const front = readFrontMatter(text)
  const body = text.slice(front.bodyStart)
  return readPost(front, file, {
    firstHeading: () => firstHeading(body),
    excerpt: (summary) => buildExcerpt(body, summary),
    wordCount: () => countWords(body),
    links: () => extractLinks(body),
  })
}

/**
 * The facts {@link readPost} needs from a post body, asked for on demand (a heading
 * only when the front matter has no title): {@link firstHeading}, {@link buildExcerpt}
 * with the front-matter summary, {@link countWords}, {@link extractLinks}.
 */
export interface PostBody {
  firstHeading: () => string | null
  excerpt: (frontMatterSummary: string | null) => string
  wordCount: () => number
  links: () => string[]
}

/**
 * {@link parsePost} from front matter already read and a body known only through
 * `body`: the shared half of `parsePost` and `parsePostBytes`, which reads the body
 * straight from a file's bytes.
 */
export function readPost(front: FrontMatter, file: PostFileInfo, body: PostBody): ParsedPost {
  const warnings = [...front.warnings]
  // Exact keys first, then any case (`Title:`, `Tags:` are common in Obsidian vaults).
  const keysByLowerCase = new Map(Object.keys(front.data).map((key) => [key.toLowerCase(), key]))
  const entry = (...keys: string[]): [string, unknown] => {
    for (const key of keys) {
      const actual = Object.hasOwn(front.data, key) ? key : keysByLowerCase.get(key)
      if (actual !== undefined && !isAbsent(front.data[actual])) return [actual, front.data[actual]]
    }
    return [keys[0], undefined]
  }
  const field = (...keys: string[]): unknown => entry(...keys)[1]
  const invalid = (key: string, message: string) => {
    warnings.push({ type: 'invalid-field', message: `${key}: ${message}` })
  }
  let title = readTitle(field('title'), () => invalid('title', 'expected text; using the heading or file name'))
  title ??= body.firstHeading() ?? fileStem(file.relPath)

  const fileBorn = file.birthtimeMs > 0 ? file.birthtimeMs : file.mtimeMs
  const date = readDateField(entry('date'), fileBorn, "the file's date", warnings)
  const updated = readDateField(entry('updated', 'lastmod'), file.mtimeMs, "the file's modification time", warnings)

  let categories = readCategories(field('categories', 'category'))
  if (categories === null) {
    invalid('categories', 'expected a name or a list of names; ignored')
    categories = []
  }
  let tags = readTags(field('tags', 'tag'))
  if (tags === null) {
    invalid('tags', 'expected a name or a list of names; ignored')
    tags = []
  }

  const macros = readMacros(field('macros'))
  if (macros.skipped.length > 0) invalid('macros', `skipped ${macros.skipped.map((name) => `"${name}"`).join(', ')}`)

  const summary = scalarText(field('excerpt', 'summary', 'description'))
  return {
    title,
    date,
    updated,
    categories,
    tags,
    isDraft: isTrue(field('draft')) || isFalse(field('published')) || /(^|\/)_drafts\//.test(file.relPath),
    excerpt: body.excerpt(summary),
    wordCount: body.wordCount(),
    links: body.links(),
    warnings,
    bodyStart: front.bodyStart,
    macros: macros.macros,
  }
}

function readTitle(value: unknown, onInvalid: () => void): string | null {
  if (value === undefined) return null
  const title = scalarText(value)
  if (title === null) onInvalid()
  return title === null || title === '' ? null : title.replace(/\s+/g, ' ')
}

function readDateField(
  [key, value]: [string, unknown],
  fallbackMs: number,
  fallbackName: string,
  warnings: PostWarning[],
): string {
  if (value !== undefined) {
    const date = parseDate(value)
    if (date !== null) return date.toISOString()
    const shown = typeof value === 'string' ? `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"` : 'this value'
    warnings.push({ type: 'invalid-date', message: `${key} ${shown} is not a real date; using ${fallbackName}` })
  }
  return new Date(fallbackMs).toISOString()
}

function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|yes|on)$/i.test(value.trim()))
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && /^(false|no|off)$/i.test(value.trim()))
}

function fileStem(relPath: string): string {
  const name = relPath.slice(relPath.lastIndexOf('/') + 1)
  return name.replace(/\.(md|markdown)$/i, '') || name
}
