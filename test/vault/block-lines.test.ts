import { describe, expect, it } from 'vitest'
import { atxHeading, closesFence, fenceOpening, isTableDelimiter } from '../../src-main/vault/block-lines'

describe('fenceOpening and closesFence', () => {
  it.each([
    ['```', { marker: '```', language: '' }],
    ['~~~~ Python', { marker: '~~~~', language: 'python' }],
    ['   ```math', { marker: '```', language: 'math' }],
    ['    ```', null],
    ['``', null],
    ['```js `x`', null],
  ])('reads %j', (line, opening) => {
    expect(fenceOpening(line)).toEqual(opening)
  })

  it.each([
    ['```', '```', true],
    ['````', '```', true],
    ['``', '```', false],
    ['~~~', '```', false],
    ['``` x', '```', false],
    ['    ```', '```', false],
  ])('%j closes %j: %s', (line, marker, closes) => {
    expect(closesFence(line, marker)).toBe(closes)
  })
})

describe('atxHeading', () => {
  it.each([
    ['# Title', { level: 1, text: 'Title' }],
    ['### Deep ###', { level: 3, text: 'Deep' }],
    ['# C#', { level: 1, text: 'C#' }],
    ['   # Indented', { level: 1, text: 'Indented' }],
    ['#', { level: 1, text: '' }],
    ['#NoSpace', null],
    ['####### seven', null],
    ['    # code', null],
  ])('reads %j', (line, heading) => {
    expect(atxHeading(line)).toEqual(heading)
  })
})

describe('isTableDelimiter', () => {
  it.each([
    ['|---|---|', true],
    ['| :-- | :-: | --: |', true],
    ['--- | ---', true],
    ['| a | b |', false],
    ['---', false],
    ['|-x-|', false],
  ])('%j is %s', (line, expected) => {
    expect(isTableDelimiter(line)).toBe(expected)
  })
})
