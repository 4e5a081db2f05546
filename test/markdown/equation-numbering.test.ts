import { describe, expect, it } from 'vitest'
import { analyzeDisplayFormula, applyEquationNumbers, numberEquations, type NumberingMode } from '../../src-shared/markdown'
import { equationTags, proseReferences, renderOnce, renderedTex } from './support'

/** Equation numbers a document's display formulas get, in order, under `mode`. */
function numbersOf(formulas: string[], mode: NumberingMode = 'auto'): Array<Array<string | null>> {
  return numberEquations(formulas.map(analyzeDisplayFormula), mode).numbers.map((rows) => rows.map((n) => n?.text ?? null))
}

describe('equation numbering', () => {
  it.each<[string, string[], NumberingMode, Array<Array<string | null>>]>([
    ['numbers equation environments and labelled displays by default', ['\\begin{equation}a\\end{equation}', 'b', 'c \\label{x}'], 'auto', [['1'], [null], ['2']]],
    ['numbers every row of align', ['\\begin{align} a \\\\ b \\\\ c \\end{align}'], 'auto', [['1', '2', '3']]],
    ['skips rows with \\notag or \\nonumber', ['\\begin{align} a \\notag \\\\ b \\\\ c \\nonumber \\end{align}'], 'auto', [[null, '1', null]]],
    ['does not number starred environments', ['\\begin{align*} a \\\\ b \\end{align*}', '\\begin{equation*}x\\end{equation*}'], 'all', [[null, null], [null]]],
    ['lets \\tag win over the automatic number', ['\\begin{equation}a\\end{equation}', 'b \\tag{A}', '\\begin{equation}c\\end{equation}'], 'auto', [['1'], ['A'], ['2']]],
    ['numbers every display in "all" mode', ['a', 'b \\label{x}', '\\begin{gather} c \\\\ d \\end{gather}'], 'all', [['1'], ['2'], ['3', '4']]],
    ['numbers only labelled displays in "labeled" mode', ['\\begin{equation}a\\end{equation}', 'b \\label{x}', 'c \\tag{*}'], 'labeled', [[null], ['1'], ['*']]],
    ['ignores row breaks inside nested environments', ['\\begin{align} f &= \\begin{cases} 1 \\\\ 2 \\end{cases} \\\\ g &= 3 \\end{align}'], 'auto', [['1', '2']]],
  ])('%s', (_name, formulas, mode, expected) => {
    expect(numbersOf(formulas, mode)).toEqual(expected)
  })

  it('builds the numbers into the TeX instead of relying on CSS counters', () => {
    const tex = '\\begin{align} a &= b \\label{p} \\\\ c &= d \\end{align}'
    const numbers = numberEquations([analyzeDisplayFormula(tex)], 'auto').numbers[0]
    expect(applyEquationNumbers(tex, numbers)).toBe('\\begin{align*} a &= b \\tag{1}\\\\ c &= d \\tag{2}\\end{align*}')
  })

  it('numbers display equations in document order in the preview', () => {
    const html = renderOnce('$$\na \\label{eq:a}\n$$\n\nText $x$.\n\n\\begin{equation}\nb\n\\end{equation}\n\n\\[\nc\n\\]\n')
    expect(equationTags(html)).toEqual(['1', '2'])
    expect(html).not.toContain('\\label')
  })

  it('shows the \\tag text instead of an automatic number', () => {
    const html = renderOnce('\\begin{equation}\na \\tag{★}\n\\end{equation}\n\n\\begin{equation}\nb\n\\end{equation}\n')
    expect(equationTags(html)).toEqual(['★', '1'])
  })

  it('resolves \\eqref and \\ref in prose and inside formulas', () => {
    const html = renderOnce('By \\eqref{eq:b} and \\ref{eq:a}.\n\n$$\na \\label{eq:a}\n$$\n\n$$\nb \\label{eq:b}\n$$\n\nSo $y = \\eqref{eq:a}$.\n')
    expect(proseReferences(html)).toEqual(['(2)', '1'])
    expect(renderedTex(html)).toContain('y = \\text{(1)}')
  })

  it('renumbers references when an equation is inserted above', () => {
    const after = 'See \\eqref{eq:main}.\n\n$$\nz \\label{eq:main}\n$$\n'
    expect(proseReferences(renderOnce(after))).toEqual(['(1)'])
    const inserted = '$$\nw \\label{eq:new}\n$$\n\n' + after
    expect(proseReferences(renderOnce(inserted))).toEqual(['(2)'])
    expect(equationTags(renderOnce(inserted))).toEqual(['1', '2'])
  })

  it('renders an unresolved reference as (??) with a tooltip', () => {
    const html = renderOnce('See \\eqref{eq:missing} and $\\ref{eq:gone}$.\n')
    expect(proseReferences(html)).toEqual(['(??)'])
    expect(html).toContain('title="No equation is labelled “eq:missing”"')
    expect(renderedTex(html)).toEqual(['\\text{??}'])
  })
})
