import { describe, expect, it } from 'vitest'
import { clampPage, pageCount, pageNumbers } from '../../src-renderer/features/feed/pagination'
import { readingMinutes } from '../../src-renderer/features/feed/reading-time'

describe('pagination', () => {
  it.each([
    [0, 20, 1],
    [20, 20, 1],
    [21, 20, 2],
    [10_000, 20, 500],
  ])('fits %i posts at %i per page in %i pages', (total, size, pages) => {
    expect(pageCount(total, size)).toBe(pages)
  })

  it.each<[number, number, Array<number | 'gap'>]>([
    [1, 1, [1]],
    [1, 2, [1, 2]],
    [1, 7, [1, 2, 3, 4, 5, 6, 7]],
    [1, 50, [1, 2, 3, 4, 5, 'gap', 50]],
    [4, 50, [1, 2, 3, 4, 5, 6, 'gap', 50]],
    [25, 50, [1, 'gap', 23, 24, 25, 26, 27, 'gap', 50]],
    [50, 50, [1, 'gap', 46, 47, 48, 49, 50]],
  ])('shows page %i of %i as a blog would', (current, count, expected) => {
    expect(pageNumbers(current, count)).toEqual(expected)
  })

  it('clamps a page into range', () => {
    expect(clampPage(0, 5)).toBe(1)
    expect(clampPage(9, 5)).toBe(5)
  })

  it('rounds reading time to whole minutes, at least one', () => {
    expect(readingMinutes(0)).toBe(1)
    expect(readingMinutes(1500)).toBe(5)
  })
})
