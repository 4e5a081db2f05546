import { isUtf8 } from 'node:buffer'
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { countWords, countWordsUtf8 } from '../../src-main/vault/word-count'
import { isWordScanAvailable, scanWordsUtf8 } from '../../src-main/vault/word-scan'
import { seededRandom } from '../recovery/session-fixture'
import { TRICKY_WORD_TEXTS } from './word-samples'
import { generatedPosts, hostileVariants } from './generated-corpus'

/** The scan's count and line starts next to the JavaScript loop's, for one input. */
function both(bytes: Buffer, start = 0, end = bytes.length) {
  const jsLines: number[] = []
  const scanLines: number[] = []
  const js = countWordsUtf8(bytes, start, end, jsLines)
  const scan = scanWordsUtf8(bytes, start, end, scanLines)
  return { js: { count: js, lines: jsLines }, scan: { count: scan, lines: scanLines } }
}

function expectSame(text: string): void {
  const bytes = Buffer.from(text, 'utf8')
  const { js, scan } = both(bytes)
  expect(scan, JSON.stringify(text)).toEqual(js)
  expect(scan.count).toBe(countWords(text))
}

/** Characters from every class the SIMD chunks tell apart, and some they hand to the slow path. */
const ALPHABET = [
  'a', 'Z', 'q', '0', '9', '_', '-', ',', '.', '$', '\\', '{', '}', '(', ')', '^', ' ', ' ', '\t', '\n', '\r\n', '[', ']', '`', '~', '!',
  '一', '中', '数', '学', '了', '䶵', '䷀', '䷿', '鿿', 'あ', 'カ', 'ヿ', '々', '〇', '〆', '、', '。', '《', '》', '「', '\u3000', '㐀',
  '\u2003', '\u200b', '\u200c', '\u2028', '\u2029', '\u202f', '“', '”', '—', '…', '‰', '∑', '≤', '∈', '⊕', '→', '①', 'ⁿ', '\u2070',
  '，', '！', '：', '（', '）', '？', '＠', 'ａ', 'Ｚ', '１', '［', 'ｦ', '｡',
  'α', 'Ω', 'é', 'ß', '\u00a0', '\u00b2', '·', '١', '가', 'ㄱ', '\ufeff', '😀', '𠀀', '𝐀', '\u{30000}', '\u{3ffff}',
]

describe('scanWordsUtf8', () => {
  it('runs as WebAssembly here, not through the JavaScript fallback', () => {
    expect(isWordScanAvailable()).toBe(true)
  })

  it.each([
    '',
    ...TRICKY_WORD_TEXTS,
    '设随机变量 \\(X\\sim\\mathcal{N}(\\mu,\\sigma^2)\\)，则 [[马尔可夫链]] 与 [link](a.md) 见 `code` 和 ~~删除~~。',
    'x'.repeat(40) + '\n' + '[a](b.md) '.repeat(9) + '\n\n`' + '中'.repeat(30) + '\n~',
  ])('counts %j and finds its markup lines as the JavaScript loop does', (text) => {
    expectSame(text)
  })

  it('gives the same result for every character at every position in a 16-byte chunk', () => {
    for (const character of ALPHABET) {
      for (let pad = 0; pad < 20; pad++) {
        expectSame(`${'a '.repeat(pad >> 1)}${pad & 1 ? 'b' : ''}${character}x ${character}1${character}[${character}\n${character}`.repeat(3))
      }
    }
  })

  it('classifies every Basic Multilingual Plane code point as countWords does', () => {
    for (let first = 0x80; first < 0x10000; first += 256) {
      let text = ''
      for (let code = first; code < first + 256; code++) {
        if (code >= 0xd800 && code <= 0xdfff) continue
        const c = String.fromCharCode(code)
        text += `a${c}b ${c}1 ${c}${c}\n`
      }
      for (const shift of [0, 1, 2, 7]) expectSame(' '.repeat(shift) + text)
    }
  })

  it('matches the JavaScript loop on 3,000 random mixes of those characters', () => {
    const next = seededRandom(20261207)
    for (let run = 0; run < 3000; run++) {
      let text = ''
      const length = Math.floor(next() * 200)
      // Runs of one class now and then, so that whole chunks of ASCII or of CJK occur.
      for (let i = 0; i < length; i++) {
        const character = ALPHABET[Math.floor(next() * ALPHABET.length)]
        text += next() < 0.2 ? character.repeat(1 + Math.floor(next() * 20)) : character
      }
      expectSame(text)
    }
  })

  it('reads only bytes[start, end) and reports line starts as offsets into bytes', () => {
    const bytes = Buffer.from('x [skip](a.md)\n正文 [[链接]] words\n`code` and more\n[tail', 'utf8')
    const start = bytes.indexOf(10) + 1
    const end = bytes.lastIndexOf(10)
    const { js, scan } = both(bytes, start, end)
    expect(scan).toEqual(js)
    expect(scan.lines[0]).toBe(start)
  })

  it('handles inputs that grow its memory, and falls back above its size limit', () => {
    const paragraph = Buffer.from('设 \\(p_\\theta(x)\\) 为 [[分布]]，the likelihood is `L` ~ 极大。\n', 'utf8')
    // Past the first 128 KB of memory, then past the 1 MB cap.
    for (const size of [900 * 1024, 3 * 1024 * 1024]) {
      const bytes = Buffer.alloc(Math.floor(size / paragraph.length) * paragraph.length)
      for (let at = 0; at < bytes.length; at += paragraph.length) paragraph.copy(bytes, at)
      const { js, scan } = both(bytes)
      expect(scan.count).toBe(js.count)
      expect(scan.lines).toEqual(js.lines)
    }
  })

  it('matches the JavaScript loop on the shared corpus and its hostile variants', async () => {
    const posts = await generatedPosts(150, 7)
    const all = posts.flatMap((post, index) => [post, ...hostileVariants(post, index)])
    let compared = 0
    for (const post of all) {
      // The scan's contract, as in parsePostBytes: invalid UTF-8 takes the text path.
      if (isUtf8(post.bytes)) {
        const { js, scan } = both(post.bytes)
        expect(scan, post.relative).toEqual(js)
        compared++
      }
    }
    expect(compared).toBeGreaterThan(150)
  })

  it('is what word-scan.wat assembles to (npm run build:wasm)', () => {
    const check = spawnSync(process.execPath, ['scripts/build-wasm.mjs', '--check'], { encoding: 'utf8' })
    expect(check.stderr).toBe('')
    expect(check.status).toBe(0)
  })
})
