/**
 * Lemma's one Markdown + math pipeline, used by the preview, the editor's math
 * widgets, feed excerpts and export. Pure TypeScript: no DOM, no Node.
 *
 * - {@link createIncrementalRenderer}: post source → HTML blocks, re-rendering only what changed.
 * - {@link scanMath}: where the formulas are in Markdown source (the editor's view of it).
 * - {@link createFormulaRenderer}: one formula → KaTeX HTML or an error chip, cached.
 * - {@link createMacroSet}: folder preamble + post macros → a KaTeX macro table.
 * - {@link indexDocumentMath}: equation numbers and labels from source, for the editor.
 */
export { analyzeBlock, type BlockAnalysis, type LinkDefinition } from './block-analysis'
export { assembleBlock, type BlockParts, type Sanitizer } from './block-parts'
export { resplitBlocks, splitBlocks, type ChangedRange, type Resplit, type SourceBlock } from './block-splitter'
export { canonicalLanguage, createCodeHighlighter, type CodeHighlighter } from './code-highlighter'
export { createMarkdownParser } from './create-markdown-parser'
export { blockContextKey, planDocument, type DocumentPlan } from './document-plan'
export {
  analyzeDisplayFormula,
  applyEquationNumbers,
  numberEquations,
  referenceText,
  resolveTexReferences,
  stripLabels,
  stripNumbering,
  texReferences,
  type DisplayEquation,
  type EquationNumber,
  type EquationNumbering,
  type EquationRow,
  type NumberingMode,
} from './equation-numbering'
export { escapeHtml } from './escape-html'
export { DEFAULT_FORMULA_BUDGET, exceedsBudget, type FormulaBudget } from './formula-budget'
export {
  createFormulaRenderer,
  errorChip,
  KATEX_OPTIONS,
  tooLargeChip,
  type FormulaRenderer,
  type FormulaRendererOptions,
} from './formula-renderer'
export { readFrontMatterMacros } from './front-matter-macros'
export {
  createIncrementalRenderer,
  type BlockPartsEntry,
  type PlannedBlock,
  type PlannedRender,
  type DocumentContext,
  type IncrementalRenderer,
  type IncrementalRendererOptions,
  type RenderedBlock,
  type RenderPartsResult,
  type RenderResult,
  type RenderStats,
} from './incremental-renderer'
export {
  createMacroSet,
  EMPTY_MACRO_SET,
  hasGlobalDefinition,
  withDocumentDefinitions,
  type MacroSet,
  type MacroSources,
  type PostMacros,
} from './macros'
export { DISPLAY_ENVIRONMENTS, matchBlockMathOpening, matchInlineMath, type MathDelimiter } from './math-delimiters'
export { createMathIndexer, indexDocumentMath, type DocumentMathIndex, type IndexedFormula, type MathIndexer } from './math-index'
export { scanMath, type MathRegion } from './math-scanner'
export { renderMarkdown } from './render-markdown'
export {
  ASSET_ORIGIN,
  assetUrl,
  classifyLink,
  resolveImageSource,
  resolveVaultPath,
  type ImageSource,
  type LinkTarget,
} from './asset-url'
