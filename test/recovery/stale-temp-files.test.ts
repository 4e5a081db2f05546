import { mkdir, readdir, readFile, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SNAPSHOT_NAME } from '../../src-main/history/local-history'
import { classifyTempName, cleanStaleTempFiles } from '../../src-main/recovery/stale-temp-files'
import { sessionFixture, writeVaultFiles } from './session-fixture'

const fixture = sessionFixture()
const MINUTE = 60_000

async function age(root: string, relative: string, ms: number): Promise<void> {
  const at = new Date(Date.now() - ms)
  await utimes(join(root, ...relative.split('/')), at, at)
}

describe('recognising temp files', () => {
  const siblings = new Set(['note.md', 'db.json', 'chapter'])
  it.each([
    ['note.md.3735928559', 'atomic-write', 'note.md'],
    ['.db.json.tmp', 'json-temp', 'db.json'],
    ['.note.md.42.tmp', 'json-temp', 'note.md'],
    ['note.md.lemma-rename-123-1700000000000', 'rename-step', 'note.md'],
    ['chapter.2', 'atomic-write', 'chapter'],
  ])('%s is a %s temp of %s', (name, kind, target) => {
    expect(classifyTempName(name, siblings)).toEqual({ kind, target })
  })

  it.each(['other.md.123', 'note.md.99999999999', 'note.md.tmp', '.other.json.tmp', 'note.md'])('%s is not', (name) => {
    expect(classifyTempName(name, siblings)).toBeNull()
  })
})

describe('cleaning stale temp files', () => {
  it('removes old temp files next to their real file, and nothing else', async () => {
    const { root } = await fixture.open({}, { watch: false })
    await writeVaultFiles(root, {
      'note.md': 'real',
      'note.md.123456': 'half a save',
      'young.md': 'real',
      'young.md.654321': 'a save under way',
      'orphan.md.777': 'no real file beside it',
      'sub/deep.md': 'real',
      'sub/deep.md.42': 'half',
      '.lemma/db.json': '{}',
      '.lemma/.db.json.tmp': '{"half',
      '.git/objects/x.1': 'git owns this',
      'gone.md.lemma-rename-99-1700000000000': 'the only copy',
      [`.lemma/history/abc/${Date.now() - 5 * MINUTE}-${'a'.repeat(64)}.md.1234`]: 'half a snapshot',
    })
    for (const path of ['note.md.123456', 'orphan.md.777', 'sub/deep.md.42', '.lemma/.db.json.tmp', '.git/objects/x.1', 'gone.md.lemma-rename-99-1700000000000']) {
      await age(root, path, 2 * MINUTE)
    }
    await age(root, `.lemma/history/abc/${(await readdir(join(root, '.lemma/history/abc')))[0]}`, 2 * MINUTE)
    const cleaned = await cleanStaleTempFiles(root, { newFileNames: SNAPSHOT_NAME })
    expect(cleaned.removed.sort()).toEqual(['.lemma/.db.json.tmp', expect.stringMatching(/^\.lemma\/history\/abc\//), 'note.md.123456', 'sub/deep.md.42'].sort())
    expect(cleaned.restored).toEqual(['gone.md.lemma-rename-99-1700000000000'])
    expect(await readFile(join(root, 'gone.md'), 'utf8')).toBe('the only copy')
    expect((await readdir(root)).sort()).toEqual(['.git', '.lemma', 'gone.md', 'note.md', 'orphan.md.777', 'sub', 'young.md', 'young.md.654321'])
  })

  it('runs when a vault is opened', async () => {
    const { root } = await fixture.open({})
    await mkdir(join(root, 'notes'))
    await writeVaultFiles(root, { 'notes/a.md': 'a', 'notes/a.md.1': 'half' })
    await age(root, 'notes/a.md.1', 5 * MINUTE)
    const { VaultSession } = await import('../../src-main/services/vault-session')
    const { session } = await VaultSession.open(root, { onChange: () => {}, watch: false, parser: 'in-process' })
    await session.ready
    await session.close()
    expect(await readdir(join(root, 'notes'))).toEqual(['a.md'])
  })
})
