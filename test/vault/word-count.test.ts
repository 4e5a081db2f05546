import { describe, expect, it } from 'vitest'
import { countWords } from '../../src-main/vault/word-count'

describe('countWords', () => {
  it.each([
    ['我爱 math and 数学', 6],
    ['', 0],
    ['   \n\t ', 0],
    ['Hello, world!', 2],
    ['中文，标点。不算', 6],
    ['数学math混排', 5],
    ['well-known don\'t 3.14', 3],
    ['a - b — c', 3],
    ['ひらがな カタカナ 한국어', 11],
    ['𠀀𠀁 rare ideographs', 4],
    ['café naïve Ελληνικά', 3],
    ['全角　空格', 4],
  ])('counts %j as %i', (text, count) => {
    expect(countWords(text)).toBe(count)
  })
})
