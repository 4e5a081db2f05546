import type { TaxonomyNode } from '../../src-shared/search/search-types'

/** What the trees are built from: the metadata records' tags and categories. */
export interface ClassifiedPost {
  tags: string[]
  categories: string[][]
}

/**
 * The category tree: each category path (`['Math', 'Probability']`) is a branch;
 * `count` counts posts filed at a node or below (a post filed twice under one
 * node counts once), `ownCount` those filed exactly there. Siblings are sorted by
 * count, then name.
 */
export function categoryTree(posts: Iterable<ClassifiedPost>): TaxonomyNode[] {
  return buildTree(posts, (post) => post.categories)
}

/**
 * The tag tree. Tags are flat in Hexo, but a `/` inside a tag (`ml/diffusion`) is
 * read as nesting, as Obsidian does; a flat tag is a root with no children.
 */
export function tagTree(posts: Iterable<ClassifiedPost>): TaxonomyNode[] {
  return buildTree(posts, (post) => post.tags.map((tag) => tag.split('/').map((part) => part.trim()).filter((part) => part !== '')))
}

interface Building {
  node: TaxonomyNode
  children: Map<string, Building>
  lastPost: number
}

function buildTree(posts: Iterable<ClassifiedPost>, pathsOf: (post: ClassifiedPost) => string[][]): TaxonomyNode[] {
  const roots = new Map<string, Building>()
  let postNumber = 0
  for (const post of posts) {
    postNumber++
    for (const path of pathsOf(post)) {
      let level = roots
      let building: Building | undefined
      for (let depth = 0; depth < path.length; depth++) {
        const name = path[depth]
        building = level.get(name)
        if (building === undefined) {
          building = { node: { name, path: path.slice(0, depth + 1), count: 0, ownCount: 0, children: [] }, children: new Map(), lastPost: 0 }
          level.set(name, building)
        }
        if (building.lastPost !== postNumber) {
          building.lastPost = postNumber
          building.node.count++
        }
        level = building.children
      }
      if (building !== undefined && path.length > 0) building.node.ownCount++
    }
  }
  return finish(roots)
}

function finish(level: Map<string, Building>): TaxonomyNode[] {
  const nodes = [...level.values()].map((building) => ({ ...building.node, children: finish(building.children) }))
  return nodes.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
}
