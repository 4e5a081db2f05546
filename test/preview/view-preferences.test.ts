import { describe, expect, it } from 'vitest'
import {
  clampSplitRatio,
  DEFAULT_VIEW_PREFERENCES,
  nextLayout,
  parseViewPreferences,
} from '../../src-renderer/features/layout/view-preferences'

describe('view preferences', () => {
  it('cycles editor → split → preview → editor', () => {
    expect(nextLayout('editor')).toBe('split')
    expect(nextLayout('split')).toBe('preview')
    expect(nextLayout('preview')).toBe('editor')
  })

  it('starts in the split layout with rendered formulas and without Vim', () => {
    expect(parseViewPreferences(null)).toEqual(DEFAULT_VIEW_PREFERENCES)
    expect(DEFAULT_VIEW_PREFERENCES).toMatchObject({ layout: 'split', showMathWidgets: true, isVim: false })
  })

  it('round-trips what it stored', () => {
    const stored = { layout: 'preview', splitRatio: 0.6, showMathWidgets: false, isVim: true, showOutline: true } as const
    expect(parseViewPreferences(JSON.stringify(stored))).toEqual(stored)
  })

  it.each([
    ['corrupt JSON', '{"layout": '],
    ['a JSON array', '[1, 2]'],
    ['a JSON string', '"split"'],
    ['JSON null', 'null'],
  ])('falls back to the defaults for %s', (_name, stored) => {
    expect(parseViewPreferences(stored)).toEqual(DEFAULT_VIEW_PREFERENCES)
  })

  it('keeps the valid fields of a partly invalid or older record', () => {
    expect(parseViewPreferences(JSON.stringify({ layout: 'sideways', splitRatio: 'wide', isVim: true, showOutline: 1, extra: 'x' }))).toEqual({
      ...DEFAULT_VIEW_PREFERENCES,
      isVim: true,
    })
  })

  it.each([
    [0.5, 0.5],
    [0.1, 0.25],
    [0.9, 0.75],
    [Number.NaN, 0.5],
    [Number.POSITIVE_INFINITY, 0.5],
  ])('clamps a split ratio of %s to %s', (ratio, clamped) => {
    expect(clampSplitRatio(ratio)).toBe(clamped)
    expect(parseViewPreferences(JSON.stringify({ splitRatio: ratio })).splitRatio).toBe(Number.isFinite(ratio) ? clamped : 0.5)
  })
})
