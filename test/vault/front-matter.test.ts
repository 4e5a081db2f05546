import { afterEach, describe, expect, it } from 'vitest'
import { parsePost, type ParsedPost } from '../../src-main/vault/front-matter'

const birth = Date.UTC(2020, 0, 1)
const modified = Date.UTC(2021, 5, 15)
const file = (relPath = 'notes/post.md') => ({ relPath, birthtimeMs: birth, mtimeMs: modified })
const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(y, m - 1, d, h, min, s).toISOString()
const parse = (text: string, relPath?: string) => parsePost(text, file(relPath))

describe('parsePost on real-looking front matter', () => {
  it.each<[string, string, Partial<ParsedPost>]>([
    [
      'Hexo with nested categories and a one-digit month',
      '---\ntitle: 随机过程笔记\ndate: 2013-7-13 20:46:25\ncategories: [[Diary, Life], Music]\ntags: [Math, 2013]\n---\n正文',
      {
        title: '随机过程笔记',
        date: local(2013, 7, 13, 20, 46, 25),
        updated: new Date(modified).toISOString(),
        categories: [['Diary', 'Life'], ['Music']],
        tags: ['Math', '2013'],
        isDraft: false,
        warnings: [],
      },
    ],
    [
      'Hexo with a category hierarchy as a block list',
      '---\ntitle: Measure\ncategories:\n  - Math\n  - Probability\ntags:\n  - measure\n---\n',
      { categories: [['Math', 'Probability']], tags: ['measure'] },
    ],
    [
      'Hugo with lastmod, draft and zoned ISO dates',
      '---\ntitle: "Two Pointers"\ndate: 2021-03-04T17:05:06+08:00\nlastmod: 2022-01-02T03:04:05Z\ndraft: true\ncategories: ["Math"]\ntags: ["algo", "array"]\n---\n',
      {
        title: 'Two Pointers',
        date: '2021-03-04T09:05:06.000Z',
        updated: '2022-01-02T03:04:05.000Z',
        isDraft: true,
        categories: [['Math']],
        tags: ['algo', 'array'],
      },
    ],
    [
      'Jekyll with category, space-separated tags and published: false',
      '---\nlayout: post\ntitle: Python tips\ndate: 2019-05-06 07:08:09 +0000\ncategory: Python\ntags: python tips\npublished: false\n---\n',
      {
        title: 'Python tips',
        date: '2019-05-06T07:08:09.000Z',
        categories: [['Python']],
        tags: ['python', 'tips'],
        isDraft: true,
      },
    ],
    [
      'comma-separated tags with Chinese commas',
      '---\ntags: 概率，统计, ML\n---\n',
      { tags: ['概率', '统计', 'ML'] },
    ],
    [
      'the updated key and a summary',
      '---\nupdated: 2022-02-02\nsummary: Short *summary*\n---\nBody',
      { updated: local(2022, 2, 2), excerpt: 'Short summary' },
    ],
    [
      'a front matter closed by ...',
      '---\ntitle: Dots\n...\nBody',
      { title: 'Dots', excerpt: 'Body' },
    ],
    [
      'CRLF line endings',
      '---\r\ntitle: Windows\r\ntags: [a]\r\n---\r\nBody\r\n',
      { title: 'Windows', tags: ['a'] },
    ],
    [
      'a BOM before the fence',
      '\ufeff---\ntitle: With BOM\n---\n',
      { title: 'With BOM', bodyStart: '\ufeff---\ntitle: With BOM\n---\n'.length },
    ],
    [
      'Hexo JSON front matter',
      ';;;\n"title": "JSON post",\n"tags": ["a"]\n;;;\nBody',
      { title: 'JSON post', tags: ['a'], warnings: [] },
    ],
    [
      'tab-indented Hexo lists',
      '---\ntitle: Tabs\ntags:\n\t- one\n\t- two\n---\n',
      { tags: ['one', 'two'], warnings: [] },
    ],
    [
      'capitalised keys',
      '---\nTitle: Obsidian note\nTags: [a]\n---\n',
      { title: 'Obsidian note', tags: ['a'] },
    ],
    [
      'a numeric title',
      '---\ntitle: 2048\n---\n',
      { title: '2048' },
    ],
    [
      'empty fields',
      '---\ntitle:\ndate:\ntags:\ncategories: ~\n---\n# Heading Title\n',
      { title: 'Heading Title', date: new Date(birth).toISOString(), tags: [], categories: [], warnings: [] },
    ],
  ])('reads %s', (_name, text, expected) => {
    expect(parse(text)).toMatchObject(expected)
  })
})

describe('parsePost fallbacks', () => {
  it.each([
    ['an ATX heading', '# 条件期望 *笔记*\n\ntext', '条件期望 笔记'],
    ['a setext heading', 'Setext Title\n============\n\ntext', 'Setext Title'],
    ['a heading after other text', 'intro\n\n# Later\n', 'Later'],
    ['a heading with a closing sequence', '#   Closed   ##\n', 'Closed'],
    ['a heading with math', '# The $\\sigma$-algebra\n', 'The $\\sigma$-algebra'],
    ['the file name when there is no level-1 heading', '## Section\n\ntext', 'post'],
    ['the file name when the heading is in code', '```\n# not a title\n```\n', 'post'],
    ['the file name for an empty file', '', 'post'],
  ])('takes the title from %s', (_name, text, title) => {
    expect(parse(text).title).toBe(title)
  })

  it('takes the dates from the file', () => {
    const parsed = parse('no front matter')
    expect(parsed.date).toBe(new Date(birth).toISOString())
    expect(parsed.updated).toBe(new Date(modified).toISOString())
  })

  it('uses the mtime as the date where the file system has no birth time', () => {
    expect(parsePost('x', { relPath: 'a.md', birthtimeMs: 0, mtimeMs: modified }).date).toBe(new Date(modified).toISOString())
  })

  it('treats a post in a _drafts folder as a draft', () => {
    expect(parse('x', 'source/_drafts/idea.md').isDraft).toBe(true)
    expect(parse('x', 'source/_posts/idea.md').isDraft).toBe(false)
  })

  it('strips the .markdown extension from a file-name title', () => {
    expect(parse('', 'a/Some Note.markdown').title).toBe('Some Note')
  })
})

describe('parsePost on bad front matter', () => {
  afterEach(() => {
    delete (globalThis as Record<string, unknown>).pwned
  })

  it.each([
    ['---js', '---js\n{ title: (globalThis.pwned = true, "x") }\n---\n# Safe\n'],
    ['---javascript', '---javascript\nglobalThis.pwned = true\nmodule.exports = { title: "x" }\n---\n# Safe\n'],
    ['---coffee', '---coffee\ntitle: do -> globalThis.pwned = true\n---\n# Safe\n'],
  ])('never evaluates %s front matter', (_name, text) => {
    const parsed = parse(text)
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
    expect(parsed.title).toBe('Safe')
    expect(parsed.warnings).toEqual([expect.objectContaining({ type: 'invalid-front-matter' })])
    expect(parsed.warnings[0].message).toContain('never run')
    expect(parsed.excerpt).toBe('Safe')
  })

  it('never runs YAML tags that other parsers would execute', () => {
    const parsed = parse('---\ntitle: !!js/function "function () { globalThis.pwned = true }"\n---\n')
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined()
    expect(typeof parsed.title).toBe('string')
  })

  it('skips TOML front matter with a warning', () => {
    const parsed = parse('+++\ntitle = "Hugo"\n+++\n# From heading\n')
    expect(parsed.title).toBe('From heading')
    expect(parsed.warnings[0].message).toContain('TOML')
    expect(parsed.wordCount).toBe(2)
  })

  it('keeps a post with invalid YAML, with a warning naming the line', () => {
    const parsed = parse('---\ntitle: ok\ntags: [unclosed\ndate: 2020-01-01\n---\n# Still here\n')
    expect(parsed.title).toBe('Still here')
    expect(parsed.date).toBe(new Date(birth).toISOString())
    expect(parsed.warnings).toHaveLength(1)
    expect(parsed.warnings[0]).toMatchObject({ type: 'invalid-front-matter' })
    expect(parsed.warnings[0].message).toMatch(/^Front matter is not valid YAML \(line \d\): /)
  })

  it.each([
    ['an impossible date', 'date: 2023-02-30', 'date "2023-02-30" is not a real date; using the file\'s date'],
    ['a word as a date', 'date: hello', 'date "hello" is not a real date'],
  ])('falls back on %s with a warning', (_name, line, message) => {
    const parsed = parse(`---\ntitle: Kept\n${line}\n---\n`)
    expect(parsed.title).toBe('Kept')
    expect(parsed.date).toBe(new Date(birth).toISOString())
    expect(parsed.warnings).toEqual([{ type: 'invalid-date', message: expect.stringContaining(message) }])
  })

  it('names lastmod in its warning', () => {
    expect(parse('---\nlastmod: soon\n---\n').warnings[0].message).toContain('lastmod "soon"')
  })

  it.each([
    ['a list', '- a\n- b'],
    ['a plain string', 'just text'],
  ])('warns when the front matter is %s', (_name, yaml) => {
    const parsed = parse(`---\n${yaml}\n---\n`)
    expect(parsed.warnings[0]).toMatchObject({ type: 'invalid-front-matter' })
  })

  it('warns about fields of the wrong shape and ignores them', () => {
    const parsed = parse('---\ntitle:\n  nested: map\ntags:\n  key: value\ncategories:\n  - {a: b}\n---\n# H\n')
    expect(parsed).toMatchObject({ title: 'H', tags: [], categories: [] })
    expect(parsed.warnings.map((warning) => warning.type)).toEqual(['invalid-field', 'invalid-field', 'invalid-field'])
  })

  it('warns about a front matter that is never closed and reads the file as Markdown', () => {
    const parsed = parse('---\ntitle: open\n\n# Heading\n')
    expect(parsed.title).toBe('Heading')
    expect(parsed.bodyStart).toBe(0)
    expect(parsed.warnings[0].message).toContain('never closed')
  })

  it('does not take a thematic break of four dashes for front matter', () => {
    const parsed = parse('----\n\ntext')
    expect(parsed.warnings).toEqual([])
  })

  it('survives a billion-laughs alias bomb', () => {
    const bomb = '---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n---\n# Bomb\n'
    const parsed = parse(bomb)
    expect(parsed.title).toBe('Bomb')
    expect(parsed.warnings[0].type).toBe('invalid-front-matter')
  })
})

describe('parsePost body facts', () => {
  it('points bodyStart just past the closing fence', () => {
    const text = '---\ntitle: x\n---\nBody'
    expect(text.slice(parse(text).bodyStart)).toBe('Body')
  })

  it('counts words of the body only', () => {
    expect(parse('---\ntitle: many words in the title\n---\n我爱 math and 数学').wordCount).toBe(6)
  })

  it('collects links of the body', () => {
    expect(parse('---\ntitle: "[[Not]]"\n---\nsee [[Bayes]] and [x](other.md)').links).toEqual(['Bayes', 'other.md'])
  })

  it('uses the more marker before the front-matter excerpt', () => {
    expect(parse('---\nexcerpt: From front matter\n---\nLead.\n<!-- more -->\nRest').excerpt).toBe('Lead.')
  })

  it.each([
    ['a string, kept as written', 'macros: "\\\\newcommand{\\\\R}{\\\\mathbb{R}}"', '\\newcommand{\\R}{\\mathbb{R}}'],
    ['a map', "macros:\n  \\R: \\mathbb{R}\n  \\norm: '\\lVert #1 \\rVert'", '\\gdef\\R{\\mathbb{R}}\n\\gdef\\norm#1{\\lVert #1 \\rVert}'],
    ['a map without backslashes', 'macros:\n  E: \\mathbb{E}', '\\gdef\\E{\\mathbb{E}}'],
    ['a MathJax-style array', 'macros:\n  pair: ["(#1, #2)", 2]', '\\gdef\\pair#1#2{(#1, #2)}'],
  ])('reads macros given as %s', (_name, yaml, macros) => {
    expect(parse(`---\n${yaml}\n---\n`).macros).toBe(macros)
  })

  it('skips macros with bad names, with a warning', () => {
    const parsed = parse('---\nmacros:\n  "bad name": x\n  ok: y\n---\n')
    expect(parsed.macros).toBe('\\gdef\\ok{y}')
    expect(parsed.warnings[0].message).toContain('"bad name"')
  })
})

describe('parsePost on hostile text', () => {
  // No timing assertion (see STYLE.md): these finish in milliseconds and would hang on quadratic scans.
  it.each([
    ['unmatched brackets', '['.repeat(100_000)],
    ['unmatched wiki links', '[['.repeat(50_000)],
    ['unmatched dollars', '$5 '.repeat(30_000)],
    ['unmatched \\(', '\\('.repeat(50_000)],
    ['a link with endless spaces', '[a](' + ' '.repeat(100_000)],
    ['backtick runs', '` `` ``` '.repeat(10_000)],
    ['an unclosed front matter', '---\n' + 'a: b\n'.repeat(20_000)],
  ])('parses %s', (_name, text) => {
    const parsed = parse(text)
    expect(parsed.title).toBeTypeOf('string')
    expect(parsed.excerpt.length).toBeLessThan(1200)
  })
})
