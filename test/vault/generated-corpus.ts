import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { walkMarkdownFiles } from '../../src-main/vault/walk'
import { generateCorpus } from '../support/corpus'

/** One post of {@link generatedPosts}. */
export interface GeneratedPost {
  relative: string
  bytes: Buffer
}

/** The posts of the shared corpus generator (`../shared/corpus/gen-corpus.mjs`) for `n` posts and `seed`. */
export async function generatedPosts(n: number, seed: number): Promise<GeneratedPost[]> {
  const root = await mkdtemp(join(tmpdir(), 'lemma-generated-'))
  try {
    generateCorpus(n, seed, root)
    const files = await walkMarkdownFiles(root)
    return await Promise.all(files.map(async (file) => ({ relative: file.relative, bytes: await readFile(file.absolute) })))
  } finally {
    await rm(root, { recursive: true, force: true })
  }
}

/**
 * Variants of a post that stress the edges of the parsers: CRLF line endings, a BOM,
 * no front matter, tab indentation, a stray invalid UTF-8 byte, astral and unusual
 * whitespace characters, a `<!-- more -->` marker, a missing title, a front matter
 * that is never closed.
 */
export function hostileVariants(post: GeneratedPost, index: number): GeneratedPost[] {
  const text = post.bytes.toString('utf8')
  const end = text.indexOf('\n---\n', 4)
  const front = text.slice(0, end + 5)
  const body = text.slice(end + 5)
  const middle = body.indexOf('\n\n', body.length >> 1)
  const at = middle === -1 ? body.length : middle
  const variant = (name: string, content: string | Buffer): GeneratedPost => ({
    relative: `${post.relative.replace(/\.md$/, '')}.${name}.md`,
    bytes: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  })
  const variants = [
    variant('crlf', text.replaceAll('\n', '\r\n')),
    variant('bom', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), post.bytes])),
    variant('bare', body),
    variant('tabs', text.replaceAll('\n  - ', '\n\t- ')),
    variant('invalid', Buffer.concat([Buffer.from(front + body.slice(0, at)), Buffer.from([0xe4, 0xb8, 0x0a, 0xff]), Buffer.from(body.slice(at))])),
    variant('astral', front + body.slice(0, at) + ' 𠀀𝐀x 😀a\u3000b\u00a0c\u2003d \ufeffe ``` \u3000```\n' + body.slice(at)),
    variant('more', front + body.slice(0, at) + '\n<!--  MORE -->\n' + body.slice(at)),
    variant('untitled', text.replace(/^title:.*\n/m, '')),
    variant('headed', text.replace(/^title:.*\n/m, '').replace('\n---\n\n', '\n---\n\n# Heading $x^2$ [[Link]]\n\n')),
    variant('unclosed', front.replace(/\n---\n$/, '\n') + body),
    variant('quirky', front.replace('---\n', `---\n# comment\nkey${index}: "a \\"b\\""\nlist: [a, b]\n`) + body),
    variant('fence-first', front + '```js\nlet a = [b](c.md)\n```\n' + body),
  ]
  return variants
}
