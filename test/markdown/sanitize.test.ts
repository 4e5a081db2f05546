import { JSDOM } from 'jsdom'
import type { WindowLike } from 'dompurify'
import { afterAll, describe, expect, it } from 'vitest'
import { createIncrementalRenderer } from '../../src-shared/markdown'
import { createSanitizer } from '../../src-renderer/features/preview/sanitize'

const dom = new JSDOM('')
afterAll(() => dom.window.close())
const sanitize = createSanitizer({ postPath: 'notes/post.md', window: dom.window as unknown as WindowLike })

/** Renders a post through the real pipeline with the preview's sanitizer. */
function render(source: string): string {
  return createIncrementalRenderer({ sanitize, postPath: 'notes/post.md' }).render(source).blocks.map((b) => b.html).join('')
}

describe('the preview sanitizer', () => {
  it.each([
    ['a script element', '<script>alert(1)</script>', /<script/i],
    ['an onerror handler', '<img src="x.png" onerror="alert(1)">', /onerror/i],
    ['an onclick handler', '<div onclick="alert(1)">x</div>', /onclick/i],
    ['a javascript: link', '<a href="javascript:alert(1)">x</a>', /href="javascript:/i],
    ['a Markdown javascript: link', '[x](javascript:alert(1))', /href="javascript:/i],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['an object', '<object data="x.swf"></object>', /<object/i],
    ['a form', '<form action="https://evil.example"><input name="a"></form>', /<form|<input/i],
    ['a style element', '<style>body{display:none}</style>', /<style/i],
    ['a style attribute', '<p style="position:fixed">x</p>', /style=/i],
    ['an SVG with script', '<svg><script>alert(1)</script></svg>', /<svg|<script/i],
    ['a meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example">', /<meta/i],
    ['a link target', '<a href="https://x.org" target="_blank">x</a>', /target=/i],
  ])('removes %s', (_name, source, forbidden) => {
    expect(render(`${source}\n`)).not.toMatch(forbidden)
  })

  it('never loads a remote image', () => {
    const html = render('<img src="https://evil.example/track.png" alt="t">\n\n![m](http://evil.example/m.png)\n')
    expect(html).not.toMatch(/src="[^"]*evil/)
    expect(html).toContain('image-blocked')
  })

  it('serves folder images through the asset scheme', () => {
    const html = render('<img src="../img/a.png" alt="a">\n\n![b](b.png)\n')
    expect(html).toContain('src="lemma-asset://vault/img/a.png"')
    expect(html).toContain('src="lemma-asset://vault/notes/b.png"')
  })

  it('keeps KaTeX output intact by inserting it after sanitizing', () => {
    const html = render('Inline $\\frac{a}{b}$ and <b>bold</b>.\n\n$$\n\\sqrt{x}\n$$\n')
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">')
    expect(html).toContain('style="height:')
    expect(html).toContain('<b>bold</b>')
  })

  it('keeps the attributes the preview relies on', () => {
    const html = render('[[Other]] [ext](https://x.org) \\eqref{a}\n\n$$\nx \\label{a}\n$$\n\n| a |\n|--:|\n| 1 |\n')
    expect(html).toContain('data-post-link="Other"')
    expect(html).toContain('data-external-link=""')
    expect(html).toContain('data-eq-ref="a"')
    expect(html).toContain('data-line-offset="0"')
    expect(html).toContain('class="align-right"')
  })
})
