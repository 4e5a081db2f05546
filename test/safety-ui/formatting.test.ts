import { describe, expect, it } from 'vitest'
import { parseBound } from '../../src-renderer/features/history/history-bounds'
import { formatSavedClock, formatSavedTime, formatSize } from '../../src-renderer/features/history/saved-time'
import { progressView } from '../../src-renderer/features/indexing/index-progress-view'

const NOW = Date.UTC(2026, 2, 3, 12, 0, 0)

describe('saved times and sizes', () => {
  it.each([
    [NOW - 10_000, 'en', '10 seconds ago'],
    [NOW - 5 * 60_000, 'en', '5 minutes ago'],
    [NOW - 3 * 3_600_000, 'en', '3 hours ago'],
    [NOW - 5 * 60_000, 'zh-CN', '5分钟前'],
  ])('says when %s was saved in %s', (saved, locale, expected) => {
    expect(formatSavedTime(saved, NOW, locale)).toBe(expected)
  })

  it('gives a date for versions older than a day', () => {
    expect(formatSavedTime(NOW - 3 * 86_400_000, NOW, 'en')).toMatch(/2026/)
    expect(formatSavedClock(NOW - 400 * 86_400_000, NOW, 'en')).toMatch(/2025/)
  })

  it.each([
    [812, '812 B'],
    [14_540, '14 KB'],
    [3 * 1024 * 1024 + 100_000, '3.1 MB'],
  ])('formats %i bytes as %s', (bytes, expected) => {
    expect(formatSize(bytes, 'en')).toBe(expected)
  })
})

describe('history bounds', () => {
  it.each([
    ['30', 30],
    [' 7 ', 7],
    ['0', null],
    ['3651', null],
    ['1.5', null],
    ['1e3', null],
    ['', null],
  ])('reads %j as %j', (text, expected) => {
    expect(parseBound(text, 1, 3650)).toBe(expected)
  })
})

describe('indexing progress', () => {
  it('hides when done, unknown, or a warm open has nothing to parse', () => {
    expect(progressView(null).isVisible).toBe(false)
    expect(progressView({ phase: 'done', done: 10, total: 10 }).isVisible).toBe(false)
    expect(progressView({ phase: 'indexing', done: 0, total: 0 }).isVisible).toBe(false)
  })

  it('shows a busy bar while scanning and a fraction while indexing', () => {
    expect(progressView({ phase: 'scanning', done: 0, total: 0 })).toMatchObject({ isVisible: true, fraction: null })
    expect(progressView({ phase: 'indexing', done: 1234, total: 10_000 })).toMatchObject({ isVisible: true, fraction: 0.1234 })
  })
})
