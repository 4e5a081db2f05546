import { describe, expect, it } from 'vitest'
import { resolveLanguage } from '../../src-shared/i18n/ui-language'
import { DEFAULT_SETTINGS, sanitizeSettings } from '../../src-shared/model/settings'
import { defaultPostTemplate } from '../../src-main/vault/post-template'
import { parsePost } from '../../src-main/vault/front-matter'

describe('resolveLanguage', () => {
  it.each<[Parameters<typeof resolveLanguage>[0], string[], string]>([
    ['system', ['zh-CN', 'en-US'], 'zh-CN'],
    ['system', ['zh-TW'], 'zh-CN'],
    ['system', ['en-GB', 'zh-CN'], 'en'],
    ['system', ['fr-FR', 'zh-Hans-CN'], 'zh-CN'],
    ['system', ['fr-FR'], 'en'],
    ['system', [], 'en'],
    ['en', ['zh-CN'], 'en'],
    ['zh-CN', ['en-US'], 'zh-CN'],
  ])('reads %s with system languages %j as %s', (setting, system, expected) => {
    expect(resolveLanguage(setting, system)).toBe(expected)
  })
})

describe('sanitizeSettings', () => {
  it('keeps valid fields and replaces the rest with defaults', () => {
    expect(sanitizeSettings({ language: 'zh-CN', feedPageSize: 7, feedSort: 'updated', feedLayout: 'sideways', extra: 1 })).toEqual({
      ...DEFAULT_SETTINGS,
      language: 'zh-CN',
      feedSort: 'updated',
    })
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS)
  })
})

describe('the new post template with a category and a tag', () => {
  it('writes one category hierarchy and the tags, quoted, so the post lands where the feed is filtered', () => {
    const text = defaultPostTemplate('扩散模型', new Date(2026, 0, 11, 9, 30), { categories: ['数学', '概率: 论'], tags: ['a "b"'] })
    expect(text).toContain('categories:\n  - "数学"\n  - "概率: 论"\ntags:\n  - "a \\"b\\""\n---')
    const parsed = parsePost(text, { relPath: 'x.md', birthtimeMs: 0, mtimeMs: 0 })
    expect(parsed.categories).toEqual([['数学', '概率: 论']])
    expect(parsed.tags).toEqual(['a "b"'])
    expect(parsed.warnings).toEqual([])
  })

  it('keeps empty lists without them', () => {
    expect(defaultPostTemplate('t', new Date(2026, 0, 11))).toMatch(/categories: \[\]\ntags: \[\]\n---\n\n$/)
  })
})
