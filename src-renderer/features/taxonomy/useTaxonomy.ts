import { useEffect, useState } from 'react'
import type { TaxonomyNode } from '../../../src-shared/search/search-types'
import { api } from '../../ipc'

/** The vault's category and tag trees. */
export interface Taxonomy {
  categories: TaxonomyNode[]
  tags: TaxonomyNode[]
}

/**
 * The category and tag trees with post counts (`search.categoryTree` and
 * `search.tagTree`), asked again whenever `refreshKey` (e.g. the post list)
 * changes; an older answer arriving late is dropped. Null until the first answer.
 */
export function useTaxonomy(refreshKey: unknown): Taxonomy | null {
  const [taxonomy, setTaxonomy] = useState<Taxonomy | null>(null)
  useEffect(() => {
    let isCurrent = true
    Promise.all([api.search.categoryTree(), api.search.tagTree()]).then(
      ([categories, tags]) => {
        if (isCurrent) setTaxonomy({ categories, tags })
      },
      () => {},
    )
    return () => {
      isCurrent = false
    }
  }, [refreshKey])
  return taxonomy
}
