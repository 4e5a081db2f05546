import { join } from 'node:path'
import { COMMAND_SPAN, scanTokenSpans } from '../../src-shared/search/tokenize'
import { decodeText } from '../vault/text-codec'
import { SegmentBuilder, type IndexSegment } from './index-segment'
import type { IndexedPost } from './inverted-index'
import { JunctionCollector } from './junction-keys'
import { commonKeys, SAMPLE_POSTS } from './phrase-signatures'
import { PostAnalyzer } from './post-analyzer'
import { ReusableFileReader } from './reusable-file-reader'
import { searchDocOf, type PostMeta, type SearchDoc } from './search-document'

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
  /**
   * When `metas` is a later part of a vault (see `buildInWorker`): the first posts
   * of the whole vault, whose first readable ones pick the common junction keys,
   * as they would in one build of the whole vault (see `SignatureBuilder`).
   */
  sample?: readonly PostMeta[]
}

const PROGRESS_EVERY = 250
const SLICE_MS = 10

/**
 * Reads and indexes every post of `metas` under `root` into one packed segment,
 * the same as adding each post's `analyzePost` to a `SegmentBuilder`, only faster
 * (see `PostAnalyzer`). A file that cannot be read is left out (the next
 * reconciliation retries it). About 5.5 s for 10,000 posts (121 MB) on one core;
 * `buildInWorker` splits it over worker threads.
 */
export async function buildSearchIndex(root: string, metas: readonly PostMeta[], options: BuildOptions = {}): Promise<BuiltIndex> {
  const readText = options.readText ?? fileTextReader()
  const common = options.sample === undefined ? undefined : sampleCommonKeys(root, options.sample, readText)
  const analyzer = new PostAnalyzer()
  const builder = new SegmentBuilder(common, analyzer.table)
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
    const analyzed = analyzer.analyze({ title: meta.title, tags: meta.tags, categories: meta.categories, text })
    builder.addNumberedPost(posts.length, analyzed.terms, analyzed.weights, analyzed.junctions)
    posts.push({ path: meta.path, length: analyzed.length, date: meta.date })
    docs.push(searchDocOf(meta, text))
    if ((i + 1) % PROGRESS_EVERY === 0) options.onProgress?.(i + 1, metas.length)
    if (options.yieldToEvents !== undefined && performance.now() - sliceStart > SLICE_MS) {
      await options.yieldToEvents()
      sliceStart = performance.now()
    }
  }
  options.onProgress?.(metas.length, metas.length)
  return { segment: builder.finish(), posts, docs }
}

/**
 * Reads files one after the other into one reused buffer (see `ReusableFileReader`),
 * decoded as the vault core does; throws when a file cannot be read.
 */
function fileTextReader(): (absolute: string) => string {
  const reader = new ReusableFileReader()
  return (absolute) => {
    const bytes = reader.read(absolute)
    if (bytes === null) throw new Error(`Cannot read ${absolute}`)
    return decodeText(bytes).text
  }
}

/** The common junction keys of the first {@link SAMPLE_POSTS} readable posts of `sample`. */
function sampleCommonKeys(root: string, sample: readonly PostMeta[], readText: (absolute: string) => string): Uint32Array {
  const keys: Uint32Array[] = []
  const collector = new JunctionCollector('')
  for (const meta of sample) {
    if (keys.length === SAMPLE_POSTS) break
    let text: string
    try {
      text = readText(join(root, meta.path))
    } catch {
      continue
    }
    collector.reset(text)
    scanTokenSpans(text, (kind, start, end) => { if (kind !== COMMAND_SPAN) collector.addSpan(start, end) })
    keys.push(collector.result())
  }
  return commonKeys(keys)
}
