import type { TaxonomyNode } from '../../../src-shared/search/search-types'
import type { FacetNode } from '../feed/FacetTree'

/** Joins a category path into a tree key, as the feed's filter panel does (`数学›概率论`). */
export const CATEGORY_SEPARATOR = '\u203a'
/** Joins a nested tag's levels into its tree key, which is the tag itself (`ml/vision`). */
export const TAG_SEPARATOR = '/'

/** A category or tag tree from main as the rows of a `FacetTree`, keys joined with `separator`. */
export function toFacetNodes(nodes: readonly TaxonomyNode[], separator: string): FacetNode[] {
  return nodes.map((node) => ({
    key: node.path.join(separator),
    label: node.name,
    count: node.count,
    children: toFacetNodes(node.children, separator),
  }))
}
