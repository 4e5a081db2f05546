import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VaultSearch } from '../../src-main/search/vault-search'
import { ALL_ORACLE_QUERIES, rgMatches } from './oracle-queries'
import { vaultPosts } from './vault-posts'
import { generateCorpus } from '../support/corpus'

let root: string
let search: VaultSearch

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lemma-recall-'))
  generateCorpus(300, 7, root)
  search = new VaultSearch({ root, worker: null })
  await search.start(await vaultPosts(root))
})

afterAll(async () => {
  await search?.close()
  await rm(root, { recursive: true, force: true })
  await rm(`${root}.manifest.json`, { force: true })
})

describe('recall against ripgrep', () => {
  it('uses at least 50 queries', () => {
    expect(ALL_ORACLE_QUERIES.length).toBeGreaterThanOrEqual(50)
  })

  it('finds every post rg finds, for every query of the oracle set', async () => {
    const missed: Record<string, string[]> = {}
    let expected = 0
    let found = 0
    for (const query of ALL_ORACLE_QUERIES) {
      const oracle = await rgMatches(root, query)
      const lemma = new Set(await search.matchingPaths(query))
      const lost = oracle.filter((path) => !lemma.has(path))
      expected += oracle.length
      found += oracle.length - lost.length
      if (lost.length > 0) missed[query] = lost.slice(0, 5)
    }
    expect(missed).toEqual({})
    expect(found / Math.max(1, expected)).toBe(1)
    expect(expected).toBeGreaterThan(1000)
  })

  it('returns exactly rg\'s posts for quoted phrases', async () => {
    for (const query of ['"chain rule"', '"KL散度"', '"negative direction of the"']) {
      expect((await search.matchingPaths(query)).sort()).toEqual(await rgMatches(root, query))
    }
  })
})
