import { describe, expect, it } from 'vitest'
import { resplitBlocks, splitBlocks } from '../../src-shared/markdown'

/** Each block's text. */
function texts(source: string): string[] {
  return splitBlocks(source).map((block) => block.text)
}

describe('splitBlocks', () => {
  it.each([
    ['splits paragraphs at blank lines', 'a\nb\n\nc', ['a\nb', 'c']],
    ['keeps fenced code with blank lines together', '```\nx\n\ny\n```\n\nz', ['```\nx\n\ny\n```', 'z']],
    ['keeps an unclosed fence to the end', '```\nx\n\ny', ['```\nx\n\ny']],
    ['keeps items of a loose list together', '- a\n\n- b\n\nafter', ['- a\n\n- b', 'after']],
    ['keeps indented continuation lines with their block', '- a\n\n  more of a\n\nafter', ['- a\n\n  more of a', 'after']],
    ['keeps an HTML comment with blank lines together', '<!--\n\nx\n\n-->\n\ny', ['<!--\n\nx\n\n-->', 'y']],
    ['keeps a footnote definition with its indented paragraphs', '[^1]: a\n\n    b\n\nc', ['[^1]: a\n\n    b', 'c']],
    ['separates front matter', '---\nt: 1\n---\n\n# H', ['---\nt: 1\n---', '# H']],
    ['separates display math from prose', 'p\n\n$$\nx\n$$\n\nq', ['p', '$$\nx\n$$', 'q']],
  ])('%s', (_name, source, expected) => {
    expect(texts(source)).toEqual(expected)
  })

  it('reports zero-based line ranges without trailing blank lines', () => {
    expect(splitBlocks('a\n\n\nb\nc\n\n').map((b) => [b.startLine, b.endLine])).toEqual([[0, 1], [3, 5]])
  })
})

describe('resplitBlocks', () => {
  const DOC = [
    '---', 'title: t', '---', '', '# Head', '', 'para $x$ one', 'still para', '', '```python', 'a = 1', '', 'b = 2', '```', '',
    '- item', '', '- item 2', '  cont', '', '<!--', '', 'hidden', '-->', '', '$$', 'x = 1', '$$', '', '    indented', '', 'last',
  ].join('\n')
  const ALPHABET = ['\n', '\n\n', ' ', '`', '```', '$', '-', 'x', '<', '---', '~~~', '']

  it('gives the same blocks as a full split after random edits', () => {
    let seed = 42
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    let doc = DOC
    let blocks = splitBlocks(doc)
    for (let i = 0; i < 2000; i++) {
      const at = Math.floor(random() * (doc.length + 1))
      const removed = random() < 0.3 ? Math.floor(random() * 4) : 0
      const inserted = ALPHABET[Math.floor(random() * ALPHABET.length)]
      const next = doc.slice(0, at) + inserted + doc.slice(at + removed)
      const resplit = resplitBlocks(doc, blocks, next)
      const expected = splitBlocks(next)
      expect(resplit.blocks).toEqual(expected)
      resplit.reusedFrom.forEach((from, k) => {
        if (from >= 0) expect(blocks[from].text).toBe(expected[k].text)
      })
      doc = next.length > 3000 ? DOC : next
      blocks = next.length > 3000 ? splitBlocks(DOC) : resplit.blocks
    }
  })

  it('reuses the blocks before and after a one-character edit', () => {
    const doc = Array.from({ length: 50 }, (_, i) => `Paragraph ${i}.`).join('\n\n')
    const blocks = splitBlocks(doc)
    const next = doc.replace('Paragraph 25.', 'Paragraph 25!')
    const { reusedFrom } = resplitBlocks(doc, blocks, next)
    expect(reusedFrom.filter((r) => r < 0).length).toBeLessThanOrEqual(2)
  })
})
