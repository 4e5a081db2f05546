import { describe, expect, it } from 'vitest'
import { scanLinks } from '../../src-shared/search/scan-links'

const found = (text: string) => scanLinks(text).map((link) => ({
  kind: link.kind, target: link.target, heading: link.heading, written: text.slice(link.targetStart, link.targetEnd), line: link.line,
}))

describe('scanLinks', () => {
  it.each([
    ['a wiki link', '见 [[扩散模型]]。', [{ kind: 'wiki', target: '扩散模型', heading: null, written: '扩散模型', line: 1 }]],
    ['an alias', '[[KL散度|KL]]', [{ kind: 'wiki', target: 'KL散度', heading: null, written: 'KL散度', line: 1 }]],
    ['a heading', '[[Title #Proof|see]]', [{ kind: 'wiki', target: 'Title', heading: 'Proof', written: 'Title', line: 1 }]],
    ['an escaped pipe in a table', '| [[A\\|b]] |', [{ kind: 'wiki', target: 'A', heading: null, written: 'A', line: 1 }]],
    ['an embed', '![[Figure note]]', [{ kind: 'wiki', target: 'Figure note', heading: null, written: 'Figure note', line: 1 }]],
    ['a relative Markdown link', 'x\n[see](../ml/kl.md#定义)', [{ kind: 'markdown', target: '../ml/kl.md', heading: '定义', written: '../ml/kl.md', line: 2 }]],
    ['a bracketed destination', '[a](<my notes.md> "t")', [{ kind: 'markdown', target: 'my notes.md', heading: null, written: 'my notes.md', line: 1 }]],
    ['a reference definition', '[ref]: ./b.markdown', [{ kind: 'markdown', target: './b.markdown', heading: null, written: './b.markdown', line: 1 }]],
    ['a heading of the same post, with an empty target', '[[#前向过程]] [[ # Loss |the loss]]', [
      { kind: 'wiki', target: '', heading: '前向过程', written: '', line: 1 },
      { kind: 'wiki', target: '', heading: 'Loss', written: '', line: 1 },
    ]],
  ])('finds %s', (_, text, expected) => {
    expect(found(text)).toEqual(expected)
  })

  it.each([
    ['URLs', '[x](https://example.com/a.md)'],
    ['images', '![x](a.md)'],
    ['Markdown same-page anchors', '[x](#top)'],
    ['wiki links with neither target nor heading, and embedded headings of the same post', '[[#]] [[ |x]] ![[#Figure]]'],
    ['non-Markdown files', '[x](a.pdf)'],
    ['root-absolute paths', '[x](/a.md)'],
    ['code spans', '`[[A]]`'],
    ['fenced code', '```\n[[A]]\n```'],
  ])('skips %s', (_, text) => {
    expect(scanLinks(text)).toEqual([])
  })
})
