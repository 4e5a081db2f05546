import { describe, expect, it } from 'vitest'
import { parseQuery, type QueryToken } from '../../src-shared/search/parse-query'

const tokens = (text: string) => parseQuery(text).clauses.map((clause) => clause.tokens.map((token) => `${token.type}:${token.term}`))

describe('parseQuery', () => {
  it.each<[string, string, string[][]]>([
    ['Chinese words become required bigrams', '扩散模型', [['bigram:扩散', 'bigram:散模', 'bigram:模型']]],
    ['a Chinese substring across words', '型的核', [['bigram:型的', 'bigram:的核']]],
    ['one Chinese character matches inside bigrams', '熵', [['cjk-char:熵']]],
    ['English terms are separate clauses', 'Gradient descent', [['word:gradient'], ['word:descent']]],
    ['mixed scripts in one term', 'KL散度', [['word:kl', 'bigram:散度']]],
    ['a command drops its repeated letters', '\\nabla', [['command:\\nabla']]],
    ['formula tokens', '\\mathbb{R}', [['command:\\mathbb', 'word:r']]],
    ['identifiers', 'std::vector', [['word:std', 'word:vector']]],
    ['repeated tokens in a term count once', 'the the', [['word:the'], ['word:the']]],
    ['pure symbols leave a clause with no tokens', '$$', [[]]],
  ])('%s', (_, text, expected) => {
    expect(tokens(text)).toEqual(expected)
  })

  it('keeps quoted phrases whole, in ASCII and Chinese quotes', () => {
    const query = parseQuery('"chain rule" “扩散模型”  「注意力」 rest')
    expect(query.clauses.map((clause) => [clause.text, clause.isPhrase])).toEqual([
      ['chain rule', true], ['扩散模型', true], ['注意力', true], ['rest', false],
    ])
    expect(query.clauses[0].tokens).toEqual<QueryToken[]>([{ type: 'word', term: 'chain', position: 'suffix' }, { type: 'word', term: 'rule', position: 'prefix' }])
  })

  it.each<[string, string, string[]]>([
    ['inner words whole, edge words open outward', '"negative direction of the"', ['word:negative:suffix', 'word:direction:whole', 'word:of:whole', 'word:the:prefix']],
    ['a lone word anywhere', '"window"', ['word:window:']],
    ['edges followed by spaces inside the quotes', '" of "', ['word:of:whole']],
    ['a lone Chinese character between other tokens', '"x 熵 y"', ['word:x:suffix', 'cjk-char:熵:whole', 'word:y:prefix']],
    ['a lone Chinese character at an edge', '"熵 x"', ['cjk-char:熵:', 'word:x:prefix']],
    ['bigrams and commands unpinned', '"KL散度 \\alpha_t"', ['word:kl:suffix', 'bigram:散度:', 'command:\\alpha:', 'word:t:prefix']],
    ['a formula letter between braces', '"\\mathcal{N}"', ['command:\\mathcal:', 'word:n:whole']],
    ['long words in pieces, unpinned', `"a ${'x'.repeat(40)} b"`, ['word:a:suffix', `word:${'x'.repeat(32)}:`, 'word:b:prefix']],
    ['unquoted terms unpinned', 'negative direction', ['word:negative:', 'word:direction:']],
  ])('pins the tokens of quoted phrases: %s', (_, text, expected) => {
    const pinned = parseQuery(text).clauses.flatMap((clause) => clause.tokens.map((token) => `${token.type}:${token.term}:${token.position ?? ''}`))
    expect(pinned).toEqual(expected)
  })

  it('runs an unclosed quote to the end', () => {
    expect(parseQuery('"chain ru').clauses).toEqual([{ text: 'chain ru', isPhrase: true, tokens: [{ type: 'word', term: 'chain', position: 'suffix' }, { type: 'word', term: 'ru', position: 'prefix' }] }])
  })

  it.each([
    ['tag:python', { tags: ['python'] }],
    ['tag:"machine learning"', { tags: ['machine learning'] }],
    ['TAG：概率', { tags: ['概率'] }],
    ['category:数学/概率论', { categories: [['数学', '概率论']] }],
    ['cat:Python', { categories: [['Python']] }],
    ['in:notes/2024/', { folders: ['notes/2024'] }],
    ['in:./algo\\dp', { folders: ['algo/dp'] }],
  ])('reads the filter %s', (text, expected) => {
    const query = parseQuery(text)
    expect({ tags: query.tags, categories: query.categories, folders: query.folders }).toEqual({ tags: [], categories: [], folders: [], ...expected })
    expect(query.clauses).toEqual([])
    expect(query.isEmpty).toBe(false)
  })

  it('combines filters with terms and ignores a filter still being typed', () => {
    const query = parseQuery('梯度 tag:优化 in:')
    expect(query.clauses.map((clause) => clause.text)).toEqual(['梯度'])
    expect(query.tags).toEqual(['优化'])
    expect(query.folders).toEqual([])
  })

  it('is empty for blank input', () => {
    expect(parseQuery('  \u3000 ').isEmpty).toBe(true)
  })
})
