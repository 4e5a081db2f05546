import { describe, expect, it } from 'vitest'
import { LinkGraph, storeLinks } from '../../src-main/links/link-graph'
import { markdownTargetPath, relativeDestination } from '../../src-main/links/resolve-link'
import { scanLinks } from '../../src-shared/search/scan-links'

function graphOf(posts: Record<string, { title: string; text: string }>): LinkGraph {
  const graph = new LinkGraph()
  for (const [path, post] of Object.entries(posts)) graph.setPost(path, post.title, storeLinks(post.text, scanLinks(post.text)))
  return graph
}

const POSTS = {
  'ml/diffusion.md': { title: '扩散模型', text: '---\ntitle: 扩散模型\n---\n\n先读 [[kl散度#定义|KL]]，再看 [采样](../prob/sampling.md)。\n' },
  'ml/KL-divergence.md': { title: 'KL散度', text: '# KL散度\n\n见 [[扩散模型]] 与 [[不存在的笔记]]。\n' },
  'prob/sampling.md': { title: '采样', text: '回到 [[KL-divergence]] 和 [x](../ml/diffusion.md)。\n' },
}

describe('resolving links', () => {
  it('resolves wiki links by title ignoring case, then by file name, keeping the heading', () => {
    const graph = graphOf(POSTS)
    expect(graph.resolve({ kind: 'wiki', target: 'kl散度#定义|KL' }, 'ml/diffusion.md')).toEqual({ isResolved: true, path: 'ml/KL-divergence.md', title: 'KL散度', heading: '定义' })
    expect(graph.resolve({ kind: 'wiki', target: 'KL-divergence' }, 'prob/sampling.md')).toMatchObject({ isResolved: true, path: 'ml/KL-divergence.md' })
    expect(graph.resolve({ kind: 'wiki', target: 'ml/kl-divergence.md' }, 'prob/sampling.md')).toMatchObject({ isResolved: true, path: 'ml/KL-divergence.md' })
    expect(graph.resolve({ kind: 'wiki', target: '新笔记' }, 'ml/diffusion.md')).toEqual({ isResolved: false, target: '新笔记', heading: null, suggestedTitle: '新笔记' })
  })

  it('resolves relative Markdown links and refuses paths leaving the vault', () => {
    const graph = graphOf(POSTS)
    expect(graph.resolve({ kind: 'markdown', target: '../prob/sampling.md#x' }, 'ml/diffusion.md')).toMatchObject({ isResolved: true, path: 'prob/sampling.md', heading: 'x' })
    expect(graph.resolve({ kind: 'markdown', target: '../../etc/passwd.md' }, 'ml/diffusion.md')).toMatchObject({ isResolved: false })
    expect(markdownTargetPath('my%20notes.md', 'a/b.md')).toBe('a/my notes.md')
    expect(relativeDestination('a/b.md', 'c/my notes.md', 'x.md', false)).toBe('../c/my%20notes.md')
    expect(relativeDestination('a/b.md', 'a/new.md', './old.md', false)).toBe('./new.md')
  })

  it('prefers the post in the linking post\'s folder among posts with the same title', () => {
    const graph = graphOf({
      'a/note.md': { title: 'Note', text: '[[Note]]' },
      'b/note.md': { title: 'Note', text: '[[Note]]' },
    })
    expect(graph.resolvedLinksOf('b/note.md')).toEqual(['b/note.md'])
  })
})

describe('backlinks', () => {
  it('lists every post linking to a post, with the line and its context', () => {
    const graph = graphOf(POSTS)
    const backlinks = graph.backlinks('ml/KL-divergence.md')
    expect(backlinks.map((link) => [link.sourcePath, link.kind, link.line])).toEqual([['ml/diffusion.md', 'wiki', 5], ['prob/sampling.md', 'wiki', 1]])
    const [first] = backlinks
    expect(first.sourceTitle).toBe('扩散模型')
    expect(first.context.slice(first.contextRange[0], first.contextRange[1])).toBe('[[kl散度#定义|KL]]')
    expect(graph.backlinks('ml/diffusion.md').map((link) => link.sourcePath)).toEqual(['ml/KL-divergence.md', 'prob/sampling.md'])
  })

  it('marks where the context was cut from a long line', () => {
    const text = `# T\n\n${'前文'.repeat(50)} [[采样]] then jump down](#far-section) ${'and more '.repeat(20)}\n[[采样]] short\n`
    const [long, short] = storeLinks(text, scanLinks(text))
    expect(long).toMatchObject({ isCutBefore: true, isCutAfter: true })
    expect(long.context.slice(long.contextStart, long.contextEnd)).toBe('[[采样]]')
    expect(short).toEqual(expect.objectContaining({ context: '[[采样]] short' }))
    expect(short).not.toHaveProperty('isCutBefore')
    expect(short).not.toHaveProperty('isCutAfter')
    const graph = graphOf({ 'a.md': { title: 'A', text }, 'prob/sampling.md': POSTS['prob/sampling.md'] })
    expect(graph.backlinks('prob/sampling.md').map((link) => [link.isCutBefore, link.isCutAfter])).toEqual([[true, true], [false, false]])
  })

  it('leaves links to a heading of the same post out of the graph', () => {
    const text = 'See [[#Loss]] and [[#前向过程|above]], then [[采样]].'
    expect(storeLinks(text, scanLinks(text)).map((link) => link.target)).toEqual(['采样'])
    const graph = graphOf({ 'a.md': { title: 'A', text }, 'prob/sampling.md': POSTS['prob/sampling.md'] })
    expect(graph.unresolved().filter((link) => link.sourcePath === 'a.md')).toEqual([])
    expect(graph.backlinks('a.md')).toEqual([])
    expect(graph.resolve({ kind: 'wiki', target: '#Loss' }, 'a.md')).toEqual({ isResolved: true, path: 'a.md', title: 'A', heading: 'Loss' })
  })

  it('lists unresolved links and resolves them once the post exists', () => {
    const graph = graphOf(POSTS)
    expect(graph.unresolved().map((link) => [link.sourcePath, link.target])).toEqual([['ml/KL-divergence.md', '不存在的笔记']])
    graph.setPost('new.md', '不存在的笔记', [])
    expect(graph.unresolved()).toEqual([])
    expect(graph.backlinks('new.md').map((link) => link.sourcePath)).toEqual(['ml/KL-divergence.md'])
    graph.removePost('ml/diffusion.md')
    expect(graph.backlinks('ml/KL-divergence.md').map((link) => link.sourcePath)).toEqual(['prob/sampling.md'])
  })
})
