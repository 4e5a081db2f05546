import { describe, expect, it } from 'vitest'
import { buildExcerpt, EXCERPT_LENGTH } from '../../src-main/vault/excerpt'
import { flattenMarkdown } from '../../src-main/vault/plain-text'

describe('flattenMarkdown', () => {
  it.each([
    ['heading markers', '# Title\n\n## Section ##', 'Title Section'],
    ['emphasis', 'a **bold** and *it* and __u__ ~~gone~~', 'a bold and it and u gone'],
    ['snake_case words', 'call my_func_name now', 'call my_func_name now'],
    ['links', 'see [the docs](https://x.y "t") and [ref][1]', 'see the docs and ref'],
    ['wiki links', '[[Page|shown]] and [[Other]]', 'shown and Other'],
    ['images', 'before ![a plot](plot.png) after', 'before [image] after'],
    ['an image inside a link', '[![badge](b.svg)](https://ci)', '[image]'],
    ['fenced code', 'text\n\n```python\nprint("hi")\n```\n\nmore', 'text [code] more'],
    ['inline code', 'run `npm test` now', 'run npm test now'],
    ['HTML tags', 'a <span class="x">b</span> c<br>d', 'a b c d'],
    ['an HTML image', '<img src="x.png">', '[image]'],
    ['an HTML comment', 'a <!-- hidden --> b', 'a b'],
    ['a multi-line HTML comment', 'a\n\n<!--\nhidden\n-->\n\nb', 'a b'],
    ['lists and quotes', '- one\n- [x] two\n> quoted\n1. three', 'one two quoted three'],
    ['a table', '| a | b |\n|---|:-:|\n| 1 | 2 |', 'a b 1 2'],
    ['entities', 'Tom &amp; Jerry&nbsp;&lt;3', 'Tom & Jerry <3'],
    ['backslash escapes', '\\*not emphasis\\* and \\$5', '*not emphasis* and \\$5'],
    ['footnotes', 'claim[^1]\n\n[^1]: source', 'claim'],
    ['a thematic break', 'a\n\n---\n\nb', 'a b'],
  ])('flattens %s', (_name, markdown, text) => {
    expect(flattenMarkdown(markdown).text).toBe(text)
  })

  it.each([
    ['inline dollars', 'area $\\pi r^2$ here', '$\\pi r^2$'],
    ['display dollars over lines', 'see\n$$\n\\int_0^1 x \\, dx\n$$\nok', '$$\n\\int_0^1 x \\, dx\n$$'],
    ['parentheses', 'so \\(a|b\\) holds', '\\(a|b\\)'],
    ['brackets', 'so \\[ \\|x\\|_2 \\] holds', '\\[ \\|x\\|_2 \\]'],
    ['an environment', '\\begin{align}a &= b \\\\ c &= d\\end{align}', '\\begin{align}a &= b \\\\ c &= d\\end{align}'],
    ['a math fence', '```math\nE = mc^2\n```', '$$E = mc^2$$'],
    ['a formula with emphasis characters', '$a_1 * b_2 * c$', '$a_1 * b_2 * c$'],
  ])('keeps %s verbatim', (_name, markdown, formula) => {
    const plain = flattenMarkdown(markdown)
    expect(plain.text).toContain(formula)
    expect(plain.math.map(([start, end]) => plain.text.slice(start, end))).toContain(formula)
  })

  it.each([
    ['a price', 'costs $5 and $6', 'costs $5 and $6'],
    ['a dollar before a space', 'pay $ now$', 'pay $ now$'],
  ])('leaves %s alone', (_name, markdown, text) => {
    const plain = flattenMarkdown(markdown)
    expect(plain.text).toBe(text)
    expect(plain.math).toEqual([])
  })
})

describe('buildExcerpt', () => {
  it('takes the part before <!-- more -->', () => {
    expect(buildExcerpt('Intro with **bold**.\n\n<!-- more -->\n\nRest.', 'ignored')).toBe('Intro with bold.')
  })

  it('takes the front-matter excerpt when there is no more marker', () => {
    expect(buildExcerpt('Body text.', 'A *short* summary')).toBe('A short summary')
  })

  it('takes the start of the body otherwise', () => {
    expect(buildExcerpt('# Title\n\nFirst paragraph.', null)).toBe('Title First paragraph.')
  })

  it('cuts a long Latin body on a word boundary with an ellipsis', () => {
    const excerpt = buildExcerpt('word '.repeat(100), null)
    expect(excerpt.endsWith('word…')).toBe(true)
    expect(excerpt.length).toBeLessThanOrEqual(EXCERPT_LENGTH + 1)
  })

  it('cuts a long Chinese body between characters', () => {
    const excerpt = buildExcerpt('概率'.repeat(200), null)
    expect(excerpt).toBe('概率'.repeat(100) + '…')
  })

  it('replaces a code block with a marker', () => {
    expect(buildExcerpt('Setup:\n\n```sh\nnpm install\n```\n', null)).toBe('Setup: [code]')
  })

  it('keeps a formula at the cut point whole', () => {
    const formula = '$\\mathbb{E}[X \\mid \\mathcal{F}_t] = \\int_\\Omega X \\, d\\mathbb{P}$'
    const body = '条件期望'.repeat(48) + ' ' + formula + ' 之后还有很多文字。'.repeat(10)
    const excerpt = buildExcerpt(body, null)
    expect(excerpt).toContain(formula)
    expect(excerpt.endsWith(formula + '…')).toBe(true)
  })

  it('drops a very long formula at the cut point rather than splitting it', () => {
    const formula = `$$${'x + '.repeat(200)}y$$`
    const excerpt = buildExcerpt('a'.repeat(190) + ' ' + formula + ' tail', null)
    expect(excerpt).toBe('a'.repeat(190) + '…')
  })

  it('does not split a surrogate pair at the cut', () => {
    const excerpt = buildExcerpt('x' + '𝔼'.repeat(150), null)
    expect(excerpt).not.toMatch(/[\ud800-\udbff]…$/)
  })

  it('is empty for an empty body', () => {
    expect(buildExcerpt('', null)).toBe('')
  })
})
