import { posix } from 'node:path'

/** A post as link resolution sees it. */
export interface LinkablePost {
  path: string
  title: string
}

/** How a wiki link found its post: by title (first) or by file name or path. */
export type WikiMatch = 'title' | 'file-name'

/**
 * Lookup tables for resolving links, built once per set of posts: titles and file
 * names (without `.md`) folded for comparison ({@link foldTitle}), and paths.
 */
export class LinkCatalog {
  private readonly byTitle = new Map<string, string[]>()
  private readonly byStem = new Map<string, string[]>()
  private readonly byLowerPath = new Map<string, string>()
  private readonly titles = new Map<string, string>()

  constructor(posts: Iterable<LinkablePost>) {
    for (const post of posts) {
      this.titles.set(post.path, post.title)
      this.byLowerPath.set(post.path.toLowerCase(), post.path)
      push(this.byTitle, foldTitle(post.title), post.path)
      push(this.byStem, foldTitle(stemOf(post.path)), post.path)
    }
  }

  /** The title of the post at `path`, or undefined when there is none. */
  titleOf(path: string): string | undefined {
    return this.titles.get(path)
  }

  /**
   * Resolves a wiki target (`Title`, `file-name`, `folder/file-name`, with or
   * without `.md`) seen in `fromPath`: a post whose title matches (ignoring case and
   * width) wins over one whose file name does. Among several, the one in the
   * linking post's folder wins, then the shortest path, then the first in order.
   */
  resolveWiki(target: string, fromPath: string): { path: string; match: WikiMatch } | null {
    const key = foldTitle(target)
    if (key === '') return null
    const byTitle = this.byTitle.get(key)
    if (byTitle !== undefined) return { path: pickNearest(byTitle, fromPath), match: 'title' }
    const withoutExtension = key.replace(/\.(md|markdown)$/, '')
    const slash = withoutExtension.lastIndexOf('/')
    const stem = slash === -1 ? withoutExtension : withoutExtension.slice(slash + 1)
    const candidates = this.byStem.get(stem)
    if (candidates === undefined) return null
    if (slash === -1) return { path: pickNearest(candidates, fromPath), match: 'file-name' }
    const suffix = withoutExtension
    const fitting = candidates.filter((path) => {
      const folded = foldTitle(path.replace(/\.(md|markdown)$/i, ''))
      return folded === suffix || folded.endsWith(`/${suffix}`)
    })
    return fitting.length === 0 ? null : { path: pickNearest(fitting, fromPath), match: 'file-name' }
  }

  /**
   * Resolves a Markdown link destination relative to the folder of `fromPath`
   * (percent-escapes decoded, `#`/`?` parts dropped). Null when it leaves the
   * vault or names no post; a path differing only in case still resolves.
   */
  resolveMarkdown(destination: string, fromPath: string): string | null {
    const path = markdownTargetPath(destination, fromPath)
    if (path === null) return null
    if (this.titles.has(path)) return path
    return this.byLowerPath.get(path.toLowerCase()) ?? null
  }
}

/**
 * A title or file name folded for comparison: Unicode NFKC (full-width letters
 * become ASCII), lower case, inner whitespace collapsed, ends trimmed.
 */
export function foldTitle(text: string): string {
  let folded = foldCache.get(text)
  if (folded === undefined) {
    // NFKC only changes compatibility characters (full-width forms, ligatures, ...); plain text skips it.
    const normalized = NEEDS_NFKC.test(text) ? text.normalize('NFKC') : text
    folded = normalized.toLowerCase().replace(/\s+/g, ' ').trim()
    if (foldCache.size >= FOLD_CACHE_SIZE) foldCache.clear()
    foldCache.set(text, folded)
  }
  return folded
}

// Link targets repeat (titles, file names): folding each once makes resolving thirty thousand links cheap.
const FOLD_CACHE_SIZE = 100_000
const NEEDS_NFKC = /[^\t-\x7f\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af]/
const foldCache = new Map<string, string>()

/** The file name of a vault path without its `.md`/`.markdown` extension. */
export function stemOf(path: string): string {
  return posix.basename(path).replace(/\.(md|markdown)$/i, '')
}

/**
 * The vault path a relative Markdown destination leads to from `fromPath`, or null
 * when it climbs out of the vault or is not relative.
 */
export function markdownTargetPath(destination: string, fromPath: string): string | null {
  let path = destination.trim()
  if (path.startsWith('<') && path.endsWith('>')) path = path.slice(1, -1)
  const cut = path.search(/[#?]/)
  if (cut !== -1) path = path.slice(0, cut)
  try {
    path = decodeURIComponent(path)
  } catch {
    // A stray `%` is taken literally, as CommonMark does.
  }
  path = path.replaceAll('\\', '/')
  if (path === '' || path.startsWith('/')) return null
  const joined = posix.normalize(posix.join(posix.dirname(fromPath), path))
  if (joined === '..' || joined.startsWith('../') || joined === '.') return null
  return joined
}

/**
 * The destination to write in a Markdown link from `fromPath` to `toPath`, in the
 * style of `previous` (the destination written before): `./` kept when it was
 * there, spaces and other unsafe characters percent-escaped unless it was wrapped
 * in `<…>`.
 */
export function relativeDestination(fromPath: string, toPath: string, previous: string, isBracketed: boolean): string {
  let relative = posix.relative(posix.dirname(fromPath), toPath)
  if (previous.startsWith('./') && !relative.startsWith('.')) relative = `./${relative}`
  if (isBracketed) return relative
  const isEscaping = previous.includes('%')
  return relative.split('/').map((part) => (needsEscape(part, isEscaping) ? encodeURIComponent(part) : part)).join('/')
}

function needsEscape(part: string, isEscaping: boolean): boolean {
  return /[\s()<>%#?]/.test(part) || (isEscaping && /[^\x20-\x7e]/.test(part))
}

function pickNearest(paths: string[], fromPath: string): string {
  if (paths.length === 1) return paths[0]
  const folder = posix.dirname(fromPath)
  const ranked = [...paths].sort((a, b) => {
    const near = Number(posix.dirname(b) === folder) - Number(posix.dirname(a) === folder)
    if (near !== 0) return near
    return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
  })
  return ranked[0]
}

function push(map: Map<string, string[]>, key: string, path: string): void {
  const list = map.get(key)
  if (list === undefined) map.set(key, [path])
  else list.push(path)
}
