import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { blockElements, CHUNK_SIZE, fillBlocks, patchBlocks, PLACEHOLDER_CLASS } from '../../src-renderer/features/preview/patch-blocks'
import type { PreviewBlock } from '../../src-renderer/features/preview/preview-client'

function container(): HTMLElement {
  const dom = new JSDOM('<!doctype html><div id="blocks"></div>')
  return dom.window.document.getElementById('blocks') as unknown as HTMLElement
}

/** Blocks with one line each, keyed by name. */
function blocksOf(keys: readonly string[], withHtml = true): PreviewBlock[] {
  return keys.map((key, i) => ({ key, startLine: i * 2, endLine: i * 2 + 1, html: withHtml ? `<p>${key}</p>` : '' }))
}

const keys = (n: number, prefix = 'b') => Array.from({ length: n }, (_, i) => `${prefix}${i}`)
const shownKeys = (root: HTMLElement) => Array.from(root.children).flatMap((chunk) => Array.from(chunk.children, (element) => (element as HTMLElement).dataset.key))
const groupSizes = (root: HTMLElement) => Array.from(root.children).map((chunk) => chunk.childElementCount)

describe('patchBlocks', () => {
  it('shows every block in order, in groups of a bounded size', () => {
    const root = container()
    expect(patchBlocks(root, blocksOf(keys(500)))).toBe(500)
    expect(shownKeys(root)).toEqual(keys(500))
    expect(Math.max(...groupSizes(root))).toBeLessThanOrEqual(CHUNK_SIZE * 2)
    expect(groupSizes(root).reduce((a, b) => a + b)).toBe(500)
    expect(root.children[0].className).toBe('lemma-chunk')
    const third = blockElements(root)[3]
    expect([third.className, third.dataset.sourceLine, third.dataset.sourceEndLine, third.innerHTML]).toEqual(['lemma-block', '6', '7', '<p>b3</p>'])
  })

  it('keeps every node when nothing changed', () => {
    const root = container()
    patchBlocks(root, blocksOf(keys(200)))
    const before = blockElements(root)
    expect(patchBlocks(root, blocksOf(keys(200)))).toBe(0)
    expect(blockElements(root)).toEqual(before)
  })

  it('puts a new block into the group of the block before it and touches no other group', () => {
    const root = container()
    patchBlocks(root, blocksOf(keys(300)))
    const groups = Array.from(root.children).map((chunk) => Array.from(chunk.children))
    const next = keys(300)
    next.splice(100, 1, 'changed')
    expect(patchBlocks(root, blocksOf(next))).toBe(1)
    expect(shownKeys(root)).toEqual(next)
    const holder = blockElements(root)[100].parentElement
    expect(holder?.contains(blockElements(root)[99])).toBe(true)
    const after = Array.from(root.children).map((chunk) => Array.from(chunk.children))
    expect(after.filter((group, i) => group.length !== groups[i].length || group.some((node, j) => node !== groups[i][j]))).toHaveLength(1)
  })

  it('updates source lines when lines above moved, without re-creating blocks', () => {
    const root = container()
    patchBlocks(root, blocksOf(keys(10)))
    const shifted = blocksOf(keys(10)).map((block) => ({ ...block, startLine: block.startLine + 5, endLine: block.endLine + 5 }))
    expect(patchBlocks(root, shifted)).toBe(0)
    expect(blockElements(root).map((element) => element.dataset.sourceLine)).toEqual(shifted.map((block) => String(block.startLine)))
  })

  it('removes blocks that are gone and groups left empty', () => {
    const root = container()
    patchBlocks(root, blocksOf(keys(300)))
    patchBlocks(root, blocksOf(keys(300).slice(250)))
    expect(shownKeys(root)).toEqual(keys(300).slice(250))
    expect(groupSizes(root).every((size) => size > 0)).toBe(true)
    patchBlocks(root, [])
    expect(root.children).toHaveLength(0)
  })

  it('matches the wanted order after random edits', () => {
    const root = container()
    let current = keys(150)
    let seed = 7
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    let fresh = 0
    for (let round = 0; round < 50; round++) {
      const next = [...current]
      const at = random(next.length + 1)
      const kind = random(4)
      if (kind === 0) next.splice(at, 0, ...keys(1 + random(110), `n${fresh++}-`))
      else if (kind === 1) next.splice(at, 1 + random(60))
      else if (kind === 2) next.splice(at, 1, `n${fresh++}`)
      else if (next.length > 1) next.push(...next.splice(at, 1 + random(5)))
      patchBlocks(root, blocksOf(next, false))
      expect(shownKeys(root)).toEqual(next)
      expect(groupSizes(root).every((size) => size > 0 && size <= CHUNK_SIZE * 2)).toBe(true)
      current = next
    }
  })

  it('shows blocks without HTML as placeholders sized by their rows and carrying their labels', () => {
    const root = container()
    patchBlocks(root, [
      { key: 'a', startLine: 0, endLine: 1, html: '<p>a</p>' },
      { key: 'b', startLine: 2, endLine: 5, html: null, pending: { rows: 4, labels: ['eq:x', 'eq:y'] } },
    ])
    const [a, b] = blockElements(root)
    expect(a.classList.contains(PLACEHOLDER_CLASS)).toBe(false)
    expect([b.className, b.style.getPropertyValue('--rows'), b.dataset.eqLabels, b.dataset.sourceLine, b.innerHTML]).toEqual([
      `lemma-block ${PLACEHOLDER_CLASS}`, '4', 'eq:x eq:y', '2', '',
    ])
  })

  it('fills a placeholder in place, keeping its node, whether by a fill or by a later patch', () => {
    const root = container()
    const pending = { rows: 2, labels: [] }
    patchBlocks(root, [
      { key: 'a', startLine: 0, endLine: 1, html: null, pending },
      { key: 'b', startLine: 2, endLine: 3, html: null, pending: { rows: 1, labels: ['eq:b'] } },
    ])
    const [a, b] = blockElements(root)
    expect(fillBlocks(root, [{ key: 'b', html: '<p>b</p>' }, { key: 'gone', html: '<p>x</p>' }])).toBe(1)
    expect([b.className, b.getAttribute('style'), b.dataset.eqLabels, b.getAttribute('aria-busy'), b.innerHTML]).toEqual(['lemma-block', null, undefined, null, '<p>b</p>'])
    expect(patchBlocks(root, [
      { key: 'a', startLine: 0, endLine: 1, html: '<p>a</p>' },
      { key: 'b', startLine: 2, endLine: 3, html: '<p>b</p>' },
    ])).toBe(0)
    expect(blockElements(root)).toEqual([a, b])
    expect(a.innerHTML).toBe('<p>a</p>')
    expect(root.querySelectorAll(`.${PLACEHOLDER_CLASS}`).length).toBe(0)
  })
})
