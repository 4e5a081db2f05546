/** How many recently opened posts are remembered per vault (quick open accepts up to 200). */
export const RECENT_LIMIT = 50

/** `list` with `path` moved (or added) to the front, at most `limit` long. */
export function withRecent(list: readonly string[], path: string, limit = RECENT_LIMIT): string[] {
  return [path, ...list.filter((other) => other !== path)].slice(0, limit)
}

/** `list` with `from` replaced by `to` in place (a post was renamed or moved); `to` appears once. */
export function withRenamed(list: readonly string[], from: string, to: string): string[] {
  if (!list.includes(from)) return [...list]
  const replaced = list.map((path) => (path === from ? to : path))
  return replaced.filter((path, index) => path !== to || replaced.indexOf(to) === index)
}

/** `list` without the paths that `exists` rejects, e.g. posts deleted since. */
export function withExisting(list: readonly string[], exists: (path: string) => boolean): string[] {
  return list.filter(exists)
}

/** The storage key of a vault's recent list. */
export function recentKey(vaultRoot: string): string {
  return `lemma:recent-posts:${vaultRoot}`
}

/** A stored recent list, tolerating anything malformed (which reads as empty). */
export function parseRecent(raw: string | null, limit = RECENT_LIMIT): string[] {
  if (raw === null) return []
  try {
    const value: unknown = JSON.parse(raw)
    if (!Array.isArray(value)) return []
    const paths = value.filter((item): item is string => typeof item === 'string' && item !== '' && item.length <= 4096)
    return [...new Set(paths)].slice(0, limit)
  } catch {
    return []
  }
}
