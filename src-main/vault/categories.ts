/**
 * Reads `categories`/`category` the way Hexo does, since Lemma's categories are
 * hierarchies: a string is one top-level category; a list of strings is ONE path
 * (`[Diary, Life]` is Life inside Diary); a list that contains lists is several
 * paths, its plain strings being one-level paths (`[[Diary, Life], Music]` is
 * Diary/Life and Music). A `/` inside a name is kept, not split. Numbers become
 * strings, empty names are dropped, duplicate paths are removed. Values of any
 * other shape give null.
 */
export function readCategories(value: unknown): string[][] | null {
  if (isAbsent(value)) return []
  const single = scalarText(value)
  if (single !== null) return single === '' ? [] : [[single]]
  if (!Array.isArray(value)) return null
  const paths: string[][] = []
  if (value.some(Array.isArray)) {
    for (const item of value) {
      const path = Array.isArray(item) ? readPath(item) : readPath([item])
      if (path === null) return null
      if (path.length > 0) paths.push(path)
    }
  } else {
    const path = readPath(value)
    if (path === null) return null
    if (path.length > 0) paths.push(path)
  }
  return dedupe(paths, (path) => path.join('\u0000'))
}

/**
 * Reads `tags`/`tag`: a list (nested lists flattened), or a string split on commas
 * (`,`, `，`, `、`) when it has any, else on whitespace (Jekyll's `tags: a b`).
 * Numbers and booleans become strings; empty tags and exact duplicates are dropped.
 * Values of any other shape give null.
 */
export function readTags(value: unknown): string[] | null {
  if (isAbsent(value)) return []
  const single = scalarText(value)
  if (single !== null) {
    const separator = /[,，、]/.test(single) ? /[,，、]/ : /\s+/
    const tags = single.split(separator).map((tag) => tag.trim())
    return dedupe(tags.filter((tag) => tag !== ''), (tag) => tag)
  }
  if (!Array.isArray(value)) return null
  const tags: string[] = []
  for (const item of value.flat(2)) {
    if (isAbsent(item)) continue
    const tag = scalarText(item)
    if (tag === null) return null
    if (tag !== '') tags.push(tag)
  }
  return dedupe(tags, (tag) => tag)
}

/** True for a missing or empty front-matter value (`key:`, `key: ~`, `key: null`). */
export function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '' || value === '~' || value === 'null'
}

/** A string, number or boolean as trimmed text; null for anything else. */
export function scalarText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return null
}

function readPath(items: unknown[]): string[] | null {
  const path: string[] = []
  for (const item of items) {
    if (isAbsent(item)) continue
    const name = scalarText(item)
    if (name === null) return null
    if (name !== '') path.push(name)
  }
  return path
}

function dedupe<T>(items: T[], key: (item: T) => string): T[] {
  const seen = new Set<string>()
  return items.filter((item) => {
    const k = key(item)
    if (seen.has(k)) return false
    seen.add(k)
    return true
  })
}
