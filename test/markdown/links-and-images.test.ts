import { describe, expect, it } from 'vitest'
import { classifyLink, resolveImageSource } from '../../src-shared/markdown'
import { renderOnce } from './support'

describe('links and images', () => {
  it.each([
    ['resolves a relative image against the post folder', 'pic.png', 'algo/post.md', 'lemma-asset://vault/algo/pic.png'],
    ['resolves a parent-relative image', '../img/a%20b.png', 'algo/post.md', 'lemma-asset://vault/img/a%20b.png'],
    ['resolves a root-relative image against the vault root', '/images/2020/x.png', 'algo/post.md', 'lemma-asset://vault/images/2020/x.png'],
    ['encodes Chinese file names', '图片.png', '', `lemma-asset://vault/${encodeURIComponent('图片')}.png`],
  ])('%s', (_name, src, postPath, url) => {
    expect(resolveImageSource(src, postPath)).toMatchObject({ type: 'asset', url })
  })

  it.each([
    ['an http image is remote', 'http://evil.example/x.png', 'remote'],
    ['an https image is remote', 'https://evil.example/x.png', 'remote'],
    ['a protocol-relative image is remote', '//evil.example/x.png', 'remote'],
    ['a file URL is invalid', 'file:///etc/passwd', 'invalid'],
    ['a javascript URL is invalid', 'javascript:alert(1)', 'invalid'],
    ['an SVG data URL is invalid', 'data:image/svg+xml;base64,PHN2Zz4=', 'invalid'],
    ['a path escaping the vault is invalid', '../../../etc/passwd', 'invalid'],
    ['a PNG data URL is kept', 'data:image/png;base64,iVBORw0KGgo=', 'data'],
  ])('%s', (_name, src, type) => {
    expect(resolveImageSource(src, 'a/post.md').type).toBe(type)
  })

  it.each([
    ['a relative .md link is a post', '../b/c.md#sec', { type: 'post', path: 'b/c.md', fragment: 'sec' }],
    ['an https link is external', 'https://x.org', { type: 'external', url: 'https://x.org' }],
    ['a mailto link is external', 'mailto:a@b.c', { type: 'external', url: 'mailto:a@b.c' }],
    ['a hash link is an anchor', '#fn-1', { type: 'anchor', fragment: 'fn-1' }],
    ['a relative PDF is inert', 'paper.pdf', { type: 'other' }],
  ])('%s', (_name, href, expected) => {
    expect(classifyLink(href, 'a/post.md')).toEqual(expected)
  })

  it('marks wiki links, post links and external links for the preview to handle', () => {
    const html = renderOnce('[[Other Post|see]] [[深入理解梯度]] [next](next.md) [site](https://example.com)\n', { postPath: 'notes/a.md' })
    expect(html).toContain('data-post-link="Other Post" data-link-kind="wiki">see</a>')
    expect(html).toContain('data-post-link="深入理解梯度" data-link-kind="wiki">深入理解梯度</a>')
    expect(html).toContain('data-post-link="notes/next.md" data-link-kind="path"')
    expect(html).toContain('data-external-link=""')
  })

  it('links [[#Heading]] to a heading of the same post, and leaves [[]] and [[#]] as text', () => {
    const html = renderOnce('[[#前向过程]] [[#Loss|the loss]] [[Post#Setup]] [[]] [[#]]\n')
    expect(html).toContain('data-post-link="" data-link-kind="wiki" data-link-fragment="前向过程">前向过程</a>')
    expect(html).toContain('data-post-link="" data-link-kind="wiki" data-link-fragment="Loss">the loss</a>')
    expect(html).toContain('data-post-link="Post" data-link-kind="wiki" data-link-fragment="Setup">Post#Setup</a>')
    expect(html).toContain('[[]] [[#]]')
  })

  it('replaces a remote image with a placeholder and never a javascript: link', () => {
    const html = renderOnce('![x](https://evil.example/t.png) [click](javascript:alert(1))\n')
    expect(html).not.toContain('<img')
    expect(html).toContain('class="image-blocked"')
    expect(html).not.toContain('href="javascript:')
  })
})
