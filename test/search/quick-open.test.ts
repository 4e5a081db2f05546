import { describe, expect, it } from 'vitest'
import { spelledKeys, titleSyllables } from '../../src-main/search/pinyin-keys'
import { QuickOpenIndex } from '../../src-main/search/quick-open'
import { fuzzyMatch } from '../../src-shared/search/fuzzy-match'

const POSTS = [
  { path: 'ml/2024-diffusion.md', title: '扩散模型的直观解释', date: '2024-03-01' },
  { path: 'ml/kl.md', title: 'KL散度', date: '2023-05-01' },
  { path: 'prob/sampling.md', title: '采样学习笔记', date: '2022-01-01' },
  { path: 'notes/gradient.md', title: 'Gradient descent notes', date: '2021-01-01' },
  { path: 'cpp/smart.md', title: '用 PyTorch 实现扩散', date: '2020-01-01' },
  { path: 'city.md', title: '重庆火锅', date: '2019-01-01' },
]

function index(): QuickOpenIndex {
  const quickOpen = new QuickOpenIndex()
  for (const post of POSTS) quickOpen.set({ ...post, syllables: titleSyllables(post.title) })
  return quickOpen
}

const titles = (hits: Array<{ title: string }>) => hits.map((hit) => hit.title)

describe('pinyin keys', () => {
  it('spells each Chinese character of a title without tones, keeping ASCII words', () => {
    expect(titleSyllables('扩散 AI')).toEqual(['kuo', 'san', '', '', ''])
    expect(titleSyllables('Gradient')).toBeNull()
    const keys = spelledKeys('用 PyTorch 实现', titleSyllables('用 PyTorch 实现')!)
    expect(keys.full.key).toBe('yongpytorchshixian')
    expect(keys.initials.key).toBe('ypytorchsx')
  })

  it('reads polyphonic characters from context', () => {
    expect(titleSyllables('重庆')).toEqual(['chong', 'qing'])
  })
})

describe('quick open', () => {
  it.each([
    ['pinyin initials', 'ksmx', '扩散模型的直观解释'],
    ['pinyin initials of a whole title', 'ksmxdzgjs', '扩散模型的直观解释'],
    ['full pinyin', 'kuosan', '扩散模型的直观解释'],
    ['full pinyin with gaps', 'caiyangbiji', '采样学习笔记'],
    ['Chinese characters', '散度', 'KL散度'],
    ['Latin titles, fuzzily', 'grdsc', 'Gradient descent notes'],
    ['paths', 'prob/samp', '采样学习笔记'],
    ['mixed pinyin and ASCII', 'ypytorch', '用 PyTorch 实现扩散'],
    ['a polyphonic character as read in context', 'chongqing', '重庆火锅'],
  ])('matches %s', (_, query, title) => {
    expect(titles(index().search(query, [], 10))[0]).toBe(title)
  })

  it('highlights the title characters a pinyin match stands for', () => {
    const [hit] = index().search('ksmx', [], 10)
    expect(hit.title).toBe('扩散模型的直观解释')
    expect(hit.titleRanges).toEqual([[0, 4]])
    const [byPath] = index().search('prob/samp', [], 10)
    expect(byPath.pathRanges).toEqual([[0, 9]])
  })

  it('lists recent files first, in order, when the query is empty, then the newest', () => {
    const hits = index().search('', ['cpp/smart.md', 'ml/kl.md'], 4)
    expect(hits.map((hit) => [hit.path, hit.isRecent])).toEqual([
      ['cpp/smart.md', true], ['ml/kl.md', true], ['ml/2024-diffusion.md', false], ['prob/sampling.md', false],
    ])
  })

  it('ranks a recent file above an equally good match', () => {
    const quickOpen = new QuickOpenIndex()
    quickOpen.set({ path: 'a/notes.md', title: 'Notes', date: '2024-01-01', syllables: null })
    quickOpen.set({ path: 'b/notes.md', title: 'Notes', date: '2020-01-01', syllables: null })
    expect(quickOpen.search('notes', [], 2)[0].path).toBe('a/notes.md')
    expect(quickOpen.search('notes', ['b/notes.md'], 2)[0].path).toBe('b/notes.md')
  })

  it('finds nothing when the characters are not there in order', () => {
    expect(index().search('zzz', [], 10)).toEqual([])
  })
})

describe('fuzzy matching', () => {
  it('prefers a contiguous match at the start over scattered characters', () => {
    expect(fuzzyMatch('grad', 'gradient')!.score).toBeGreaterThan(fuzzyMatch('grad', 'a good read')!.score)
    expect(fuzzyMatch('grad', 'gradient')!.positions).toEqual([0, 1, 2, 3])
    expect(fuzzyMatch('gdt', 'gradient')!.positions).toEqual([0, 3, 7])
    expect(fuzzyMatch('xyz', 'gradient')).toBeNull()
  })
})
