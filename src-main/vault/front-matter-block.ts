import { parseDocument } from 'yaml'
import type { PostWarning } from '../../src-shared/model/post'
import { readSimpleYaml } from './simple-yaml'

/** The front matter found at the start of a post. */
export interface FrontMatter {
  /** The fields as plain data; every scalar is a string (YAML failsafe schema). Empty when absent or unreadable. */
  data: Record<string, unknown>
  /** Where the body starts in the text: after the closing fence line, or 0 (1 past a BOM) when there is none. */
  bodyStart: number
  warnings: PostWarning[]
}

const OPENING_FENCE = /^(-{3,}|;{3,}|\+{3,})[ \t]*([A-Za-z][\w-]*)?$/

/**
 * Finds and reads front matter at the very start of `text`. `---` (or `---yaml`)
 * opens YAML, closed by the same fence or `...`; it is parsed with the `yaml`
 * package's failsafe schema, which never runs code and keeps every scalar a string
 * (so dates and numbers are read by Lemma, not guessed). `;;;` is Hexo's JSON front
 * matter, read with `JSON.parse`. Any other language (`---js`, `---coffee`) and TOML
 * (`+++`) are never evaluated: the block is skipped with a warning. Invalid front
 * matter gives a warning and no fields, never an exception.
 */
export function readFrontMatter(text: string): FrontMatter {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  const none: FrontMatter = { data: {}, bodyStart: start, warnings: [] }
  const firstEnd = lineEnd(text, start)
  const opening = OPENING_FENCE.exec(text.slice(start, firstEnd).trimEnd())
  if (opening === null) return none
  const fence = opening[1]
  const language = opening[2]?.toLowerCase()
  for (let at = firstEnd + 1; at <= text.length; ) {
    const end = lineEnd(text, at)
    const content = text.slice(at, end).trimEnd()
    if (content === fence || (fence[0] === '-' && content === '...')) {
      const raw = text.slice(firstEnd + 1, at)
      const bodyStart = Math.min(end + 1, text.length)
      return { ...readBlock(fence, language, raw), bodyStart }
    }
    at = end + 1
  }
  if (fence.length > 3 && language === undefined) return none
  const message = `Front matter opened by ${fence} on line 1 is never closed; reading the file as plain Markdown`
  return { ...none, warnings: [warning('invalid-front-matter', message)] }
}

/**
 * True when the first line of `text` (past a BOM) opens a front-matter block, closed
 * or not: when it does not, {@link readFrontMatter} gives no fields whatever follows.
 */
export function opensFrontMatter(text: string): boolean {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0
  return OPENING_FENCE.test(text.slice(start, lineEnd(text, start)).trimEnd())
}

function readBlock(fence: string, language: string | undefined, raw: string): Pick<FrontMatter, 'data' | 'warnings'> {
  if (fence[0] === '+') {
    return failed('TOML front matter (+++) is not supported yet; the file\'s name and dates are used instead')
  }
  if (fence[0] === ';') {
    return language === undefined || language === 'json'
      ? readJson(raw)
      : failed(`Front matter in "${language}" is not supported; code in front matter is never run`)
  }
  if (language !== undefined && language !== 'yaml' && language !== 'yml') {
    return failed(`Front matter in "${language}" is not supported; code in front matter is never run`)
  }
  return readYaml(raw)
}

function readYaml(raw: string): Pick<FrontMatter, 'data' | 'warnings'> {
  // Hexo accepts tab indentation, which YAML forbids.
  const source = raw.includes('\t') ? raw.replace(/^\t+/gm, (tabs) => '  '.repeat(tabs.length)) : raw
  // Most front matter is plain `key: value` lines, which need none of the full parser's work.
  const simple = readSimpleYaml(source)
  if (simple !== null) return { data: simple, warnings: [] }
  const document = parseDocument(source, { schema: 'failsafe', uniqueKeys: false, logLevel: 'silent' })
  if (document.errors.length > 0) {
    const error = document.errors[0]
    const line = (error.linePos?.[0].line ?? 0) + 1
    const reason = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')
    return failed(`Front matter is not valid YAML (line ${line}): ${reason}`)
  }
  let data: unknown
  try {
    data = document.toJS({ maxAliasCount: 100 })
  } catch (error) {
    return failed(`Front matter could not be read: ${(error as Error).message}`)
  }
  return asFields(data)
}

function readJson(raw: string): Pick<FrontMatter, 'data' | 'warnings'> {
  const trimmed = raw.trim()
  try {
    return asFields(JSON.parse(trimmed.startsWith('{') ? trimmed : `{${trimmed}}`))
  } catch (error) {
    return failed(`Front matter is not valid JSON: ${(error as Error).message}`)
  }
}

function asFields(data: unknown): Pick<FrontMatter, 'data' | 'warnings'> {
  if (data === null || data === undefined || data === '') return { data: {}, warnings: [] }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return failed('Front matter must be a list of "key: value" lines')
  }
  return { data: data as Record<string, unknown>, warnings: [] }
}

function failed(message: string): Pick<FrontMatter, 'data' | 'warnings'> {
  return { data: {}, warnings: [warning('invalid-front-matter', message)] }
}

function warning(type: PostWarning['type'], message: string): PostWarning {
  return { type, message }
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from)
  return end === -1 ? text.length : end
}
