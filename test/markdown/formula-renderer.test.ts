import { describe, expect, it } from 'vitest'
import { createFormulaRenderer, EMPTY_MACRO_SET } from '../../src-shared/markdown'
import { renderOnce, renderedTex } from './support'

describe('formula rendering', () => {
  it('shows a broken formula\'s KaTeX message in place while its neighbours render', () => {
    const html = renderOnce('Good $a^2$, broken $\\frac{1}{$, good $b_1$.\n\n$$\n\\begin{pmatrix} 1 \\end{bmatrix}\n$$\n\n$$\nc\n$$\n')
    expect(renderedTex(html)).toEqual(['a^2', 'b_1', 'c'])
    const chips = [...html.matchAll(/<span class="math-error[^"]*" role="note" title="([^"]*)"/g)].map((m) => m[1])
    expect(chips).toHaveLength(2)
    expect(chips[0]).toContain('expected &#39;}&#39;')
    expect(chips[1]).toMatch(/Mismatch|\\end/)
  })

  it('escapes the source and message of an error chip', () => {
    const html = createFormulaRenderer().render('\\frac{<img src=x onerror=alert(1)>}{', false, EMPTY_MACRO_SET)
    expect(html).toContain('math-error')
    expect(html).not.toContain('<img')
    expect(html).toContain('&lt;img')
  })

  it.each([
    ['500 nested braces', `${'{'.repeat(500)}x${'}'.repeat(500)}`],
    ['300 nested \\left(', `${'\\left('.repeat(300)}x${'\\right)'.repeat(300)}`],
    ['a 30,000-character formula', 'x+'.repeat(15_000)],
  ])('returns the too-large chip for %s without throwing', (_name, tex) => {
    const renderer = createFormulaRenderer()
    const html = renderer.render(tex, true, EMPTY_MACRO_SET)
    expect(html).toContain('math-too-large')
    expect(html).toContain('too large to render')
    expect(renderer.stats.rendered).toBe(1)
  })

  it('catches a formula that overflows KaTeX\'s stack within the budget', () => {
    const renderer = createFormulaRenderer({ budget: { maxLength: 100_000, maxDepth: 100_000 } })
    const html = renderer.render(`${'{'.repeat(3000)}x${'}'.repeat(3000)}`, false, EMPTY_MACRO_SET)
    expect(html).toContain('math-error')
  })

  it('caches by source, display mode and macros', () => {
    const renderer = createFormulaRenderer()
    renderer.render('x^2', false, EMPTY_MACRO_SET)
    renderer.render('x^2', false, EMPTY_MACRO_SET)
    renderer.render('x^2', true, EMPTY_MACRO_SET)
    expect(renderer.stats).toEqual({ hits: 1, rendered: 2 })
  })

  it('refuses trusted commands such as \\href and \\includegraphics', () => {
    const html = createFormulaRenderer().render('\\href{javascript:alert(1)}{x} \\includegraphics{http://evil/x.png}', false, EMPTY_MACRO_SET)
    expect(html).not.toContain('href="javascript')
    expect(html).not.toContain('<img')
  })
})
