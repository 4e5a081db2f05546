import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { renderOnce } from '../markdown/support'
import { externalHost, previewPostLink } from '../../src-renderer/features/preview/post-links'
import { markUnresolvedLinks, previewLinks, UNRESOLVED_LINK_CLASS } from '../../src-renderer/features/preview/mark-links'

const { document } = new JSDOM('').window

function anchor(html: string): HTMLAnchorElement {
  const host = document.createElement('div')
  host.innerHTML = html
  return host.querySelector('a')!
}

describe('previewPostLink', () => {
  it.each([
    ['a wiki link', '<a href="#" data-post-link="DDPM" data-link-kind="wiki">x</a>', { kind: 'wiki', target: 'DDPM', heading: null }],
    ['a wiki link to a heading', '<a href="#" data-post-link="扩散模型" data-link-kind="wiki" data-link-fragment="前向过程">x</a>', { kind: 'wiki', target: '扩散模型', heading: '前向过程' }],
    ['a wiki link within the post', '<a href="#" data-post-link="" data-link-kind="wiki" data-link-fragment="Loss">x</a>', { kind: 'wiki', target: '', heading: 'Loss' }],
    ['a relative link, as written', '<a href="../notes/Other%20Note.md#the-loss" data-post-link="notes/Other Note.md" data-link-kind="path">x</a>', { kind: 'markdown', target: '../notes/Other%20Note.md', heading: 'the-loss' }],
    ['a link climbing out of the folder', '<a href="../../../etc/passwd.md">x</a>', { kind: 'markdown', target: '../../../etc/passwd.md', heading: null }],
    ['a root-absolute link', '<a href="/etc/x.md">x</a>', { kind: 'markdown', target: '/etc/x.md', heading: null }],
  ])('reads %s', (_name, html, expected) => {
    expect(previewPostLink(anchor(html))).toEqual(expected)
  })

  it.each([
    ['an https link to a .md file', '<a href="https://example.com/a.md">x</a>'],
    ['a file: link', '<a href="file:///etc/a.md">x</a>'],
    ['a javascript: link', '<a href="javascript:alert(1)//.md">x</a>'],
    ['a same-post anchor', '<a href="#loss">x</a>'],
    ['a PDF', '<a href="paper.pdf">x</a>'],
  ])('ignores %s', (_name, html) => {
    expect(previewPostLink(anchor(html))).toBeNull()
  })
})

describe('markUnresolvedLinks', () => {
  it('marks links main could not resolve, with a hint, and unmarks resolved ones', () => {
    const root = document.createElement('div')
    root.innerHTML = renderOnce('[[Known]] [[Missing]] [[#Heading]] [a](missing.md)\n', { postPath: 'notes/a.md' })
    const links = previewLinks(root as unknown as HTMLElement)
    expect(links.map(({ link }) => link.target)).toEqual(['Known', 'Missing', 'missing.md'])
    markUnresolvedLinks(
      links,
      (link) =>
        link.target === 'Known'
          ? { isResolved: true, path: 'known.md', title: 'Known', heading: null }
          : link.target === 'Missing'
            ? { isResolved: false, target: 'Missing', heading: null, suggestedTitle: 'Missing' }
            : undefined,
      (_link, resolution) => `create ${resolution.suggestedTitle}`,
    )
    const [known, missing, unknown] = links.map(({ anchor }) => anchor)
    expect(known.classList.contains(UNRESOLVED_LINK_CLASS)).toBe(false)
    expect(missing.classList.contains(UNRESOLVED_LINK_CLASS)).toBe(true)
    expect(missing.title).toBe('create Missing')
    expect(unknown.classList.contains(UNRESOLVED_LINK_CLASS)).toBe(false)
  })
})

describe('externalHost', () => {
  it.each([
    ['https://arxiv.org/abs/2006.11239', 'arxiv.org'],
    ['http://localhost:8080/x', 'localhost:8080'],
    ['mailto:someone@example.com', 'someone@example.com'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, host) => {
    expect(externalHost(url)).toBe(host)
  })
})
