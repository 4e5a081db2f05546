import { parseDocument } from 'yaml'
import { frontMatterText } from './front-matter-range'
import type { PostMacros } from './macros'

/**
 * Reads the `macros:` field of a post's YAML front matter: a map from macro name to
 * expansion (or `[expansion, argument count]`), or a preamble string. Returns
 * undefined when there is no front matter, no such field, or it is unreadable; the
 * YAML is read with the failsafe schema, which never runs code.
 */
export function readFrontMatterMacros(source: string): PostMacros | undefined {
  const text = frontMatterText(source)
  if (text === null || !text.includes('macros')) return undefined
  let data: unknown
  try {
    const document = parseDocument(text, { schema: 'failsafe', uniqueKeys: false, logLevel: 'silent' })
    if (document.errors.length > 0) return undefined
    data = document.toJS({ maxAliasCount: 100 })
  } catch {
    return undefined
  }
  if (data === null || typeof data !== 'object') return undefined
  const macros = (data as Record<string, unknown>).macros
  if (typeof macros === 'string') return macros
  if (macros === null || typeof macros !== 'object' || Array.isArray(macros)) return undefined
  const result: Record<string, string | [string, number]> = {}
  for (const [name, value] of Object.entries(macros as Record<string, unknown>)) {
    if (typeof value === 'string') result[name] = value
    else if (Array.isArray(value) && typeof value[0] === 'string') result[name] = [value[0], Number(value[1] ?? 0)]
  }
  return result
}
