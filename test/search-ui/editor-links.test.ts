import { markdown, markdownLanguage } from '@codemirror/lang-markdown'
import { ensureSyntaxTree } from '@codemirror/language'
import { EditorState } from '@codemirror/state'
import { describe, expect, it } from 'vitest'
import { linkAt, linksInRange, sameDocumentLinkAt } from '../../src-renderer/editor/links/find-links'
import { locationRange } from '../../src-renderer/editor/links/reveal-location'
import { frontMatterSyntax } from '../../src-renderer/editor/front-matter-syntax'
import { mathSyntax } from '../../src-renderer/editor/math-syntax'
import { placeLocation } from '../../src-renderer/features/links/post-location'
import { snippetLocation } from '../../src-renderer/features/search/search-location'

function stateOf(doc: string): EditorState {
  const state = EditorState.create({ doc, extensions: markdown({ base: markdownLanguage, extensions: [frontMatterSyntax, mathSyntax] }) })
  ensureSyntaxTree(state, state.doc.length, 5000)
  return state
}

describe('links in the editor', () => {
  it('finds wiki links with aliases and headings, embeds and relative Markdown links', () => {
    const state = stateOf('See [[KL 散度|KL]], [[DDPM#Loss]] and ![[图]].\n[gen](../python/generators.md#send) and [web](https://x.org/a.md)')
    expect(linksInRange(state, 0, state.doc.length).map(({ kind, target, heading }) => [kind, target, heading])).toEqual([
      ['wiki', 'KL 散度', null],
      ['wiki', 'DDPM', 'Loss'],
      ['wiki', '图', null],
      ['markdown', '../python/generators.md', 'send'],
    ])
  })

  it('skips links in code, math and front matter', () => {
    const state = stateOf('---\ntitle: "[[not a link]]"\n---\n\n`[[code]]` and $[[x]]$\n\n```\n[[fenced]]\n```\n\n[[real]]\n')
    expect(linksInRange(state, 0, state.doc.length).map((link) => link.target)).toEqual(['real'])
  })

  it('finds the link under a position, ends included', () => {
    const state = stateOf('ab [[Title]] cd')
    expect(linkAt(state, 3)?.target).toBe('Title')
    expect(linkAt(state, 12)?.target).toBe('Title')
    expect(linkAt(state, 1)).toBeNull()
  })

  it('finds links to a heading of the same post, but not images, code or other posts', () => {
    const text = 'Go [[#前向过程]] or [[#Loss|the loss]], [up](#score-matching), `[[#code]]`, ![x](#img), [[Post#H]]'
    const state = stateOf(text)
    const at = (needle: string) => sameDocumentLinkAt(state, text.indexOf(needle) + 2)
    expect(at('[[#前向')).toMatchObject({ kind: 'wiki', target: '', heading: '前向过程', from: text.indexOf('[[#前向') })
    expect(at('[[#Loss')).toMatchObject({ kind: 'wiki', target: '', heading: 'Loss' })
    expect(at('[up]')).toMatchObject({ kind: 'markdown', target: '', heading: 'score-matching' })
    expect(at('`[[#code')).toBeNull()
    expect(at('![x]')).toBeNull()
    expect(at('[[Post')).toBeNull()
  })

  it('finds links to a heading of the same post among the links it draws', () => {
    const state = stateOf('Go [[#前向过程]] or [[#Loss|the loss]], `[[#code]]`, [[Post#H]]')
    expect(linksInRange(state, 0, state.doc.length).map(({ target, heading }) => [target, heading])).toEqual([['', '前向过程'], ['', 'Loss'], ['Post', 'H']])
    expect(linkAt(state, 5)).toMatchObject({ kind: 'wiki', target: '', heading: '前向过程', from: 3 })
  })
})

describe('locations to reveal', () => {
  const doc = stateOf('---\ntitle: T\n---\n\n# 引言\n\ntext with 扩散模型 here\n\n```\n# Not a heading\n```\n\n## Score Matching ##\n').doc

  it('selects a match by line, column and length', () => {
    const range = locationRange(doc, { type: 'range', line: 7, column: 10, length: 4 })!
    expect(doc.sliceString(range.from, range.to)).toBe('扩散模型')
  })

  it('clamps a match outside the document into it', () => {
    const range = locationRange(doc, { type: 'range', line: 999, column: 999, length: 5 })!
    expect(range.from).toBe(doc.length)
  })

  it('places a heading a link names at its line, and a missing one at the top', () => {
    const found = placeLocation(doc, { type: 'heading', heading: 'score  matching' })
    expect(found).toMatchObject({ line: 12, align: 'start', isHeading: true, missingHeading: null })
    const range = locationRange(doc, found.location)
    expect(doc.lineAt(range.from).text).toBe('## Score Matching ##')
    expect(range.to).toBe(range.from)
    expect(placeLocation(doc, { type: 'heading', heading: 'score-matching' }).line).toBe(12)
    expect(placeLocation(doc, { type: 'heading', heading: '引言' }).line).toBe(4)
    expect(placeLocation(doc, { type: 'heading', heading: 'Not a heading' })).toMatchObject({ line: 0, isHeading: false, missingHeading: 'Not a heading' })
  })

  it('centres a match', () => {
    expect(placeLocation(doc, { type: 'range', line: 7, column: 10, length: 4 })).toMatchObject({ line: 6, align: 'center', isHeading: false, missingHeading: null })
  })

  it('opens a snippet at its first match', () => {
    expect(snippetLocation({ text: 'x 扩散模型', ranges: [[2, 6]], line: 7, column: 10 })).toEqual({ type: 'range', line: 7, column: 10, length: 4 })
    expect(snippetLocation({ text: 'x', ranges: [], line: 3, column: 0 })).toEqual({ type: 'range', line: 3, column: 0, length: 0 })
  })
})
