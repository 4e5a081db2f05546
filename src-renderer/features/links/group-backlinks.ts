import type { Backlink } from '../../../src-shared/search/link-types'

/** The backlinks from one post. */
export interface BacklinkGroup {
  sourcePath: string
  sourceTitle: string
  links: Backlink[]
}

/**
 * Groups backlinks by the post they come from, posts in the order of their first
 * link, and each post's links by line and column.
 */
export function groupBacklinks(backlinks: readonly Backlink[]): BacklinkGroup[] {
  const groups = new Map<string, BacklinkGroup>()
  for (const link of backlinks) {
    let group = groups.get(link.sourcePath)
    if (!group) {
      group = { sourcePath: link.sourcePath, sourceTitle: link.sourceTitle, links: [] }
      groups.set(link.sourcePath, group)
    }
    group.links.push(link)
  }
  for (const group of groups.values()) group.links.sort((a, b) => a.line - b.line || a.column - b.column)
  return [...groups.values()]
}
