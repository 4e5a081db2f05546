import { parseDocument } from 'yaml'
import { describe, expect, it } from 'vitest'
import { readSimpleYaml } from '../../src-main/vault/simple-yaml'
import { generatedPosts } from './generated-corpus'

/** What the full parser makes of `source`, as `readFrontMatter` calls it; null when it reports errors. */
function fullParse(source: string): unknown {
  const document = parseDocument(source, { schema: 'failsafe', uniqueKeys: false, logLevel: 'silent' })
  return document.errors.length > 0 ? null : document.toJS({ maxAliasCount: 100 })
}

function expectSameAsFullParser(source: string): void {
  const simple = readSimpleYaml(source)
  if (simple !== null) expect(simple, JSON.stringify(source)).toStrictEqual(fullParse(source))
}

describe('readSimpleYaml', () => {
  it.each([
    ['title: Hello\n', { title: 'Hello' }],
    ['title: "随机过程: 笔记"\ndate: 2019-09-25 23:12:16\n', { title: '随机过程: 笔记', date: '2019-09-25 23:12:16' }],
    ["title: 'it is'\n", { title: 'it is' }],
    ['draft: true\nn: 12\nx: null\ny: ~\n', { draft: 'true', n: '12', x: 'null', y: '~' }],
    ['categories:\n  - 算法\ntags:\n  - a\n  - b b\n', { categories: ['算法'], tags: ['a', 'b b'] }],
    ['tags:\n- a\n- b\n', { tags: ['a', 'b'] }],
    ['a:\nb: c\n', { a: '', b: 'c' }],
    ['a: C#, C++ [x] {y} a:b\n', { a: 'C#, C++ [x] {y} a:b' }],
    ['\na: b\n\nc: d\n', { a: 'b', c: 'd' }],
  ])('reads %j', (source, expected) => {
    expect(readSimpleYaml(source)).toStrictEqual(expected)
    expect(fullParse(source)).toStrictEqual(expected)
  })

  it.each([
    'title: a # comment\n',
    '# comment\ntitle: a\n',
    'title: a\ntitle: b\n',
    'title: "a \\"b\\""\n',
    'tags: [a, b]\n',
    'a: {x: 1}\n',
    'a: &x b\nc: *x\n',
    'a: !!str b\n',
    'a: |\n  text\n',
    'a: b\n  continued\n',
    'a:\n  - x\n    - y\n',
    'a:\n  - x\n\n  - y\n',
    'a:\n  - - x\n',
    'a:\n  - k: v\n',
    'a: b:\n',
    'a: b \n',
    'a:  b\n',
    '__proto__: x\n',
    '"quoted key": x\n',
    'a: b\r\n',
    'a:\tb\n',
    '\n',
    '- a\n- b\n',
    'a: b\u2028c\n',
  ])('leaves %j to the full parser', (source) => {
    expect(readSimpleYaml(source)).toBeNull()
  })

  it('agrees with the yaml package on generated front matter and its mutations', async () => {
    const posts = await generatedPosts(300, 11)
    let simple = 0
    for (const post of posts) {
      const text = post.bytes.toString('utf8')
      const raw = text.slice(4, text.indexOf('\n---\n', 4) + 1)
      if (readSimpleYaml(raw) !== null) simple++
      expectSameAsFullParser(raw)
      for (const mutated of mutations(raw)) expectSameAsFullParser(mutated)
    }
    expect(simple).toBe(posts.length)
  })
})

/** Small edits of a front matter at the places where YAML is subtle. */
function mutations(raw: string): string[] {
  const pieces = [': ', ' #', '#', ':', '"', "'", '-', '- ', '  ', '[', '{', '\\', '~', '%', '@', '`', '!', '&', '*', '|', '>', '?', ',', 'é', '𠀀', '\u00a0', '\u3000']
  const out: string[] = []
  const lines = raw.split('\n')
  for (const piece of pieces) {
    for (let line = 0; line < lines.length - 1; line++) {
      const edited = [...lines]
      edited[line] = edited[line] + piece
      out.push(edited.join('\n'))
      const colon = edited[line].indexOf(': ')
      if (colon !== -1) {
        const atValue = [...lines]
        atValue[line] = lines[line].slice(0, colon + 2) + piece + lines[line].slice(colon + 2)
        out.push(atValue.join('\n'))
      }
    }
  }
  return out
}
