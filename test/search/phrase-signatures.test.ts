import { describe, expect, it } from 'vitest'
import { analyzePost } from '../../src-main/search/analyze-post'
import { junctionKeys, phraseJunctionKeys } from '../../src-main/search/junction-keys'
import { InvertedIndex } from '../../src-main/search/inverted-index'
import { mayHaveKeys, signatureOf, SignatureBuilder } from '../../src-main/search/phrase-signatures'

/** The literal check the search makes, and rg -F -i approximates. */
const containsPhrase = (text: string, phrase: string) => text.toLowerCase().includes(phrase.toLowerCase())

function missingKeys(text: string, phrase: string): number[] {
  const keys = new Set(junctionKeys(text))
  return phraseJunctionKeys(phrase).filter((key) => !keys.has(key))
}

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PIECES = ['chain', 'rule', 'Chain', 'RULE', 'blockchain', 'rules', 'of', 'the', 'x', 'i', 'KL', '散度', '扩散', '模型', '的', '核心', '熵', '\\alpha', '\\sqrt{', '_t', '}', 'σας', 'ΣΑΣ', 'fp16', 'ａｂ', 'İ']
const GLUE = [' ', '', ' ', '  ', '-', '_', '.', ', ', '\n', '$', '^', '(', ')']

function generatedText(next: () => number, pieces: number): string {
  let text = ''
  for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(next() * PIECES.length)] + GLUE[Math.floor(next() * GLUE.length)]
  return text
}

describe('junction keys of a phrase', () => {
  it.each([
    ['a Chinese phrase across word boundaries', '扩散模型的核心思想', '型的核'],
    ['a whole Chinese phrase', '扩散模型的直观解释是这样', '扩散模型的直观解释'],
    ['mixed scripts', '这里 xKL散度是', 'KL散度'],
    ['mixed scripts with a space', '用 PyTorch 实现', '用 PyTorch 实'],
    ['formula tokens', '$\\sqrt{\\bar\\alpha_t}$', '\\bar\\alpha_t'],
    ['a formula inside a command', 'p_{\\text{data}}', 'ext{data'],
    ['a word continuing left and right', 'blockchain rules', 'chain rul'],
    ['short edge words', 'xy of the z', 'y of the z'],
    ['case', 'THE CHAIN RULE', 'the Chain rule'],
    ['final sigma', 'ΟΔΟΣ ΚΑΙ', 'οδος και'],
    ['a lone character at the start', '的熵 x', '熵 x'],
    ['a lone character at the end', 'x 熵值', 'x 熵'],
    ['full width letters', 'ＫＬ 散度', 'ｋｌ 散度'],
    ['a long run', `${'a'.repeat(70)}b c`, `${'a'.repeat(66)}b c`],
    ['a dotted capital I', 'İstanbul x', 'i̇stanbul x'],
  ])('are all in a text containing it: %s', (_, text, phrase) => {
    expect(containsPhrase(text, phrase)).toBe(true)
    expect(missingKeys(text, phrase)).toEqual([])
  })

  it('are all in any generated text containing the phrase', () => {
    const next = random(42)
    let phrases = 0
    for (let round = 0; round < 300; round++) {
      const text = generatedText(next, 40)
      for (let k = 0; k < 20; k++) {
        const from = Math.floor(next() * text.length)
        const to = Math.min(text.length, from + 1 + Math.floor(next() * 24))
        let phrase = text.slice(from, to)
        if (next() < 0.3) phrase = phrase.toUpperCase()
        if (!containsPhrase(text, phrase)) continue
        phrases++
        expect(missingKeys(text, phrase), JSON.stringify({ text, phrase })).toEqual([])
      }
    }
    expect(phrases).toBeGreaterThan(3000)
  })

  it('tell apart words that only occur apart', () => {
    expect(missingKeys('the chain is long; a rule of thumb', 'chain is')).toEqual([])
    expect(missingKeys('the chain is long; a rule of thumb', 'chain rule')).not.toEqual([])
    expect(missingKeys('扩散模型 和 直观解释', '模型的直观')).not.toEqual([])
  })
})

describe('phrase signatures', () => {
  it('never drop a post containing the phrase, and drop most that only have its words', () => {
    const next = random(7)
    const index = new InvertedIndex()
    const texts: string[] = []
    for (let i = 0; i < 200; i++) {
      const text = generatedText(next, 60)
      texts.push(text)
      index.put(`p${i}.md`, analyzePost({ title: '', tags: [], categories: [], text }))
    }
    for (const compacted of [false, true]) {
      if (compacted) index.compact()
      for (const phrase of ['chain rule', 'rule chain', '散度 的', 'the 熵', 'of the', '\\alpha_t}', 'σας x', 'KL散度']) {
        const keys = index.phraseKeys(phrase)
        for (let i = 0; i < texts.length; i++) {
          const id = index.idOf(`p${i}.md`)!
          if (containsPhrase(texts[i], phrase)) expect(index.mayContainPhrase(id, keys), `${phrase} in p${i}`).toBe(true)
        }
      }
    }
    const keys = index.phraseKeys('rule chain')
    const dropped = texts.filter((text, i) => !containsPhrase(text, 'rule chain') && !index.mayContainPhrase(index.idOf(`p${i}.md`)!, keys)).length
    expect(dropped).toBeGreaterThan(0)
  })

  it('pick the common keys from the first posts and leave them out', () => {
    const builder = new SignatureBuilder()
    const everywhere = junctionKeys('of the')
    for (let id = 0; id < 10; id++) builder.addKeys(id, Uint32Array.from([...everywhere, 1000 + id]))
    const signatures = builder.finish(12)
    expect([...signatures.common]).toEqual([...everywhere].sort((a, b) => a - b))
    expect(signatures.offsets.length).toBe(13)
    expect(signatures.offsets[12] - signatures.offsets[10]).toBe(0)
    const first = signatures.bytes.subarray(signatures.offsets[0], signatures.offsets[1])
    expect(mayHaveKeys(first, 0, first.length, [1000])).toBe(true)
  })

  it('say nothing when empty', () => {
    expect(mayHaveKeys(new Uint8Array(0), 0, 0, [1, 2, 3])).toBe(true)
    const signature = signatureOf(Uint32Array.from([5, 6]), new Set())
    expect(mayHaveKeys(signature, 0, signature.length, [5, 6])).toBe(true)
  })
})
