import { describe, expect, it } from 'vitest'
import { extractLinks } from '../../src-main/vault/links'

describe('extractLinks', () => {
  it.each([
    ['a wiki link', 'see [[Bayes Theorem]]', ['Bayes Theorem']],
    ['a wiki link with an alias', '[[概率论|probability]]', ['概率论']],
    ['a wiki link to a heading', '[[Measure Theory#Sigma algebras]]', ['Measure Theory#Sigma algebras']],
    ['an escaped pipe in a table', '| [[A\\|alias]] |', ['A']],
    ['a relative Markdown link', '[next](other.md)', ['other.md']],
    ['a link up and across with a heading', '[x](../a/b.md#h)', ['../a/b.md#h']],
    ['a link in angle brackets with a title', '[x](<my notes/a b.md> "Title")', ['my notes/a b.md']],
    ['a .markdown link', '[x](a.MARKDOWN)', ['a.MARKDOWN']],
    ['a reference definition', '[ref]: notes/ref.md', ['notes/ref.md']],
    ['links in order, deduplicated', '[[B]] [a](a.md) [[B]] [again](a.md)', ['B', 'a.md']],
    ['a web link', '[site](https://example.com/a.md)', []],
    ['a mail link', '[me](mailto:me@example.com)', []],
    ['an anchor', '[up](#top)', []],
    ['a root-absolute path', '[x](/abs.md)', []],
    ['an image', '![plot](plot.md)', []],
    ['an embed', '![[diagram.png]]', []],
    ['a same-page heading', '[[#Heading]]', []],
    ['a link to a non-Markdown file', '[pdf](paper.pdf)', []],
    ['a link in a code span', 'use `[[Not a link]]` and `[x](y.md)`', []],
    ['a link after a code span', '`code` then [[Real]]', ['Real']],
    ['a link in a fenced block', '```\n[[Hidden]]\n```\n[[Shown]]', ['Shown']],
    ['a link in a tilde fence', '~~~md\n[x](hidden.md)\n~~~', []],
    ['nested brackets in the text', '[see [1]](ref.md)', ['ref.md']],
  ])('finds %s', (_name, body, links) => {
    expect(extractLinks(body)).toEqual(links)
  })
})
