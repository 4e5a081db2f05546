import { describe, expect, it } from 'vitest'
import { findHeading, headingSlug } from '../../src-renderer/features/outline/heading-match'
import { extractOutline } from '../../src-renderer/features/outline/outline'

const source = [
  '---',
  'title: "# Not a heading"',
  '---',
  '',
  '# 扩散模型：前向过程',
  '',
  '## The *DDPM* Loss',
  '',
  '```',
  '## Setup',
  '```',
  '',
  '## Setup',
  '',
  'Score Matching',
  '---',
  '',
  '## Setup',
  '',
  '### 公式 $x_t$ 的分布',
].join('\n')
const headings = extractOutline(source)
const lineOf = (wanted: string) => findHeading(headings, wanted)?.line ?? null

describe('headingSlug', () => {
  it.each([
    ['Diffusion Models', 'diffusion-models'],
    ['The *DDPM* Loss', 'the-ddpm-loss'],
    ['扩散模型：前向过程', '扩散模型前向过程'],
    ['  Ｆｕｌｌ  width!  ', 'full-width'],
    ['snake_case and-dashes', 'snake_case-and-dashes'],
  ])('%s → %s', (text, slug) => {
    expect(headingSlug(text)).toBe(slug)
  })
})

describe('findHeading', () => {
  it.each([
    ['its exact text', '扩散模型：前向过程', 4],
    ['its text in another case and spacing', '  the ddpm   LOSS ', 6],
    ['its text written with the same Markdown', 'The *DDPM* Loss', 6],
    ['its anchor', 'the-ddpm-loss', 6],
    ['a Chinese anchor', '扩散模型前向过程', 4],
    ['a setext heading', 'score matching', 14],
    ['a heading holding math, as written', '公式 $x_t$ 的分布', 19],
    ['the first of repeated headings', 'Setup', 12],
    ['a numbered anchor of a repeated heading', 'setup-1', 17],
  ])('finds a heading by %s', (_name, wanted, line) => {
    expect(lineOf(wanted)).toBe(line)
  })

  it.each([
    ['a heading that is not there', 'Nothing like it'],
    ['a heading inside fenced code or front matter', 'Not a heading'],
    ['an empty heading', '   '],
    ['punctuation only', '：！'],
  ])('finds nothing for %s', (_name, wanted) => {
    expect(lineOf(wanted)).toBeNull()
  })
})
