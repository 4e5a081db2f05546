import { describe, expect, it } from 'vitest'
import { toPostColumns } from '../../src-main/metadata/post-columns'
import { emptyMetadata, type MetadataData, type PostRecord } from '../../src-main/metadata/schema'
import { stringifyMetadata } from '../../src-main/metadata/stringify-metadata'

const record = (i: number): PostRecord => ({
  id: `id-${i}`, path: `笔记/${i}.md`, title: `"引号" \\ ${i}\n`, date: '2026-01-01T00:00:00.000Z', updated: '2026-01-02T00:00:00.000Z',
  categories: [['数学']], tags: [`t${i % 3}`], isDraft: i % 2 === 0, excerpt: `$x_${i}$ \u2028`, wordCount: i, links: [],
  warnings: i % 5 === 0 ? [{ type: 'invalid-date', message: 'bad date' }] : [], mtimeMs: i + 0.25, size: i * 10, hash: 'h'.repeat(64),
  ...(i % 7 === 0 ? { conflictCopyOf: 'a.md' } : {}),
})

describe('writing the metadata in slices', () => {
  it.each([0, 1, 1999, 2000, 4501])('gives exactly JSON.stringify for %i posts', async (count) => {
    const data: MetadataData = { schemaVersion: 3, posts: toPostColumns(Array.from({ length: count }, (_, i) => record(i))) }
    expect(await stringifyMetadata(data)).toBe(JSON.stringify(data))
  })

  it('gives exactly JSON.stringify for an empty store', async () => {
    expect(await stringifyMetadata(emptyMetadata())).toBe(JSON.stringify(emptyMetadata()))
  })

  it('lets the event loop run between slices', async () => {
    const data: MetadataData = { schemaVersion: 3, posts: toPostColumns(Array.from({ length: 4001 }, (_, i) => record(i))) }
    const order: string[] = []
    setImmediate(() => order.push('event loop'))
    await stringifyMetadata(data)
    order.push('written')
    expect(order).toEqual(['event loop', 'written'])
  })
})
