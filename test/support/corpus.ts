import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'

/**
 * The shared seeded corpus generator, by its real path: the generator only runs its
 * command line when `argv[1]` is its own real path, so a symlinked `../shared` would
 * otherwise make it exit silently having written nothing.
 */
export function corpusGenerator(): string {
  const path = resolve('../shared/corpus/gen-corpus.mjs')
  if (!existsSync(path)) throw new Error(`Corpus generator not found at ${path} (expected ../shared beside the repo).`)
  return realpathSync(path)
}

/**
 * Writes the shared corpus of `n` posts with `seed` to `out`, and fails loudly if the
 * generator produced no posts.
 */
export function generateCorpus(n: number, seed: number, out: string): void {
  execFileSync(process.execPath, [corpusGenerator(), '--n', String(n), '--seed', String(seed), '--out', out], { stdio: 'ignore' })
  if (!existsSync(out) || readdirSync(out, { recursive: true }).filter((f) => String(f).endsWith('.md')).length === 0) {
    throw new Error(`The corpus generator wrote no posts to ${out}.`)
  }
}
