import type { EquationNumber } from './equation-numbering'

/**
 * What the markdown-it rules of one block render read and write, kept on
 * `env.lemma`. Built by the block renderer from the document-wide plan, so a block
 * renders the same alone as inside the whole document.
 */
export interface LemmaEnv {
  /** Vault-relative path of the post, for relative links and images. */
  postPath: string
  /** Numbers of this block's display formulas, in order: per formula, per row. */
  equationNumbers: ReadonlyArray<ReadonlyArray<EquationNumber | null>>
  /** Index of the next display formula of this block. */
  nextDisplay: number
  /** Every label of the document. */
  labels: ReadonlyMap<string, EquationNumber>
  /** Document-wide footnote numbers by label (order of first reference). */
  footnoteNumbers: ReadonlyMap<string, number>
  /** Renders a formula and returns the placeholder that stands for it until assembly. */
  formula(tex: string, isDisplay: boolean): string
  /** Highlights fenced code, or returns undefined to show it plain. */
  highlight(code: string, language: string): string | undefined
}

/** The {@link LemmaEnv} of a render; throws if markdown-it was called without one. */
export function lemmaEnv(env: unknown): LemmaEnv {
  const lemma = (env as { lemma?: LemmaEnv } | null)?.lemma
  if (!lemma) throw new Error('Lemma markdown rules need env.lemma (render through the block renderer)')
  return lemma
}
