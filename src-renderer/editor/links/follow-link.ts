import type { Extension } from '@codemirror/state'
import { EditorView, ViewPlugin } from '@codemirror/view'
import { linkAt, linkKey, sameDocumentLinkAt } from './find-links'
import { linkHandlers } from './link-handlers'
import { linkResolutions } from './link-resolutions'

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

/** Whether the platform's link-following modifier (⌘ on macOS, Ctrl elsewhere) is down. */
function isFollowModifier(event: MouseEvent | KeyboardEvent): boolean {
  return isMac ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey
}

/**
 * Ctrl/Cmd+click on a link between posts, or on a link to a heading of the same
 * post (`[[#Heading]]`, `[text](#heading)`), follows it through the owner's
 * `follow` handler (which opens the post at the heading, or offers to create it
 * when the link is unresolved) instead of moving the cursor. While the modifier is held the editor
 * carries `cm-follow-links`, so links can look clickable.
 */
export function followLinks(): Extension {
  return [
    EditorView.domEventHandlers({
      mousedown(event, view) {
        if (event.button !== 0 || !isFollowModifier(event)) return false
        const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }, false)
        const link = linkAt(view.state, pos) ?? sameDocumentLinkAt(view.state, pos)
        const handlers = view.state.facet(linkHandlers)
        if (!link || !handlers) return false
        event.preventDefault()
        handlers.follow(link, view.state.field(linkResolutions).byKey.get(linkKey(link)) ?? null)
        return true
      },
    }),
    modifierClass,
  ]
}

const modifierClass = ViewPlugin.fromClass(
  class {
    private readonly onKey = (event: KeyboardEvent) => this.set(isFollowModifier(event))
    private readonly onBlur = () => this.set(false)

    constructor(readonly view: EditorView) {
      window.addEventListener('keydown', this.onKey)
      window.addEventListener('keyup', this.onKey)
      window.addEventListener('blur', this.onBlur)
    }

    destroy() {
      window.removeEventListener('keydown', this.onKey)
      window.removeEventListener('keyup', this.onKey)
      window.removeEventListener('blur', this.onBlur)
    }

    private set(isOn: boolean) {
      this.view.dom.classList.toggle('cm-follow-links', isOn)
    }
  },
)
