import { describe, expect, it } from 'vitest'
import { foldWord, queryPieces, tokenize, MAX_WORD_LENGTH } from '../../src-shared/search/tokenize'

const terms = (text: string) => tokenize(text).map((token) => token.term)

describe('tokenize', () => {
  it.each([
    ['Chinese runs become overlapping bigrams', '扩散模型', ['扩散', '散模', '模型']],
    ['a lone Chinese character stays whole', '熵', ['熵']],
    ['punctuation ends a Chinese run', '梯度，方差。', ['梯度', '方差']],
    ['Latin words are lowercased', 'Gradient DESCENT', ['gradient', 'descent']],
    ['mixed text splits at the script change', 'KL散度', ['kl', '散度']],
    ['a word after Chinese is separate', '用PyTorch实现', ['用', 'pytorch', '实现']],
    ['full-width letters and digits fold to ASCII', 'ＫＬ散度 １２３', ['kl', '散度', '123']],
    ['underscores, dots and colons separate words', 'sliding_window std::vector Node.js', ['sliding', 'window', 'std', 'vector', 'node', 'js']],
    ['camelCase stays one word', 'slidingWindow', ['slidingwindow']],
    ['letters and digits stay together', 'fp16 x2', ['fp16', 'x2']],
    ['a LaTeX command gives the command and the word', '\\alpha', ['\\alpha', 'alpha']],
    ['commands are lowercased, subscripts are words', '\\Sigma_t', ['\\sigma', 'sigma', 't']],
    ['a doubled backslash still starts a command', '\\\\alpha', ['\\alpha', 'alpha']],
    ['a backslash before a symbol is not a command', '\\, \\\\', []],
    ['formulas split into commands and words', '\\mathbb{R}^{n}', ['\\mathbb', 'mathbb', 'r', 'n']],
    ['Greek final sigma folds like rg -i', 'ΣΑΣ', ['σασ']],
    ['accented words stay whole', 'Café naïve', ['café', 'naïve']],
    ['characters outside the BMP pair up', '𠀀𠀁', ['𠀀𠀁']],
    ['kana and Hangul are bigrammed too', 'ひらがな 한국어', ['ひら', 'らが', 'がな', '한국', '국어']],
    ['nothing to index in symbols', '$$ -> | ~', []],
  ])('%s', (_, text, expected) => {
    expect(terms(text)).toEqual(expected)
  })

  it('reports where each token came from', () => {
    expect(tokenize('KL散度 \\alpha')).toEqual([
      { term: 'kl', kind: 'word', start: 0, end: 2 },
      { term: '散度', kind: 'cjk', start: 2, end: 4 },
      { term: '\\alpha', kind: 'command', start: 5, end: 11 },
      { term: 'alpha', kind: 'word', start: 6, end: 11 },
    ])
  })

  it('cuts a very long word into overlapping pieces that contain every short substring', () => {
    const word = 'a'.repeat(40) + 'needle' + 'b'.repeat(100)
    const pieces = terms(word)
    expect(pieces.every((piece) => piece.length <= MAX_WORD_LENGTH)).toBe(true)
    expect(pieces.some((piece) => piece.includes('needle'))).toBe(true)
    for (const chunk of queryPieces(word.slice(10, 120))) expect(pieces.some((piece) => piece.includes(chunk))).toBe(true)
  })

  it('folds words as the index does', () => {
    expect(foldWord('ＫＬ')).toBe('kl')
    expect(foldWord('PyTorch')).toBe('pytorch')
  })
})
