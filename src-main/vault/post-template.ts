import { formatLocalDateTime } from './dates'

/** What a new post starts with besides its title and date. */
export interface NewPostMeta {
  /** One category hierarchy, root first (Hexo reads a flat list as a hierarchy). */
  categories?: readonly string[]
  tags?: readonly string[]
}

/**
 * The text of a new post: YAML front matter with the title (quoted and escaped, so
 * `"`, `:`, `#` or `---` in a title cannot break the YAML), the local date and time
 * in Hexo's `YYYY-MM-DD HH:mm:ss` form, and the categories and tags of `meta` (empty
 * lists when none), then a blank line. Every name is quoted the same way as the title.
 */
export function defaultPostTemplate(title: string, now: Date, meta: NewPostMeta = {}): string {
  const oneLine = title.replace(/\s+/g, ' ').trim()
  return `---\ntitle: ${yamlQuote(oneLine)}\ndate: ${formatLocalDateTime(now)}\n${yamlList('categories', meta.categories)}${yamlList('tags', meta.tags)}---\n\n`
}

function yamlList(key: string, items: readonly string[] = []): string {
  const names = items.map((item) => item.replace(/\s+/g, ' ').trim()).filter((item) => item !== '')
  if (names.length === 0) return `${key}: []\n`
  return `${key}:\n${names.map((name) => `  - ${yamlQuote(name)}\n`).join('')}`
}

/**
 * `text` as a YAML double-quoted scalar. Escapes `\`, `"`, and every character YAML
 * does not allow raw or treats as a line break (C0 and C1 controls, DEL, U+2028,
 * U+2029, U+FEFF, lone surrogates) as `\uXXXX`.
 */
export function yamlQuote(text: string): string {
  let quoted = '"'
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    const code = text.charCodeAt(i)
    if (c === '\\' || c === '"') quoted += '\\' + c
    else if (code >= 0xd800 && code <= 0xdbff && isLow(text.charCodeAt(i + 1))) quoted += c + text[++i]
    else if (needsEscape(code)) quoted += '\\u' + code.toString(16).padStart(4, '0')
    else quoted += c
  }
  return quoted + '"'
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

function needsEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0xfeff ||
    (code >= 0xd800 && code <= 0xdfff)
  )
}
