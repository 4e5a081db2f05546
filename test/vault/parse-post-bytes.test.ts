import { beforeAll, describe, expect, it } from 'vitest'
import { textOf } from '../../src-main/index-worker/parse-files'
import { parsePost } from '../../src-main/vault/front-matter'
import { parsePostBytes } from '../../src-main/vault/parse-post-bytes'
import { countWords, countWordsUtf8 } from '../../src-main/vault/word-count'
import { generatedPosts, hostileVariants, type GeneratedPost } from './generated-corpus'
import { TRICKY_WORD_TEXTS } from './word-samples'

const info = (relPath: string) => ({ relPath, birthtimeMs: Date.UTC(2020, 0, 1), mtimeMs: Date.UTC(2021, 5, 15) })
const expectSameAsText = (relPath: string, bytes: Buffer) => {
  expect(parsePostBytes(bytes, info(relPath)), relPath).toStrictEqual(parsePost(textOf(bytes), info(relPath)))
}

describe('parsePostBytes', () => {
  let posts: GeneratedPost[] = []
  beforeAll(async () => {
    posts = await generatedPosts(200, 23)
  })

  it('reads every generated post exactly as parsePost reads its text', () => {
    for (const post of posts) expectSameAsText(post.relative, post.bytes)
  })

  it('reads hostile variants of generated posts exactly as parsePost does', () => {
    posts.forEach((post, index) => {
      for (const variant of hostileVariants(post, index)) expectSameAsText(variant.relative, variant.bytes)
    })
  })

  it.each([
    ['an empty file', ''],
    ['only a BOM', '\ufeff'],
    ['two BOMs', '\ufeff\ufeff# Title\n'],
    ['front matter without a newline at the end', '---\ntitle: a\n---'],
    ['front matter closed by ...', '---\ntitle: a\n...\nbody [x](y.md)'],
    ['a never-closed front matter longer than the first read', `---\ntitle: a\n${'x: y\n'.repeat(2000)}`],
    ['a front matter longer than the first read', `---\n${'k: v\n'.repeat(1000)}title: long\n---\nbody [[Link]]\n`],
    ['a thematic break of four dashes', '----\ntitle: a\n----\ntext'],
    ['a fence that is never closed', '---\ntitle: a\n---\n```\n[x](y.md)\n'],
    ['a fence closed by padded full-width spaces', '---\ntitle: a\n---\n~~~\n[x](a.md)\n\u3000~~~\u3000\n[x](b.md)\n'],
    ['a more marker with unusual spaces', `---\ntitle: a\n---\n${'word '.repeat(900)}\n<!--\u3000More\r\n-->\nrest`],
    ['a comment that is not a more marker', `---\ntitle: a\n---\n<!-- more than this -->\n${'段落'.repeat(3000)}`],
    ['a long first paragraph', `---\ntitle: a\n---\n${'长句子 with $x^2$ and [link](a.md) '.repeat(300)}\n\nnext`],
    ['a long formula at the start', `---\ntitle: a\n---\n$$\n${'x + '.repeat(3000)}\n$$\ntext`],
    ['CRLF everywhere', '---\r\ntitle: a\r\n---\r\n\r\nline\r\n\r\n[x](a.md)\r\n'.repeat(3)],
    ['lone carriage returns', '---\ntitle: a\n---\ntext\r\r\nmore\r[x](a.md)\r\n'],
    ['links after text on the same line', '---\ntitle: a\n---\n长段落 text ![[embed]] then [[Real|alias]] and ![img](i.md) [x](b.md)\n'],
    ['a definition-like tail after text', '---\ntitle: a\n---\nsee [a]: b.md\n   [c]: d.md\n    [e]: f.md\n'],
    ['a code span before a link', '---\ntitle: a\n---\n前 `code [[Hidden]]` [[Shown]] `open [[Open]]\n'],
    ['a closing fence far from the opening', `---\ntitle: a\n${'k: v\n'.repeat(10)}----\nnot: closed\n---\nbody [[L]]\n`],
    ['front matter closed by dots before dashes', '---\ntitle: a\n...\n---\nbody'],
    ['JSON front matter', ';;;\n"title": "j"\n;;;\nbody [[J]]'],
    ['TOML front matter', '+++\ntitle = "t"\n+++\nbody'],
    ['no title and a late heading', `text\n\n${'filler '.repeat(1000)}\n\n# Late $y$ title\n`],
  ])('reads %s exactly as parsePost does', (_name, text) => {
    expectSameAsText('notes/edge.md', Buffer.from(text, 'utf8'))
  })

  it('takes the text path for bytes that are not UTF-8', () => {
    const bytes = Buffer.concat([Buffer.from('---\ntitle: a\n---\n'), Buffer.from([0xc4, 0xe3, 0xba, 0xc3, 0x0a]), Buffer.from('[x](a.md)')])
    expectSameAsText('gbk.md', bytes)
  })
})

describe('countWordsUtf8', () => {
  it.each(TRICKY_WORD_TEXTS)('counts %j as countWords does', (text) => {
    const bytes = Buffer.from(text, 'utf8')
    expect(countWordsUtf8(bytes, 0, bytes.length)).toBe(countWords(text))
  })
})
