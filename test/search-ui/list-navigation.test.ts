import { describe, expect, it } from 'vitest'
import { moveSelection, PAGE_STEP } from '../../src-renderer/features/palette/list-navigation'

describe('moveSelection', () => {
  it.each<[string, number, number, string, number | null]>([
    ['steps down', 0, 5, 'ArrowDown', 1],
    ['wraps from the last row to the first', 4, 5, 'ArrowDown', 0],
    ['wraps from the first row to the last', 0, 5, 'ArrowUp', 4],
    ['pages down and stops at the end', 2, 5, 'PageDown', 4],
    ['pages up and stops at the start', 3, 20, 'PageUp', 0],
    ['pages by a fixed step', 0, 40, 'PageDown', PAGE_STEP],
    ['clamps a selection past the end first', 9, 3, 'ArrowUp', 1],
    ['lets other keys through', 1, 5, 'Home', null],
    ['lets Enter through', 1, 5, 'Enter', null],
    ['stays at zero in an empty list', 0, 0, 'ArrowDown', 0],
  ])('%s', (_name, index, count, key, expected) => {
    expect(moveSelection(index, count, key)).toBe(expected)
  })
})
