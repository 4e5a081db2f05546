import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { ensureSyntaxTree, matchBrackets } from '@codemirror/language'
import { EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { mathSyntax } from '../../src-renderer/editor/math-syntax'

function stateOf(doc: string): EditorState {
  const state = EditorState.create({ doc, extensions: markdown({ base: markdownLanguage, extensions: [mathSyntax] }) })
  ensureSyntaxTree(state, state.doc.length, 5000)
  return state
}

/** The math nodes of a document as `Name:text`. */
function mathNodes(doc: string): string[] {
  const state = stateOf(doc)
  const found: string[] = []
  ensureSyntaxTree(state, doc.length)?.iterate({
    enter: (node) => {
      if (node.name === 'InlineMath' || node.name === 'BlockMath') found.push(`${node.name}:${doc.slice(node.from, node.to)}`)
    },
  })
  return found
}

function nodeNamesIn(doc: string, from: number, to: number): Set<string> {
  const names = new Set<string>()
  ensureSyntaxTree(stateOf(doc), doc.length)?.iterate({ from, to, enter: (node) => void names.add(node.name) })
  return names
}

describe('the editor’s math syntax', () => {
  it.each([
    ['dollars', 'a $x_1 * y_2$ b', ['InlineMath:$x_1 * y_2$']],
    ['backslash parentheses', 'a \\(x_1 * y_2\\) b', ['InlineMath:\\(x_1 * y_2\\)']],
    ['display math inside a paragraph', 'a $$x$$ and \\[y\\] b', ['InlineMath:$$x$$', 'InlineMath:\\[y\\]']],
    ['a price, which is prose', 'it costs $5 and $6', []],
  ])('finds inline math in %s', (_name, doc, nodes) => {
    expect(mathNodes(doc)).toEqual(nodes)
  })

  it.each([
    ['$$ lines', 'p\n\n$$\nx_1\n$$\n\nq', 'BlockMath:$$\nx_1\n$$'],
    ['\\[ lines', '\\[\na_{b}\n\\]', 'BlockMath:\\[\na_{b}\n\\]'],
    ['an environment', '\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}', 'BlockMath:\\begin{align}\na &= b \\\\\nc &= d\n\\end{align}'],
  ])('finds block math in %s', (_name, doc, node) => {
    expect(mathNodes(doc)).toEqual([node])
  })

  it('stops an unclosed block formula at a blank line', () => {
    expect(mathNodes('\\[\nx\n\n# Heading')).toEqual(['BlockMath:\\[\nx'])
  })

  it('reads no emphasis, escapes or links inside a formula', () => {
    const doc = 'see \\( a_{1} * b_{2} * \\{c\\} [d] \\) end'
    const names = nodeNamesIn(doc, 5, doc.indexOf('end') - 2)
    for (const markdownNode of ['Emphasis', 'Escape', 'Link', 'EmphasisMark']) expect(names.has(markdownNode)).toBe(false)
  })

  it('matches brackets inside math in every delimiter', () => {
    for (const doc of ['$\\frac{a}{(b+c)}$', '\\(\\frac{a}{(b+c)}\\)', '\\[\n\\frac{a}{(b+c)}\n\\]', '$$\n\\frac{a}{(b+c)}\n$$']) {
      const state = stateOf(doc)
      const open = doc.indexOf('{(')
      const match = matchBrackets(state, open, 1)
      expect(match, doc).toMatchObject({ matched: true, end: { from: doc.indexOf(')}') + 1 } })
      const paren = matchBrackets(state, open + 1, 1)
      expect(paren, doc).toMatchObject({ matched: true, end: { from: doc.indexOf(')}') } })
    }
  })
})
