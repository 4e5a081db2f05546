import { describe, expect, it } from 'vitest'
import { checkPostColumns, emptyPostColumns, fromPostColumns, toPostColumns } from '../../src-main/metadata/post-columns'
import type { PostRecord } from '../../src-main/metadata/schema'

const record = (id: string, extra: Partial<PostRecord> = {}): PostRecord => ({
  id, path: `${id}.md`, title: `标题 ${id}`, date: '2026-01-01T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z',
  categories: [['数学', '概率']], tags: ['t'], isDraft: false, excerpt: 'x', wordCount: 3, links: ['a'], warnings: [],
  mtimeMs: 1.5, size: 10, hash: 'h'.repeat(64), ...extra,
})

describe('the column encoding of posts', () => {
  it('gives back the records it was made from, through JSON', () => {
    const records = [record('a'), record('b', { conflictCopyOf: 'a.md', isDraft: true })]
    const columns = JSON.parse(JSON.stringify(toPostColumns(records)))
    expect(checkPostColumns(columns)).toBeNull()
    expect(fromPostColumns(columns)).toStrictEqual(records)
  })

  it('writes each field name once, not once per post', () => {
    const text = JSON.stringify(toPostColumns([record('a'), record('b'), record('c')]))
    expect(text.match(/"excerpt"/g)).toHaveLength(1)
  })

  it('accepts an empty table', () => {
    expect(checkPostColumns(emptyPostColumns())).toBeNull()
    expect(fromPostColumns(emptyPostColumns())).toEqual([])
  })

  const valid = () => toPostColumns([record('a'), record('b')]) as unknown as Record<string, unknown[]>
  it.each<[string, (columns: Record<string, unknown[]>) => unknown, RegExp]>([
    ['not an object', () => [1, 2], /no post table/],
    ['without ids', (c) => ({ ...c, id: undefined }), /no id column/],
    ['missing a column', (c) => ({ ...c, excerpt: undefined }), /excerpt column/],
    ['with a short column', (c) => ({ ...c, hash: ['h'] }), /hash column/],
    ['with a number for a title', (c) => ({ ...c, title: ['t', 7] }), /title of post 1/],
    ['with a string for tags', (c) => ({ ...c, tags: [[], 'x'] }), /tags of post 1/],
    ['with a number for conflictCopyOf', (c) => ({ ...c, conflictCopyOf: [null, 3] }), /conflictCopyOf of post 1/],
  ])('rejects a table %s', (_name, damage, problem) => {
    expect(checkPostColumns(damage(valid()))).toMatch(problem)
  })
})
