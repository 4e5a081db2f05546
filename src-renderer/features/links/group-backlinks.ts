import type { Backlink } from '../../../src-shared/search/link-types'
import type { TextRange } from '../../../src-shared/search/search-types'
import { mergeLineContext } from './line-context'

/** The links on one line of a post, shown as one entry. */
export interface BacklinkLine {
  /** One-based line in the source file. */
  line: number
  /** The links on it, by column; opening the entry selects the first. */
  links: Backlink[]
  /** The line (or the windows of it around the links) as plain text. */
  context: string
  /** Where each of {@link links} is inside {@link context}. */
  ranges: TextRange[]
}

/** The backlinks from one post. */
export interface BacklinkGroup {
  sourcePath: string
  sourceTitle: string
  /** Its lines holding links, in order. */
  lines: BacklinkLine[]
}

/**
 * Groups backlinks by the post they come from, posts in the order of their first
 * link, then by line, so a line holding several links to the post is one entry with
 * all of them marked in one context ({@link mergeLineContext}).
 */
export function groupBacklinks(backlinks: readonly Backlink[]): BacklinkGroup[] {
  const byPost = new Map<string, { sourceTitle: string; byLine: Map<number, Backlink[]> }>()
  for (const link of backlinks) {
    let post = byPost.get(link.sourcePath)
    if (!post) {
      post = { sourceTitle: link.sourceTitle, byLine: new Map() }
      byPost.set(link.sourcePath, post)
    }
    const onLine = post.byLine.get(link.line)
    if (onLine) onLine.push(link)
    else post.byLine.set(link.line, [link])
  }
  return [...byPost].map(([sourcePath, { sourceTitle, byLine }]) => ({
    sourcePath,
    sourceTitle,
    lines: [...byLine.values()]
      .sort((a, b) => a[0].line - b[0].line)
      .map((links) => {
        links.sort((a, b) => a.column - b.column)
        const { text, ranges } = mergeLineContext(links)
        return { line: links[0].line, links, context: text, ranges }
      }),
  }))
}
