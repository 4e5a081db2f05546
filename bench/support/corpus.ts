import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, realpathSync } from 'node:fs'
import { resolve } from 'node:path'

/** The shared, seeded corpus generator every benchmark uses. */
export const GENERATOR = existsSync(resolve('../shared/corpus/gen-corpus.mjs')) ? realpathSync(resolve('../shared/corpus/gen-corpus.mjs')) : resolve('../shared/corpus/gen-corpus.mjs')

/**
 * Returns the folder of the shared corpus of `n` posts (seed 42), generating it under
 * `corpora/` the first time. The generator is deterministic, so a cached folder is
 * byte-identical to a fresh one.
 */
export function ensureCorpus(n: number, seed = 42): string {
  const out = resolve(`corpora/c${n}-s${seed}`)
  const manifest = `${out}.manifest.json`
  if (existsSync(manifest)) {
    const m = JSON.parse(readFileSync(manifest, 'utf8')) as { n: number; seed: number }
    if (m.n === n && m.seed === seed) return out
  }
  if (!existsSync(GENERATOR)) throw new Error(`Corpus generator not found at ${GENERATOR} (expected ../shared beside the repo).`)
  execFileSync(process.execPath, [GENERATOR, '--n', String(n), '--seed', String(seed), '--out', out], { stdio: 'inherit' })
  return out
}
