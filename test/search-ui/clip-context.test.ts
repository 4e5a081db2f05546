import { describe, expect, it } from 'vitest'
import { clipAround } from '../../src-renderer/features/links/clip-context'

describe('clipAround', () => {
  it('leaves a link near the start alone', () => {
    expect(clipAround('See [[A]] here', [4, 9])).toEqual({ text: 'See [[A]] here', range: [4, 9] })
  })

  it('cuts a long lead-in so the link shows, moving its range', () => {
    const text = `${'很长的上下文'.repeat(20)}见 [[KL 散度]]。`
    const start = text.indexOf('[[')
    const clipped = clipAround(text, [start, start + 9], 10)
    expect(clipped.text.startsWith('…')).toBe(true)
    expect(clipped.text.slice(clipped.range[0], clipped.range[1])).toBe('[[KL 散度]]')
    expect(clipped.range[0]).toBeLessThanOrEqual(11)
  })

  it('never splits a surrogate pair', () => {
    const text = `${'𝛼'.repeat(30)}[[x]]`
    const start = text.indexOf('[[')
    const clipped = clipAround(text, [start, start + 5], 5)
    expect(clipped.text.slice(clipped.range[0], clipped.range[1])).toBe('[[x]]')
    expect(clipped.text.codePointAt(1)).toBe('𝛼'.codePointAt(0))
  })
})
