import { RangeSetBuilder } from '@codemirror/state'
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view'
import type { LinkRef } from '../../../src-shared/search/link-types'
import { linkKey, linksInRange } from './find-links'
import { linkHandlers } from './link-handlers'
import { linkResolutions, linksResolved } from './link-resolutions'

/** How long to gather links scrolled into view or typed before asking main about them. */
const RESOLVE_DELAY_MS = 150
const BATCH = 2000

/**
 * Marks the links in view: `cm-post-link` on every link between posts (plus
 * `cm-post-link--wiki` on `[[…]]`) and `cm-post-link--unresolved` on those that
 * lead to no post. Links whose fate is unknown (new, or asked in an older
 * generation) are asked in one batch after a short pause; answers for a view that
 * has since been destroyed (another post was opened) are dropped.
 */
export const linkMarks = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    private readonly asked = new Map<string, number>()
    private readonly waiting = new Map<string, LinkRef>()
    private timer: ReturnType<typeof setTimeout> | undefined
    private isDestroyed = false

    constructor(readonly view: EditorView) {
      this.decorations = this.build()
    }

    update(update: ViewUpdate) {
      if (update.docChanged || update.viewportChanged || update.startState.field(linkResolutions) !== update.state.field(linkResolutions)) {
        this.decorations = this.build()
      }
    }

    destroy() {
      this.isDestroyed = true
      clearTimeout(this.timer)
    }

    private build(): DecorationSet {
      const { state } = this.view
      const handlers = state.facet(linkHandlers)
      const { byKey, generation } = state.field(linkResolutions)
      const builder = new RangeSetBuilder<Decoration>()
      let last = -1
      for (const { from, to } of this.view.visibleRanges) {
        for (const link of linksInRange(state, from, to)) {
          if (link.from < last) continue
          last = link.to
          const key = linkKey(link)
          const resolution = byKey.get(key) ?? null
          if (this.asked.get(key) !== generation) this.ask(key, link)
          let className = link.kind === 'wiki' ? 'cm-post-link cm-post-link--wiki' : 'cm-post-link'
          if (resolution && !resolution.isResolved) className += ' cm-post-link--unresolved'
          const title = handlers?.hint?.(link, resolution) ?? null
          builder.add(link.from, link.to, Decoration.mark({ class: className, attributes: title ? { title } : undefined }))
        }
      }
      return builder.finish()
    }

    private ask(key: string, link: LinkRef) {
      const handlers = this.view.state.facet(linkHandlers)
      if (!handlers) return
      this.asked.set(key, this.view.state.field(linkResolutions).generation)
      this.waiting.set(key, { kind: link.kind, target: link.target })
      clearTimeout(this.timer)
      this.timer = setTimeout(() => this.flush(), RESOLVE_DELAY_MS)
    }

    private flush() {
      const handlers = this.view.state.facet(linkHandlers)
      const batch = [...this.waiting].slice(0, BATCH)
      for (const [key] of batch) this.waiting.delete(key)
      if (this.waiting.size > 0) this.timer = setTimeout(() => this.flush(), 0)
      if (!handlers || batch.length === 0) return
      handlers.resolve(batch.map(([, ref]) => ref)).then(
        (answers) => {
          if (this.isDestroyed) return
          const pairs = batch.map(([key], index) => [key, answers[index]] as const).filter(([, answer]) => answer !== undefined)
          this.view.dispatch({ effects: linksResolved.of(pairs) })
        },
        () => {
          // Ask again the next time these links are drawn.
          for (const [key] of batch) this.asked.delete(key)
        },
      )
    }
  },
  { decorations: (plugin) => plugin.decorations },
)
