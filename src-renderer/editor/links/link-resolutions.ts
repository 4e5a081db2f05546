import { StateEffect, StateField } from '@codemirror/state'
import type { LinkResolution } from '../../../src-shared/search/link-types'

/** What the editor knows about where its links lead. */
export interface LinkResolutions {
  /** Resolutions by `linkKey`. */
  byKey: ReadonlyMap<string, LinkResolution>
  /** Bumped by {@link linksInvalidated}: answers from an older generation are re-asked. */
  generation: number
}

/** Answers of `links.resolve`, as `[linkKey, resolution]` pairs. */
export const linksResolved = StateEffect.define<ReadonlyArray<readonly [string, LinkResolution]>>()

/**
 * The vault changed (a post was added, renamed or removed), so every known answer
 * may be stale: they are kept for display and asked again.
 */
export const linksInvalidated = StateEffect.define<null>()

/** The link resolutions of the document, changed only by {@link linksResolved} and {@link linksInvalidated}. */
export const linkResolutions = StateField.define<LinkResolutions>({
  create: () => ({ byKey: new Map(), generation: 0 }),
  update(value, tr) {
    let next = value
    for (const effect of tr.effects) {
      if (effect.is(linksInvalidated)) next = { byKey: next.byKey, generation: next.generation + 1 }
      else if (effect.is(linksResolved)) {
        const byKey = new Map(next.byKey)
        for (const [key, resolution] of effect.value) byKey.set(key, resolution)
        next = { byKey, generation: next.generation }
      }
    }
    return next
  },
})
