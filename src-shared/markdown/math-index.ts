import { resplitBlocks, splitBlocks, type ChangedRange, type SourceBlock } from './block-splitter'
import {
  analyzeDisplayFormula,
  applyEquationNumbers,
  numberEquations,
  resolveTexReferences,
  stripLabels,
  type DisplayEquation,
  type EquationNumber,
  type NumberingMode,
} from './equation-numbering'
import { LruCache } from './lru-cache'
import { hasGlobalDefinition } from './macros'
import { scanMath, type MathRegion } from './math-scanner'

/** A formula of an indexed document: where it is, and the TeX to render for it. */
export interface IndexedFormula {
  /** Offsets are absolute in the indexed text. */
  region: MathRegion
  /** With its equation number built in and references resolved, exactly as the preview renders it. */
  tex: string
}

/** Every formula of a document with the numbering the preview gives it. */
export interface DocumentMathIndex {
  /** The indexed text. */
  readonly source: string
  /** Its top-level blocks (for the next incremental update). */
  readonly blocks: readonly SourceBlock[]
  readonly labels: ReadonlyMap<string, EquationNumber>
  /** Formulas with `\gdef`/`\global`/`\xdef`, in order (see {@link withDocumentDefinitions}). */
  readonly globalDefinitions: readonly string[]
  /** The formulas overlapping `from…to`, in order. */
  formulasIn(from: number, to: number): IndexedFormula[]
  /** The regions of the formulas overlapping `from…to`, in order (cheaper than {@link formulasIn}). */
  regionsIn(from: number, to: number): MathRegion[]
  /** All formulas' regions in order (computed on first use). */
  regions(): MathRegion[]
}

/** Keeps per-block scans between versions of a document; see {@link createMathIndexer}. */
export interface MathIndexer {
  /**
   * Indexes `source`. With `previous` (the index of the version before) and
   * optionally `change` (where they differ), only changed blocks are scanned again.
   */
  index(source: string, previous?: DocumentMathIndex, change?: ChangedRange): DocumentMathIndex
}

interface BlockMath {
  /** Relative to the block. */
  regions: MathRegion[]
  contents: string[]
  /** For each region, its index among the block's display formulas, or -1. */
  displayIndex: number[]
  displays: DisplayEquation[]
  globalDefinitions: string[]
}

const NO_MATH: BlockMath = { regions: [], contents: [], displayIndex: [], displays: [], globalDefinitions: [] }

/**
 * Creates an indexer for the editor's math widgets: formulas are found with
 * {@link scanMath} block by block (a block boundary never cuts a formula) and
 * numbered with the preview's rules, so widgets show the preview's numbers. Blocks
 * are cached by text, so an edit costs the changed block plus one pass over the
 * blocks, never a scan of the whole post.
 */
export function createMathIndexer(mode: NumberingMode = 'auto'): MathIndexer {
  const cache = new LruCache<string, BlockMath>(4096)
  const blockMaths = new WeakMap<DocumentMathIndex, BlockMath[]>()
  const scanBlock = (block: SourceBlock): BlockMath => {
    if (block.isFrontMatter) return NO_MATH
    let math = cache.get(block.text)
    if (!math) {
      const text = block.text
      const regions = scanMath(text)
      const contents = regions.map((region) => texOfRegion(text, region))
      const displays: DisplayEquation[] = []
      const displayIndex = regions.map((region, i) => (region.isDisplay ? displays.push(analyzeDisplayFormula(contents[i])) - 1 : -1))
      math = regions.length === 0 ? NO_MATH : { regions, contents, displayIndex, displays, globalDefinitions: contents.filter(hasGlobalDefinition) }
      cache.set(text, math)
    }
    return math
  }

  return {
    index(source, previous, change) {
      const split = previous ? resplitBlocks(previous.source, previous.blocks, source, change) : null
      const blocks = split ? split.blocks : splitBlocks(source)
      if (cache.capacity < blocks.length * 2) cache.capacity = blocks.length * 2
      const previousMaths = previous && blockMaths.get(previous)
      const maths = blocks.map((block, i) => {
        const reused = split && previousMaths ? split.reusedFrom[i] : -1
        return reused >= 0 && previousMaths ? previousMaths[reused] : scanBlock(block)
      })
      const displayOffsets = new Int32Array(blocks.length)
      const displays: DisplayEquation[] = []
      const globalDefinitions: string[] = []
      for (let b = 0; b < maths.length; b++) {
        const math = maths[b]
        displayOffsets[b] = displays.length
        for (const display of math.displays) displays.push(display)
        for (const definition of math.globalDefinitions) globalDefinitions.push(definition)
      }
      const numbering = numberEquations(displays, mode)
      const absolute = (b: number, i: number): MathRegion => {
        const r = maths[b].regions[i]
        const at = blocks[b].from
        return { ...r, from: r.from + at, to: r.to + at, contentFrom: r.contentFrom + at, contentTo: r.contentTo + at }
      }
      const eachIn = (from: number, to: number, visit: (block: number, i: number, region: MathRegion) => void) => {
        // The last block starting at or before `from`, then forward until past `to`.
        let lo = 0
        let hi = blocks.length - 1
        let b = 0
        while (lo <= hi) {
          const mid = (lo + hi) >> 1
          if (blocks[mid].from <= from) {
            b = mid
            lo = mid + 1
          } else {
            hi = mid - 1
          }
        }
        for (; b < blocks.length && blocks[b].from <= to; b++) {
          for (let i = 0; i < maths[b].regions.length; i++) {
            const region = absolute(b, i)
            if (region.to >= from && region.from <= to) visit(b, i, region)
          }
        }
      }
      let allRegions: MathRegion[] | null = null
      const index: DocumentMathIndex = {
        source,
        blocks,
        labels: numbering.labels,
        globalDefinitions,
        formulasIn(from, to) {
          const formulas: IndexedFormula[] = []
          eachIn(from, to, (b, i, region) => {
            const math = maths[b]
            const display = math.displayIndex[i]
            const tex = math.contents[i]
            const numbered = display < 0 ? stripLabels(tex) : applyEquationNumbers(tex, numbering.numbers[displayOffsets[b] + display])
            formulas.push({ region, tex: resolveTexReferences(numbered, numbering.labels) })
          })
          return formulas
        },
        regionsIn(from, to) {
          const regions: MathRegion[] = []
          eachIn(from, to, (_b, _i, region) => regions.push(region))
          return regions
        },
        regions() {
          allRegions ??= maths.flatMap((math, b) => math.regions.map((_, i) => absolute(b, i)))
          return allRegions
        },
      }
      blockMaths.set(index, maths)
      return index
    },
  }
}

/**
 * The TeX of a formula as the preview's parser reads it: block formulas lose the
 * indentation (and blockquote markers) of their lines and surrounding blank space.
 */
function texOfRegion(text: string, region: MathRegion): string {
  const raw = text.slice(region.contentFrom, region.contentTo)
  if (!region.isBlock || !raw.includes('\n')) return region.isBlock ? raw.trim() : raw
  const lineStart = text.lastIndexOf('\n', region.from - 1) + 1
  const isQuoted = /^[ \t]*>/.test(text.slice(lineStart, region.from))
  const prefix = isQuoted ? /^[ \t]*(>[ \t]?)*/ : /^[ \t]*/
  return raw
    .split('\n')
    .map((line) => line.replace(prefix, ''))
    .join('\n')
    .trim()
}

/** Indexes a document once (no caches kept); see {@link createMathIndexer}. */
export function indexDocumentMath(source: string, mode: NumberingMode = 'auto'): DocumentMathIndex {
  return createMathIndexer(mode).index(source)
}
