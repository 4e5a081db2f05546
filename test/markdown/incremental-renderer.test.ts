import { describe, expect, it } from 'vitest'
import { createIncrementalRenderer } from '../../src-shared/markdown'
import { equationTags, proseReferences } from './support'

const POST = [
  '---',
  'title: Cache test',
  '---',
  '',
  '# Intro',
  '',
  'Some prose with $a+b$ and a reference \\eqref{eq:second}.',
  '',
  '$$',
  'x = 1 \\label{eq:first}',
  '$$',
  '',
  'Plain paragraph without math.',
  '',
  '\\begin{equation}',
  'y = 2 \\label{eq:second}',
  '\\end{equation}',
  '',
  '- a list',
  '- with items',
  '',
  'Closing words.',
  '',
].join('\n')

describe('the incremental renderer', () => {
  it('splits a post into blocks with their source lines', () => {
    const result = createIncrementalRenderer().render(POST)
    expect(result.blocks.map((b) => [b.startLine, b.endLine])).toEqual([[4, 5], [6, 7], [8, 11], [12, 13], [14, 17], [18, 20], [21, 22]])
    expect(new Set(result.blocks.map((b) => b.key)).size).toBe(result.blocks.length)
  })

  it('re-renders no block when the document is unchanged', () => {
    const renderer = createIncrementalRenderer()
    renderer.render(POST)
    const second = renderer.render(POST)
    expect(second.stats.renderedBlocks).toBe(0)
    expect(second.stats.formulasRendered).toBe(0)
  })

  it('re-renders one block after a one-character prose edit', () => {
    const renderer = createIncrementalRenderer()
    const first = renderer.render(POST)
    const edited = renderer.render(POST.replace('Plain paragraph', 'Plain paragraphs'))
    expect(edited.stats.renderedBlocks).toBe(1)
    expect(edited.stats.formulasRendered).toBe(0)
    const changed = edited.blocks.filter((b, i) => b.key !== first.blocks[i].key)
    expect(changed.map((b) => b.startLine)).toEqual([12])
  })

  it('re-renders one block and one formula after an edit inside a formula', () => {
    const renderer = createIncrementalRenderer()
    renderer.render(POST)
    const edited = renderer.render(POST.replace('x = 1', 'x = 12'))
    expect(edited.stats.renderedBlocks).toBe(1)
    expect(edited.stats.formulasRendered).toBe(1)
  })

  it('re-renders only the blocks whose numbers change when an equation is inserted above', () => {
    const renderer = createIncrementalRenderer()
    const before = renderer.render(POST)
    expect(proseReferences(before.blocks[1].html)).toEqual(['(2)'])
    const inserted = POST.replace('# Intro\n', () => '# Intro\n\n$$\nw \\label{eq:new}\n$$\n')
    const after = renderer.render(inserted)
    // The new equation, the two equations that moved down and the paragraph referring to one of them.
    expect(after.stats.renderedBlocks).toBe(4)
    const html = after.blocks.map((b) => b.html).join('')
    expect(equationTags(html)).toEqual(['1', '2', '3'])
    expect(proseReferences(html)).toEqual(['(3)'])
  })

  it('keeps keys of unchanged blocks when lines are inserted above them', () => {
    const renderer = createIncrementalRenderer()
    const before = renderer.render(POST)
    const after = renderer.render(POST.replace('# Intro', '# Intro\n\nA new paragraph.'))
    expect(after.stats.renderedBlocks).toBe(1)
    expect(after.blocks.at(-1)?.key).toBe(before.blocks.at(-1)?.key)
    expect(after.blocks.at(-1)?.startLine).toBe((before.blocks.at(-1)?.startLine ?? 0) + 2)
  })

  it('re-renders the blocks with formulas when the folder preamble changes', () => {
    const renderer = createIncrementalRenderer()
    renderer.render(POST, { preamble: '\\newcommand{\\R}{\\mathbb{R}}' })
    const changed = renderer.render(POST, { preamble: '\\newcommand{\\R}{\\mathcal{R}}' })
    expect(changed.stats.renderedBlocks).toBe(3)
  })

  it('gives repeated identical blocks distinct keys', () => {
    const result = createIncrementalRenderer().render('Same.\n\nSame.\n\nSame.\n')
    expect(result.blocks.map((b) => b.key)).toEqual(['b1', 'b1.1', 'b1.2'])
  })

  it('numbers footnotes across blocks by first reference', () => {
    const html = createIncrementalRenderer().render('One[^b].\n\nTwo[^a].\n\n[^a]: A.\n\n[^b]: B.\n').blocks.map((b) => b.html).join('')
    expect([...html.matchAll(/\[(\d)\]<\/a>/g)].map((m) => m[1])).toEqual(['1', '2'])
    expect(html).toContain('<div class="footnote-definition" id="fn-2"><span class="footnote-label">2.</span>')
  })

  it('resolves reference-style links defined in another block', () => {
    const html = createIncrementalRenderer().render('See [the docs][d].\n\n[d]: https://example.com/docs\n').blocks.map((b) => b.html).join('')
    expect(html).toContain('href="https://example.com/docs" data-external-link=""')
  })

  it('sanitizes the Markdown HTML before the formulas are put in', () => {
    const seen: string[] = []
    const renderer = createIncrementalRenderer({ sanitize: (html) => { seen.push(html); return html.replace(/<script>.*?<\/script>/g, '') } })
    const html = renderer.render('Text <script>alert(1)</script> and $x$.\n').blocks[0].html
    expect(seen[0]).toMatch(/<span data-lemma-math="[a-z0-9]+:0"><\/span>/)
    expect(seen[0]).not.toContain('katex')
    expect(html).toContain('class="katex"')
    expect(html).not.toContain('<script>')
  })

  it('does not let a post forge a formula placeholder', () => {
    const html = createIncrementalRenderer().render('$x$ <span data-lemma-math="0:0"></span>\n').blocks[0].html
    expect(html.match(/class="katex"/g)).toHaveLength(1)
  })
})

describe('the incremental renderer under random edits', () => {
  it('always renders what a fresh renderer renders', () => {
    const base = [
      'Intro \\eqref{a} and \\ref{b}[^n].', '',
      '$$', 'x \\label{a}', '$$', '',
      '\\begin{align}', 'p &= q \\label{b} \\\\', 'r &= s', '\\end{align}', '',
      '- one $y$', '', '- two', '', '[^n]: Note \\eqref{b}.', '',
      '```ts', 'let a = 1', '```', '', 'End $$z \\tag{T}$$.',
    ].join('\n')
    const pieces = ['\n', '\n\n', '$', '$$\nw \\label{c}\n$$\n\n', '\\eqref{c}', ' ', 'x', '\\label{a}', '[^n]', '```', '']
    let seed = 7
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const renderer = createIncrementalRenderer()
    let doc = base
    for (let i = 0; i < 120; i++) {
      const at = Math.floor(random() * (doc.length + 1))
      const removed = random() < 0.3 ? Math.floor(random() * 3) : 0
      doc = doc.slice(0, at) + pieces[Math.floor(random() * pieces.length)] + doc.slice(at + removed)
      if (doc.length > 2000) doc = base
      const incremental = renderer.render(doc).blocks.map((b) => b.html)
      const fresh = createIncrementalRenderer().render(doc).blocks.map((b) => b.html)
      expect(incremental.join('').replace(/data-lemma-math="[a-z0-9]+:/g, '')).toBe(fresh.join('').replace(/data-lemma-math="[a-z0-9]+:/g, ''))
    }
  })
})
