import { describe, expect, it } from 'vitest'
import { createFormulaRenderer } from '../../src-shared/markdown/formula-renderer'
import { createMacroSet } from '../../src-shared/markdown/macros'
import { createExcerptRenderer, excerptToHtml } from '../../src-renderer/features/feed/render-excerpt'

const zh = { code: '[代码]', image: '[图片]' }
const en = { code: '[code]', image: '[image]' }
const html = (excerpt: string, markers = en) => excerptToHtml(excerpt, markers, createFormulaRenderer())

/** How many KaTeX formulas the HTML holds. */
const formulas = (out: string) => (out.match(/<span class="katex"/g) ?? []).length + (out.match(/<span class="katex-display"/g) ?? []).length

describe('excerptToHtml', () => {
  it('escapes every character of plain text', () => {
    expect(html('a <img src=x onerror=alert(1)> & "b"')).toBe('a &lt;img src=x onerror=alert(1)&gt; &amp; &quot;b&quot;')
  })

  it.each([
    ['dollar', 'area $\\pi r^2$ here', false],
    ['paren', 'area \\(\\pi r^2\\) here', false],
    ['double dollar', 'so $$\\sum_i x_i$$ then', true],
    ['bracket', 'so \\[\\sum_i x_i \\tag{1}\\] then', true],
    ['environment', 'so \\begin{aligned} a &= b \\\\ c &= d \\end{aligned} then', true],
  ])('typesets a %s formula with KaTeX', (_name, excerpt, isDisplay) => {
    const out = html(excerpt)
    expect(out).toContain('class="katex"')
    expect(out.includes('katex-display')).toBe(isDisplay)
    expect(out).not.toContain('\\pi r^2$')
  })

  it('translates the code and image markers to the interface language', () => {
    const out = html('before [code] middle [image] after…', zh)
    expect(out).toContain('<span class="excerpt-marker excerpt-marker--code">[代码]</span>')
    expect(out).toContain('<span class="excerpt-marker excerpt-marker--image">[图片]</span>')
    expect(out).toMatch(/after…$/)
  })

  it('keeps prices and escaped dollars as text', () => {
    expect(html('costs $5 and $10 today, or \\$3')).toBe('costs $5 and $10 today, or $3')
  })

  it('typesets a formula that ends the excerpt before the ellipsis', () => {
    const out = html('在初始时，容量为 \\(\\min(1,7) * 8 = 8\\)…')
    expect(formulas(out)).toBe(1)
    expect(out.endsWith('…')).toBe(true)
  })

  it('shows a broken formula as an error chip, never as raw HTML', () => {
    const out = html('bad $\\frac{<b>}$ end')
    expect(out).not.toContain('<b>')
    expect(out).toContain('end')
  })

  it('expands the folder macros in formulas', () => {
    const macros = createMacroSet({ preamble: '\\newcommand{\\KL}{D_{\\mathbb{KL}}}' })
    const withMacros = excerptToHtml('loss $\\KL(q, p)$', en, createFormulaRenderer(), macros)
    expect(withMacros).toContain('mathbb')
    // KaTeX shows an unknown command in red.
    expect(withMacros).not.toContain('#cc0000')
    expect(html('loss $\\KL(q, p)$')).toContain('#cc0000')
    const renderer = createExcerptRenderer({ macros })
    expect(renderer.render('loss $\\KL(q, p)$', en)).toBe(withMacros)
  })

  it('leaves an unclosed delimiter as text', () => {
    expect(html('half \\( open and $ alone')).toBe('half \\( open and $ alone')
  })
})

describe('createExcerptRenderer', () => {
  it('renders each excerpt once per set of markers', () => {
    const formulasRenderer = createFormulaRenderer()
    const renderer = createExcerptRenderer({ formulas: formulasRenderer })
    const first = renderer.render('x $a^2$ [code]', en)
    expect(renderer.render('x $a^2$ [code]', en)).toBe(first)
    expect(formulasRenderer.stats.rendered).toBe(1)
    expect(renderer.render('x $a^2$ [code]', zh)).toContain('[代码]')
    expect(formulasRenderer.stats.hits).toBe(1)
  })
})
