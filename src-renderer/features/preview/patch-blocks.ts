import type { PreviewBlock } from './preview-client'

/** The class of each block element the preview manages. */
export const BLOCK_CLASS = 'lemma-block'

/**
 * The class of the groups blocks live in. A group far from view is neither laid
 * out nor painted (`content-visibility: auto`); grouping keeps the number of such
 * elements small, because the browser checks every one of them on each frame.
 */
export const CHUNK_CLASS = 'lemma-chunk'

/** The extra class of a block element standing in for a block not rendered yet. */
export const PLACEHOLDER_CLASS = 'lemma-placeholder'

/** How many blocks a new or split group holds. */
export const CHUNK_SIZE = 48
/** A group that grows past this is split in two. */
const MAX_CHUNK_SIZE = CHUNK_SIZE * 2

/**
 * Makes the blocks inside `container` match `blocks`, keyed by `block.key`:
 * unchanged blocks keep their DOM nodes (only their `data-source-line`/
 * `data-source-end-line` are updated when lines above moved them), new blocks are
 * created from their HTML, and blocks that are gone are removed. Blocks sit in
 * groups of {@link CHUNK_CLASS} (`container > .lemma-chunk > .lemma-block`); a new
 * block joins the group of the block before it, so an edit touches one group. A
 * key always stands for the same HTML, so a node is never re-parsed, except that a
 * placeholder (a block with `html: null`, see {@link PLACEHOLDER_CLASS}) is filled
 * in place once its HTML comes. Returns how many block nodes were created.
 */
export function patchBlocks(container: HTMLElement, blocks: readonly PreviewBlock[]): number {
  const document = container.ownerDocument
  const wanted = new Set(blocks.map((block) => block.key))
  const existing = new Map<string, HTMLElement>()
  for (const chunk of Array.from(container.children)) {
    for (const child of Array.from(chunk.children) as HTMLElement[]) {
      const key = child.dataset.key
      if (key !== undefined && wanted.has(key)) existing.set(key, child)
      else child.remove()
    }
    if (chunk.childElementCount === 0) chunk.remove()
  }

  const newChunk = (before: Element | null) => {
    const chunk = document.createElement('div')
    chunk.className = CHUNK_CLASS
    container.insertBefore(chunk, before)
    return chunk
  }
  let chunk = container.firstElementChild ?? newChunk(null)
  let cursor = chunk.firstElementChild
  let created = 0
  for (const block of blocks) {
    let element = existing.get(block.key)
    if (!element) {
      element = document.createElement('div')
      element.dataset.key = block.key
      if (block.html === null) showPlaceholder(element, block.pending?.rows ?? 1, block.pending?.labels ?? [])
      else setBlockHtml(element, block.html)
      created++
    } else if (block.html !== null && element.classList.contains(PLACEHOLDER_CLASS)) {
      setBlockHtml(element, block.html)
    }
    const start = String(block.startLine)
    const end = String(block.endLine)
    if (element.dataset.sourceLine !== start) element.dataset.sourceLine = start
    if (element.dataset.sourceEndLine !== end) element.dataset.sourceEndLine = end
    // This group is done and the next one starts with this block: move on to it.
    while (cursor === null && chunk.nextElementSibling !== null && element === chunk.nextElementSibling.firstElementChild) {
      chunk = chunk.nextElementSibling
      cursor = chunk.firstElementChild
    }
    if (element === cursor) cursor = cursor.nextElementSibling
    else chunk.insertBefore(element, cursor)
  }

  for (const group of Array.from(container.children)) {
    if (group.childElementCount === 0) group.remove()
    else if (group.childElementCount > MAX_CHUNK_SIZE) splitChunk(group, newChunk)
  }
  return created
}

/**
 * Puts rendered HTML into the placeholders of `container` with the given keys
 * (blocks no longer shown are skipped). Returns how many were filled.
 */
export function fillBlocks(container: HTMLElement, blocks: ReadonlyArray<{ key: string; html: string }>): number {
  if (blocks.length === 0) return 0
  const wanted = new Map(blocks.map((block) => [block.key, block.html]))
  let filled = 0
  for (const element of Array.from(container.querySelectorAll<HTMLElement>(`.${PLACEHOLDER_CLASS}`))) {
    const html = wanted.get(element.dataset.key ?? '')
    if (html === undefined) continue
    setBlockHtml(element, html)
    filled++
  }
  return filled
}

function showPlaceholder(element: HTMLElement, rows: number, labels: readonly string[]): void {
  element.className = `${BLOCK_CLASS} ${PLACEHOLDER_CLASS}`
  // The height comes from the stylesheet (`--rows` lines of text), so it follows the font size.
  element.style.setProperty('--rows', String(rows))
  element.setAttribute('aria-busy', 'true')
  // An `\eqref` to an equation not rendered yet still finds its block (see Preview.tsx).
  if (labels.length > 0) element.dataset.eqLabels = labels.join(' ')
}

function setBlockHtml(element: HTMLElement, html: string): void {
  element.className = BLOCK_CLASS
  element.removeAttribute('style')
  element.removeAttribute('aria-busy')
  delete element.dataset.eqLabels
  // Block HTML was sanitized with DOMPurify before KaTeX output (built from escaped input) was put in.
  element.innerHTML = html
}

function splitChunk(chunk: Element, newChunk: (before: Element | null) => Element): void {
  const children = Array.from(chunk.children)
  let before = chunk.nextElementSibling
  // Fill new groups from the back so each keeps CHUNK_SIZE blocks and order holds.
  for (let end = children.length; end > CHUNK_SIZE; end -= CHUNK_SIZE) {
    const start = Math.max(CHUNK_SIZE, end - CHUNK_SIZE)
    const group = newChunk(before)
    group.append(...children.slice(start, end))
    before = group
    if (start === CHUNK_SIZE) break
  }
}

/** The preview's block elements in document order, across groups. */
export function blockElements(container: HTMLElement): HTMLElement[] {
  return Array.from(container.querySelectorAll<HTMLElement>(`:scope > .${CHUNK_CLASS} > .${BLOCK_CLASS}`))
}

/** Removes every block (before showing another post). */
export function clearBlocks(container: HTMLElement): void {
  container.replaceChildren()
}
