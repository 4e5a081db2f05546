import { describe, expect, it } from 'vitest'
import { rankCommands, type PaletteItem } from '../../src-renderer/features/palette/rank-commands'

const items: PaletteItem[] = [
  { id: 'new-post', label: '新建文章…', aliases: ['New Post…', 'new-post'], isEnabled: true },
  { id: 'save', label: '保存', aliases: ['Save', 'save'], isEnabled: true },
  { id: 'search', label: 'Search in vault…', aliases: ['Search in Vault…', 'search'], isEnabled: true },
  { id: 'show-feed', label: 'Show latest posts', aliases: ['Latest Posts', 'show-feed'], isEnabled: true },
  { id: 'rename-post', label: 'Rename post…', aliases: ['Rename Post…', 'rename-post'], isEnabled: false },
]

describe('rankCommands', () => {
  it('lists every command in table order for an empty query', () => {
    expect(rankCommands(items, '  ').map((item) => item.id)).toEqual(items.map((item) => item.id))
  })

  it('finds a command by a fuzzy match on its label and marks the matched characters', () => {
    const [first] = rankCommands(items, 'latest')
    expect(first.id).toBe('show-feed')
    expect(first.labelRanges).toEqual([[5, 11]])
  })

  it('finds a translated command by its English name', () => {
    expect(rankCommands(items, 'save').map((item) => item.id)).toEqual(['save'])
    expect(rankCommands(items, 'save')[0].labelRanges).toEqual([])
  })

  it('finds a command by its Chinese label', () => {
    expect(rankCommands(items, '新建')[0].id).toBe('new-post')
  })

  it('ranks runnable commands before disabled ones', () => {
    expect(rankCommands(items, 'post').map((item) => item.id)).toEqual(['show-feed', 'new-post', 'rename-post'])
  })

  it('leaves out commands that do not match at all', () => {
    expect(rankCommands(items, 'zzz')).toEqual([])
  })
})
