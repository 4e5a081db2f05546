import type { Backlink, LinkKind, LinkRef, LinkResolution, UnresolvedLink } from '../../src-shared/search/link-types'
import { LinkCatalog, foldTitle, stemOf } from './resolve-link'
import type { LinkOccurrence } from '../../src-shared/search/scan-links'

/** A link as the graph keeps (and the search index persists) it: no offsets, a line of context. */
export interface StoredLink {
  kind: LinkKind
  target: string
  heading: string | null
  line: number
  column: number
  /** The text around the link on its line. */
  context: string
  /** Where the link is inside {@link context}. */
  contextStart: number
  contextEnd: number
  /** Text of the line was left out before {@link context} (it is a window of a longer line); absent when not. */
  isCutBefore?: true
  /** Text of the line was left out after {@link context}; absent when not (which keeps the index file small). */
  isCutAfter?: true
}

/** Characters of context kept on each side of a link. */
const CONTEXT_RADIUS = 80

/**
 * The links of a file's text as {@link StoredLink}s, each with the line around it:
 * up to {@link CONTEXT_RADIUS} characters on each side, trimmed, with where text
 * was left out marked. Links to a heading of the same post (`[[#Heading]]`, with
 * an empty target) are left out: the graph holds links between posts.
 */
export function storeLinks(text: string, occurrences: LinkOccurrence[]): StoredLink[] {
  return occurrences.filter((link) => link.target !== '').map((link) => {
    const lineStart = link.start - link.column
    let lineEnd = text.indexOf('\n', link.start)
    if (lineEnd === -1) lineEnd = text.length
    const from = Math.max(lineStart, link.start - CONTEXT_RADIUS)
    const to = Math.min(lineEnd, link.end + CONTEXT_RADIUS)
    const raw = text.slice(from, to)
    const context = raw.trimStart()
    const shift = raw.length - context.length
    const stored: StoredLink = {
      kind: link.kind, target: link.target, heading: link.heading, line: link.line, column: link.column,
      context: context.trimEnd(), contextStart: link.start - from - shift, contextEnd: link.end - from - shift,
    }
    if (hasText(text, lineStart, from)) stored.isCutBefore = true
    if (hasText(text, to, lineEnd)) stored.isCutAfter = true
    return stored
  })
}

/** True when `text[from … to)` holds anything but white space. */
function hasText(text: string, from: number, to: number): boolean {
  return from < to && /\S/.test(text.slice(from, to))
}

interface PostLinks {
  title: string
  links: StoredLink[]
  /** Where each link leads, for {@link LinkGraph.catalogVersion}; null entries are unresolved. */
  resolved: Array<string | null> | null
  resolvedVersion: number
}

/**
 * Which post links to which: the links of every post, resolved against the titles
 * and paths of all posts. Changing a post's links re-resolves only that post;
 * adding, removing or retitling a post re-resolves all links, lazily, on the next
 * question. Ten thousand posts with thirty thousand links answer in milliseconds.
 */
export class LinkGraph {
  private readonly posts = new Map<string, PostLinks>()
  private catalogCache: LinkCatalog | null = null
  private catalogVersion = 0
  private incomingCache: Map<string, Backlink[]> | null = null

  /** Sets a post's title and links (replacing what was known). */
  setPost(path: string, title: string, links: StoredLink[]): void {
    const previous = this.posts.get(path)
    if (previous === undefined || previous.title !== title) this.invalidateCatalog()
    this.posts.set(path, { title, links, resolved: null, resolvedVersion: -1 })
    this.incomingCache = null
  }

  /** Forgets a post. */
  removePost(path: string): void {
    if (!this.posts.delete(path)) return
    this.invalidateCatalog()
    this.incomingCache = null
  }

  /** The titles and paths links resolve against. */
  catalog(): LinkCatalog {
    if (this.catalogCache === null) {
      this.catalogCache = new LinkCatalog([...this.posts].map(([path, post]) => ({ path, title: post.title })))
    }
    return this.catalogCache
  }

  /** The stored links of a post. */
  linksOf(path: string): StoredLink[] {
    return this.posts.get(path)?.links ?? []
  }

  /** Paths of every post. */
  paths(): string[] {
    return [...this.posts.keys()]
  }

  /** Every link that leads to `path`, grouped by source in path order, then by line. */
  backlinks(path: string): Backlink[] {
    return this.incoming().get(path) ?? []
  }

  /** Every link, in every post, that leads to no post. */
  unresolved(): UnresolvedLink[] {
    const found: UnresolvedLink[] = []
    for (const [sourcePath, post] of [...this.posts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const resolved = this.resolvedOf(sourcePath, post)
      post.links.forEach((link, i) => {
        if (resolved[i] !== null) return
        found.push({ sourcePath, target: link.target, kind: link.kind, line: link.line, column: link.column, context: link.context, contextRange: [link.contextStart, link.contextEnd], isCutBefore: link.isCutBefore === true, isCutAfter: link.isCutAfter === true })
      })
    }
    return found
  }

  /**
   * Where a link written in `fromPath` leads. A wiki target may carry `#heading`
   * and `|alias`; a Markdown destination may carry `#anchor`. An unresolved wiki
   * link suggests its target as the title of a post to create.
   */
  resolve(ref: LinkRef, fromPath: string): LinkResolution {
    const catalog = this.catalog()
    if (ref.kind === 'wiki') {
      const beforeAlias = ref.target.split(/\\?\|/)[0]
      const hash = beforeAlias.indexOf('#')
      const target = (hash === -1 ? beforeAlias : beforeAlias.slice(0, hash)).trim()
      const heading = hash === -1 ? null : beforeAlias.slice(hash + 1).trim() || null
      const path = target === '' ? fromPath : catalog.resolveWiki(target, fromPath)?.path ?? null
      const title = path === null ? undefined : catalog.titleOf(path)
      if (path !== null && title !== undefined) return { isResolved: true, path, title, heading }
      return { isResolved: false, target, heading, suggestedTitle: target }
    }
    const hash = ref.target.indexOf('#')
    const heading = hash === -1 ? null : decodeSafely(ref.target.slice(hash + 1)) || null
    const path = catalog.resolveMarkdown(ref.target, fromPath)
    if (path !== null) return { isResolved: true, path, title: catalog.titleOf(path) ?? '', heading }
    const stem = stemOf(ref.target.split(/[#?]/)[0])
    return { isResolved: false, target: ref.target, heading, suggestedTitle: decodeSafely(stem) }
  }

  /** Where each link of `path` leads (null when nowhere), in the order of {@link linksOf}. */
  resolvedLinksOf(path: string): Array<string | null> {
    const post = this.posts.get(path)
    return post === undefined ? [] : this.resolvedOf(path, post)
  }

  /**
   * Sources that have a link which might point at `path` under its title `title`
   * or its file name: a cheap filter before re-reading files for a rename.
   */
  sourcesMaybeLinkingTo(path: string, titles: string[]): string[] {
    const keys = new Set([...titles.map(foldTitle), foldTitle(stemOf(path))])
    const name = stemOf(path).toLowerCase()
    const sources: string[] = []
    for (const [source, post] of this.posts) {
      const mentions = post.links.some((link) => {
        if (link.kind === 'wiki') {
          const key = foldTitle(link.target).replace(/\.(md|markdown)$/, '')
          return keys.has(key) || keys.has(key.slice(key.lastIndexOf('/') + 1))
        }
        return decodeSafely(stemOf(link.target)).toLowerCase() === name
      })
      if (mentions) sources.push(source)
    }
    return sources.sort()
  }

  private resolvedOf(sourcePath: string, post: PostLinks): Array<string | null> {
    if (post.resolved !== null && post.resolvedVersion === this.catalogVersion) return post.resolved
    const catalog = this.catalog()
    post.resolved = post.links.map((link) => link.kind === 'wiki'
      ? catalog.resolveWiki(link.target, sourcePath)?.path ?? null
      : catalog.resolveMarkdown(link.target, sourcePath))
    post.resolvedVersion = this.catalogVersion
    return post.resolved
  }

  private incoming(): Map<string, Backlink[]> {
    if (this.incomingCache !== null) return this.incomingCache
    const incoming = new Map<string, Backlink[]>()
    for (const [sourcePath, post] of [...this.posts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const resolved = this.resolvedOf(sourcePath, post)
      post.links.forEach((link, i) => {
        const target = resolved[i]
        if (target === null) return
        let list = incoming.get(target)
        if (list === undefined) incoming.set(target, (list = []))
        list.push({ sourcePath, sourceTitle: post.title, kind: link.kind, line: link.line, column: link.column, context: link.context, contextRange: [link.contextStart, link.contextEnd], isCutBefore: link.isCutBefore === true, isCutAfter: link.isCutAfter === true })
      })
    }
    this.incomingCache = incoming
    return incoming
  }

  private invalidateCatalog(): void {
    this.catalogCache = null
    this.catalogVersion++
  }
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
