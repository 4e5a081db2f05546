import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodeText } from '../vault/text-codec'
import { SegmentBuilder, type IndexSegment } from './index-segment'
import type { IndexedPost } from './inverted-index'
import { analyzeFile, type PostMeta, type SearchDoc } from './search-document'

/** A freshly built index: post `i` of `posts` and `docs` has id `i` in `segment`. */
export interface BuiltIndex {
  segment: IndexSegment
  posts: IndexedPost[]
  docs: SearchDoc[]
}

/** How {@link buildSearchIndex} reads files and reports. */
export interface BuildOptions {
  /** Reads a file's text; by default its bytes, decoded as the vault core does (BOM and CRLF removed). */
  readText?: (absolute: string) => string
  /** Called every few hundred posts and at the end. */
  onProgress?: (done: number, total: number) => void
  /**
   * Called between slices of about 10 ms; awaiting it lets other work run when
   * building in the main process. Absent in the worker, which need not yield.
   */
  yieldToEvents?: () => Promise<void>
  /** Checked between posts; true stops the build (the promise rejects). */
  isCancelled?: () => boolean
}

const PROGRESS_EVERY = 250
const SLICE_MS = 10

/**
 * Reads and indexes every post of `metas` under `root` into one packed segment.
 * A file that cannot be read is left out (the next reconciliation retries it).
 * About 6 s for 10,000 posts (121 MB) on one core; run it in the search worker.
 */
export async function buildSearchIndex(root: string, metas: readonly PostMeta[], options: BuildOptions = {}): Promise<BuiltIndex> {
  const readText = options.readText ?? ((absolute: string) => decodeText(readFileSync(absolute)).text)
  const builder = new SegmentBuilder()
  const posts: IndexedPost[] = []
  const docs: SearchDoc[] = []
  let sliceStart = performance.now()
  for (let i = 0; i < metas.length; i++) {
    if (options.isCancelled?.()) throw new Error('The search index build was cancelled')
    const meta = metas[i]
    let text: string
    try {
      text = readText(join(root, meta.path))
    } catch {
      continue
    }
    const { doc, analyzed } = analyzeFile(meta, text)
    builder.addPost(posts.length, analyzed.weights, analyzed.junctions)
    posts.push({ path: meta.path, length: analyzed.length, date: meta.date })
    docs.push(doc)
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1, metas.length)
    if (options.yieldToEvents !== undefined && performance.now() - sliceStart > SLICE_MS) {
      await options.yieldToEvents()
      sliceStart = performance.now()
    }
  }
  options.onProgress?.(metas.length, metas.length)
  return { segment: builder.finish(), posts, docs }
}
