import { describe, expect, it } from 'vitest'
import { createIncrementalRenderer, createMacroSet, readFrontMatterMacros } from '../../src-shared/markdown'
import { renderOnce } from './support'

const PREAMBLE = String.raw`
% Folder macros
\newcommand{\R}{\mathbb{R}}
\renewcommand{\vec}[1]{\mathbf{#1}}
\def\abs#1{\left|#1\right|}
\DeclareMathOperator{\argmax}{arg\,max}
\DeclareMathOperator*{\Lim}{Lim}
`

/** True when the formula rendered without any KaTeX error. */
function rendersCleanly(html: string): boolean {
  return !html.includes('math-error') && !html.includes('color:#cc0000')
}

describe('macros', () => {
  it('defines every macro of a folder preamble', () => {
    const set = createMacroSet({ preamble: PREAMBLE })
    expect(Object.keys(set.macros).sort()).toEqual(['\\Lim', '\\R', '\\abs', '\\argmax', '\\vec'])
    expect(set.warnings).toEqual([])
  })

  it('renders a formula using a folder macro', () => {
    const html = renderOnce('Let $x \\in \\R$ and $\\argmax_x \\abs{x}$.\n', { preamble: PREAMBLE })
    expect(rendersCleanly(html)).toBe(true)
    expect(html).toContain('mathbb')
  })

  it('lets per-post macros override the folder preamble', () => {
    const post = '---\ntitle: t\nmacros:\n  \\R: \\mathcal{R}\n  pair: "(#1, #2)"\n---\n\n$\\R$ and $\\pair{a}{b}$\n'
    expect(readFrontMatterMacros(post)).toEqual({ '\\R': '\\mathcal{R}', pair: '(#1, #2)' })
    const html = renderOnce(post, { preamble: PREAMBLE })
    expect(rendersCleanly(html)).toBe(true)
    expect(html).toContain('mathcal')
    expect(html).not.toContain('mathbb')
  })

  it('accepts per-post macros given as a preamble string', () => {
    const html = renderOnce('$\\Q$\n', { postMacros: '\\newcommand{\\Q}{\\mathbb{Q}}' })
    expect(rendersCleanly(html)).toBe(true)
  })

  it('keeps a \\gdef in one post out of every other post', () => {
    const renderer = createIncrementalRenderer()
    const a = renderer.render('$\\gdef\\leak{LEAKED}$\n\nThen $\\leak$.\n').blocks.map((b) => b.html).join('')
    expect(rendersCleanly(a)).toBe(true)
    const b = renderer.render('Here $\\leak$ is undefined.\n').blocks.map((b) => b.html).join('')
    expect(b).toContain('\\leak')
    expect(rendersCleanly(b)).toBe(false)
  })

  it('keeps a \\newcommand in one formula out of the next formula', () => {
    const html = renderOnce('$\\newcommand{\\only}{x}\\only$ and $\\only$\n')
    expect(html.match(/color:#cc0000/g)?.length ?? 0).toBeGreaterThan(0)
  })

  it('gives equal inputs equal fingerprints and different inputs different ones', () => {
    expect(createMacroSet({ preamble: PREAMBLE }).fingerprint).toBe(createMacroSet({ preamble: PREAMBLE }).fingerprint)
    expect(createMacroSet({ preamble: PREAMBLE }).fingerprint).not.toBe(createMacroSet({ preamble: PREAMBLE, postMacros: { R: 'x' } }).fingerprint)
  })

  it('reports a bad definition and keeps the others', () => {
    const set = createMacroSet({ preamble: '\\newcommand{\\good}{g}\n\\usepackage{amsmath}\n\\newcommand{\\bad}{\\frac{}\n' })
    expect(Object.keys(set.macros)).toEqual(['\\good'])
    expect(set.warnings.length).toBeGreaterThan(0)
  })
})
