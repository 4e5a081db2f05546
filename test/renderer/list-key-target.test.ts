import { describe, expect, it } from 'vitest'
import { listKeyTarget } from '../../src-renderer/ui/list-key-target'

describe('listKeyTarget', () => {
  it.each<[string, number, number | null]>([
    ['ArrowDown', -1, 0],
    ['ArrowUp', -1, 0],
    ['ArrowDown', 3, 4],
    ['ArrowDown', 9, 9],
    ['ArrowUp', 0, 0],
    ['Home', 5, 0],
    ['End', 2, 9],
    ['PageDown', 2, 6],
    ['PageDown', 8, 9],
    ['PageUp', 2, 0],
    ['Enter', 2, null],
    ['a', 2, null],
  ])('%s from %i in ten items, four to a page, selects %s', (key, current, expected) => {
    expect(listKeyTarget(key, current, 10, 4)).toBe(expected)
  })

  it('selects nothing in an empty list', () => {
    expect(listKeyTarget('ArrowDown', -1, 0, 4)).toBeNull()
  })
})
