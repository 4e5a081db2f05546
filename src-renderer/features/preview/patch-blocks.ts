import type { PreviewBlock } from './preview-client'

/** The class of each block element the preview manages inside its container. */
export const BLOCK_CLASS = 'lemma-block'

/**
 * Makes `container`'s children match `blocks`, keyed by `block.key`: unchanged
 * blocks keep their DOM nodes (only their `data-source-line`/`data-source-end-line`
 * are updated when lines above moved them), new blocks are created from their HTML,
 * and blocks that are gone are removed. A key always stands for the same HTML, so
 * a node is never re-parsed. Returns how many nodes were created.
 */
export function patchBlocks(container: HTMLElement, blocks: readonly PreviewBlock[]): number {
  const existing = new Map<string, HTMLElement>()
  for (const child of Array.from(container.children)) {
    const key = (child as HTMLElement).dataset.key
    if (key !== undefined) existing.set(key, child as HTMLElement)
  }
  const wanted = new Set(blocks.map((block) => block.key))
  for (const [key, element] of existing) {
    if (!wanted.has(key)) {
      element.remove()
      existing.delete(key)
    }
  }
  let created = 0
  let cursor = container.firstElementChild
  for (const block of blocks) {
    let element = existing.get(block.key)
    if (!element) {
      element = container.ownerDocument.createElement('div')
      element.className = BLOCK_CLASS
      element.dataset.key = block.key
      element.innerHTML = block.html
      created++
    }
    const start = String(block.startLine)
    const end = String(block.endLine)
    if (element.dataset.sourceLine !== start) element.dataset.sourceLine = start
    if (element.dataset.sourceEndLine !== end) element.dataset.sourceEndLine = end
    if (element !== cursor) container.insertBefore(element, cursor)
    else cursor = cursor.nextElementSibling
  }
  return created
}

/** Removes every block (before showing another post). */
export function clearBlocks(container: HTMLElement): void {
  container.replaceChildren()
}
