import { describe, expect, it } from 'vitest'
import type { PostSummary } from '../../src-shared/model/post'
import { externalHost, findLinkedPost } from '../../src-renderer/features/preview/post-links'

function summary(path: string, title: string): PostSummary {
  return { id: path, path, title, date: '', updated: '', categories: [], tags: [], isDraft: false, excerpt: '', wordCount: 0, links: [], warnings: [], mtimeMs: 0, size: 0 }
}

const posts = [
  summary('deep-learning/ddpm-and-score-matching.md', 'DDPM and Score Matching'),
  summary('deep-learning/reparameterization.md', '重参数化技巧与 Gumbel-Softmax'),
  summary('notes/Other.md', 'Other'),
]

describe('findLinkedPost', () => {
  it.each([
    ['the exact title', 'DDPM and Score Matching', posts[0]],
    ['the title in another case and spacing', '  ddpm  AND score matching ', posts[0]],
    ['a Chinese title', '重参数化技巧与 Gumbel-Softmax', posts[1]],
    ['a file name without extension', 'ddpm-and-score-matching', posts[0]],
    ['a vault path', 'deep-learning/reparameterization.md', posts[1]],
    ['an unknown title', 'Nothing like it', null],
    ['an empty title', '  ', null],
  ])('finds a wiki link by %s', (_name, title, expected) => {
    expect(findLinkedPost(posts, { type: 'wiki', title, fragment: '' })).toBe(expected)
  })

  it('finds a relative link by its resolved path, exactly or ignoring case', () => {
    expect(findLinkedPost(posts, { type: 'path', path: 'notes/Other.md', fragment: '' })).toBe(posts[2])
    expect(findLinkedPost(posts, { type: 'path', path: 'notes/other.md', fragment: '' })).toBe(posts[2])
    expect(findLinkedPost(posts, { type: 'path', path: 'notes/missing.md', fragment: '' })).toBeNull()
  })

  it('prefers a title over a file name', () => {
    const clash = [summary('a/other.md', 'Something'), summary('b/x.md', 'other')]
    expect(findLinkedPost(clash, { type: 'wiki', title: 'Other', fragment: '' })).toBe(clash[1])
  })
})

describe('externalHost', () => {
  it.each([
    ['https://arxiv.org/abs/2006.11239', 'arxiv.org'],
    ['http://localhost:8080/x', 'localhost:8080'],
    ['mailto:someone@example.com', 'someone@example.com'],
    ['not a url', 'not a url'],
  ])('%s → %s', (url, host) => {
    expect(externalHost(url)).toBe(host)
  })
})
