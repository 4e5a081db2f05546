import type { PostSummary } from '../../../src-shared/model/post'
import { postFolder } from './feed-filter'
import { localYearMonth } from './post-dates'

/** A category in the tree, with how many posts are in it or below it. */
export interface CategoryNode {
  name: string
  /** From the root of the hierarchy to this category. */
  path: string[]
  count: number
  children: CategoryNode[]
}

/** A folder in the tree, with how many posts are in it or below it. */
export interface FolderNode {
  name: string
  /** Vault-relative, `/`-separated. */
  path: string
  count: number
  children: FolderNode[]
}

/** A year of the archive and its months (1–12), newest first; only months with posts. */
export interface ArchiveYear {
  year: number
  count: number
  months: Array<{ month: number; count: number }>
}

/** Everything the filter panel lists, with counts. */
export interface FeedFacets {
  categories: CategoryNode[]
  /** Tags, most used first, then by name. */
  tags: Array<{ name: string; count: number }>
  /** Folders below the top of the vault, by name. */
  folders: FolderNode[]
  /** Posts directly at the top of the vault. */
  rootCount: number
  archive: ArchiveYear[]
}

interface MutableNode {
  count: number
  children: Map<string, MutableNode>
}

const collator = new Intl.Collator(undefined, { numeric: true })

/**
 * The category tree, tag counts, folder tree and year/month archive of `posts`. A
 * post counts once in each category, folder and ancestor it belongs to, however many
 * of its category paths pass through it. The archive uses the local date written.
 * Categories are ordered by count then name, folders by name, the archive newest first.
 */
export function buildFacets(posts: readonly PostSummary[]): FeedFacets {
  const categories: MutableNode = { count: 0, children: new Map() }
  const folders: MutableNode = { count: 0, children: new Map() }
  const tags = new Map<string, number>()
  const years = new Map<number, Map<number, number>>()
  let rootCount = 0

  for (const post of posts) {
    const seen = new Set<MutableNode>()
    for (const path of post.categories) {
      let node = categories
      for (const name of path) {
        node = child(node, name)
        if (!seen.has(node)) {
          seen.add(node)
          node.count++
        }
      }
    }
    for (const tag of new Set(post.tags)) tags.set(tag, (tags.get(tag) ?? 0) + 1)
    const folder = postFolder(post.path)
    if (folder === '') rootCount++
    else {
      let node = folders
      for (const name of folder.split('/')) {
        node = child(node, name)
        node.count++
      }
    }
    const when = localYearMonth(post.date)
    if (when !== null) {
      const months = years.get(when.year) ?? new Map<number, number>()
      years.set(when.year, months)
      months.set(when.month, (months.get(when.month) ?? 0) + 1)
    }
  }

  return {
    categories: toCategoryNodes(categories, []),
    tags: [...tags].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || collator.compare(a.name, b.name)),
    folders: toFolderNodes(folders, ''),
    rootCount,
    archive: [...years]
      .sort(([a], [b]) => b - a)
      .map(([year, months]) => ({
        year,
        count: [...months.values()].reduce((sum, n) => sum + n, 0),
        months: [...months].sort(([a], [b]) => b - a).map(([month, count]) => ({ month, count })),
      })),
  }
}

function child(node: MutableNode, name: string): MutableNode {
  let found = node.children.get(name)
  if (!found) {
    found = { count: 0, children: new Map() }
    node.children.set(name, found)
  }
  return found
}

function toCategoryNodes(node: MutableNode, path: string[]): CategoryNode[] {
  return [...node.children]
    .map(([name, n]) => ({ name, path: [...path, name], count: n.count, children: toCategoryNodes(n, [...path, name]) }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name))
}

function toFolderNodes(node: MutableNode, parent: string): FolderNode[] {
  return [...node.children]
    .map(([name, n]) => {
      const path = parent === '' ? name : `${parent}/${name}`
      return { name, path, count: n.count, children: toFolderNodes(n, path) }
    })
    .sort((a, b) => collator.compare(a.name, b.name))
}
