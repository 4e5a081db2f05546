import { describe, expect, it } from 'vitest'
import { extractOutline, headingIndexAt, plainHeading } from '../../src-renderer/features/outline/outline'
import { outlineLabelHtml } from '../../src-renderer/features/outline/outline-label'
import { createFormulaRenderer } from '../../src-shared/markdown/formula-renderer'
import { createMacroSet, EMPTY_MACRO_SET } from '../../src-shared/markdown/macros'

const lines = (...text: string[]) => text.join('\n')

describe('extractOutline', () => {
  it('lists ATX headings with their level and zero-based line', () => {
    expect(extractOutline(lines('# Title', '', 'text', '## 前向过程 Forward', '### Deep ###', '####### not a heading'))).toEqual([
      { level: 1, text: 'Title', line: 0 },
      { level: 2, text: '前向过程 Forward', line: 3 },
      { level: 3, text: 'Deep', line: 4 },
    ])
  })

  it('reads setext headings, but not a thematic break or a list item before ---', () => {
    expect(extractOutline(lines('Big title', '===', '', 'Smaller', 'over two lines', '---', '', '- item', '---', '', '***'))).toEqual([
      { level: 1, text: 'Big title', line: 0 },
      { level: 2, text: 'Smaller over two lines', line: 3 },
    ])
  })

  it('skips front matter, fenced code and display math', () => {
    const source = lines(
      '---',
      'title: "# not a heading"',
      '---',
      '',
      '```python',
      '# a comment',
      '```',
      '',
      '$$',
      '# inside math',
      '$$',
      '',
      '\\begin{align}',
      '# also math',
      '\\end{align}',
      '',
      '## Real',
    )
    expect(extractOutline(source)).toEqual([{ level: 2, text: 'Real', line: 16 }])
  })

  it('ends an unclosed formula at a blank line, as the preview does', () => {
    expect(extractOutline(lines('$$', 'x', '', '## After'))).toEqual([{ level: 2, text: 'After', line: 3 }])
  })

  it('handles CRLF line endings', () => {
    expect(extractOutline('# One\r\n\r\n## Two\r\n')).toEqual([
      { level: 1, text: 'One', line: 0 },
      { level: 2, text: 'Two', line: 2 },
    ])
  })
})

describe('plainHeading', () => {
  it.each([
    ['**Bold** and _em_', 'Bold and em'],
    ['`code` words', 'code words'],
    ['[link text](https://x.y) and [[Title|alias]] and [[Page]]', 'link text and alias and Page'],
    ['Math $x_1$ stays', 'Math $x_1$ stays'],
    ['math keeps its markup: $a_{1} * b_{2}$ and \\(c_1\\)', 'math keeps its markup: $a_{1} * b_{2}$ and \\(c_1\\)'],
    ['*em* then $\\mathbf{x}_*$', 'em then $\\mathbf{x}_*$'],
    ['snake_case_name', 'snake_case_name'],
  ])('%s → %s', (markdown, text) => {
    expect(plainHeading(markdown)).toBe(text)
  })
})

describe('headingIndexAt', () => {
  const headings = [
    { level: 1, text: 'a', line: 2 },
    { level: 2, text: 'b', line: 10 },
    { level: 2, text: 'c', line: 20 },
  ]
  it.each([
    [0, -1],
    [2, 0],
    [9, 0],
    [10, 1],
    [500, 2],
  ])('line %i is in the section of heading %i', (line, index) => {
    expect(headingIndexAt(headings, line)).toBe(index)
  })
})

describe('outlineLabelHtml', () => {
  const renderer = createFormulaRenderer()
  const labels = new Map([['eq:marginal', { text: '2', isStarred: false }]])

  it('escapes the text and typesets formulas, with references numbered as in the preview', () => {
    const html = outlineLabelHtml('Checking $\\eqref{eq:marginal}$ <b>now</b>', { renderer, macros: EMPTY_MACRO_SET, labels })
    expect(html.startsWith('Checking <span class="katex">')).toBe(true)
    expect(html).toContain('&lt;b&gt;now&lt;/b&gt;')
    expect(html).not.toContain('eq:marginal')
    expect(html.replace(/<[^>]+>/g, '')).toContain('(2)')
  })

  it('uses the folder’s macros', () => {
    const macros = createMacroSet({ preamble: '\\newcommand{\\E}{\\mathbb{E}}' })
    expect(outlineLabelHtml('The $\\E[x]$ step', { renderer, macros, labels })).toContain('mathbb')
  })

  it('leaves text without formulas as escaped text', () => {
    expect(outlineLabelHtml('Costs $5 & more', { renderer, macros: EMPTY_MACRO_SET, labels })).toBe('Costs $5 &amp; more')
  })
})
