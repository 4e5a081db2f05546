import { readFile } from 'node:fs/promises'
import type { PostMeta } from '../../src-main/search/search-document'
import { parsePost } from '../../src-main/vault/front-matter'
import { decodeText } from '../../src-main/vault/text-codec'
import { walkMarkdownFiles } from '../../src-main/vault/walk'

/**
 * The posts of a folder as the metadata store would describe them (walk, then
 * front matter), without opening a store: what `VaultSearch.start` takes. Shared
 * by the search tests and the benchmark.
 */
export async function vaultPosts(root: string): Promise<PostMeta[]> {
  const files = await walkMarkdownFiles(root)
  const posts: PostMeta[] = []
  for (const file of files) {
    const text = decodeText(await readFile(file.absolute)).text
    const parsed = parsePost(text, { relPath: file.relative, birthtimeMs: file.birthtimeMs, mtimeMs: file.mtimeMs })
    posts.push({ path: file.relative, title: parsed.title, tags: parsed.tags, categories: parsed.categories, date: parsed.date, mtimeMs: file.mtimeMs, size: file.size })
  }
  return posts
}
