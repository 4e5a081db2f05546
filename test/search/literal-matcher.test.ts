import { describe, expect, it } from 'vitest'
import { LiteralMatcher } from '../../src-main/search/literal-matcher'

/** What the matcher must agree with: the lowercased text contains every lowercased literal. */
const bruteForce = (text: string, literals: string[]) => literals.every((literal) => text.toLowerCase().includes(literal.toLowerCase()))

const matches = (text: string, literals: string[]) => new LiteralMatcher(literals.map((literal) => literal.toLowerCase())).matches(Buffer.from(text, 'utf8'))

describe('matching literals in a file', () => {
  it.each<[string, string, string[]]>([
    ['lower case as typed', 'the chain rule applies', ['chain rule']],
    ['capitals in the file', 'The Chain Rule applies', ['chain rule']],
    ['mixed scripts with capitals', '这里的KL散度是', ['KL散度']],
    ['mixed scripts, absent', '这里的KL 散度是', ['KL散度']],
    ['letters only, capitals', 'GRADIENT', ['gradient']],
    ['symbols only', '$$x$$', ['$$']],
    ['Chinese only', '扩散模型的直观解释', ['模型的直']],
    ['the Kelvin sign lowers to k', '\u212aL散度', ['kl散度']],
    ['a dotted capital I', 'İstanbul', ['i̇stanbul']],
    ['non-ASCII capitals', 'ÉTUDE des σας', ['étude']],
    ['Greek final sigma', 'ΟΔΟΣ', ['οδος']],
    ['at the very end', 'ends with Chain', ['chain']],
    ['at the very start', 'Chain first', ['chain f']],
    ['two literals, one missing', 'Chain rule only', ['chain rule', 'sliding window']],
    ['two literals', 'Chain rule and SLIDING window', ['chain rule', 'sliding window']],
  ])('agrees with lowercasing the whole text: %s', (_, text, literals) => {
    expect(matches(text, literals)).toBe(bruteForce(text, literals))
  })

  it('agrees with lowercasing the whole text on generated texts', () => {
    const pieces = ['Chain', 'chain', 'RULE', 'rule', ' ', '  ', 'KL', 'kl', '散度', 'É', 'é', '\u212a', 'x', '$', '\n']
    let state = 1
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32
    for (let round = 0; round < 2000; round++) {
      const text = Array.from({ length: 12 }, () => pieces[Math.floor(next() * pieces.length)]).join('')
      const from = Math.floor(next() * text.length)
      const literal = next() < 0.5 ? text.slice(from, from + 1 + Math.floor(next() * 8)) : pieces[Math.floor(next() * pieces.length)] + pieces[Math.floor(next() * pieces.length)]
      if (literal.trim() === '') continue
      expect(matches(text, [literal]), JSON.stringify({ text, literal })).toBe(bruteForce(text, [literal]))
    }
  })
})
