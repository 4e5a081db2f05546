import { fuzzyMatch, positionsToRanges } from '../../../src-shared/search/fuzzy-match'
import type { TextRange } from '../../../src-shared/search/search-types'

/** A command as the palette lists it. */
export interface PaletteItem<Id extends string = string> {
  id: Id
  /** In the interface language. */
  label: string
  /** Other names it is found by (the English label, the id), never shown. */
  aliases: readonly string[]
  isEnabled: boolean
}

/** A listed command with the matched characters of its label. */
export interface RankedItem<Id extends string = string> extends PaletteItem<Id> {
  labelRanges: TextRange[]
}

/**
 * The commands matching `query`, best first: fuzzy on the label (the characters
 * in order, contiguous and word starts best, as quick open matches) or on an
 * alias at a lower score, so `save` finds 保存 in Chinese; the label's matched
 * characters are marked whenever the label matched. Runnable commands come before
 * disabled ones; with an empty query every command is listed in table order.
 */
export function rankCommands<Id extends string>(items: readonly PaletteItem<Id>[], query: string): RankedItem<Id>[] {
  const needle = query.trim().toLowerCase()
  if (needle === '') return items.map((item) => ({ ...item, labelRanges: [] }))
  const scored: Array<{ item: RankedItem<Id>; score: number; order: number }> = []
  items.forEach((item, order) => {
    const onLabel = fuzzyMatch(needle, item.label.toLowerCase())
    let score = onLabel ? onLabel.score : null
    for (const alias of item.aliases) {
      const onAlias = fuzzyMatch(needle, alias.toLowerCase())
      if (onAlias && (score === null || onAlias.score * 0.9 > score)) score = onAlias.score * 0.9
    }
    if (score === null) return
    // The label's own matched characters are marked whenever it matched at all.
    const labelRanges = onLabel ? positionsToRanges(onLabel.positions) : []
    scored.push({ item: { ...item, labelRanges }, score: score + (item.isEnabled ? 1000 : 0), order })
  })
  return scored.sort((a, b) => b.score - a.score || a.order - b.order).map(({ item }) => item)
}
