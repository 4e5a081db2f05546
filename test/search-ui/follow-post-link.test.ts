import { describe, expect, it } from 'vitest'
import type { LinkRef, LinkResolution } from '../../src-shared/search/link-types'
import type { FollowedLink } from '../../src-renderer/editor/links'
import { followPostLink, isInsideFolder } from '../../src-renderer/features/links/follow-post-link'
import type { PostLocation } from '../../src-renderer/features/links/post-location'

/** Follows `link` from `notes/from.md` against a fake main that knows `known` targets, recording what the app was asked to do. */
async function follow(link: FollowedLink, known: Record<string, string> = {}) {
  const asked: LinkRef[] = []
  const done: Array<[string, ...unknown[]]> = []
  await followPostLink(link, {
    fromPath: 'notes/from.md',
    resolve: async (ref): Promise<LinkResolution> => {
      asked.push(ref)
      const path = known[ref.target]
      return path ? { isResolved: true, path, title: path, heading: null } : { isResolved: false, target: ref.target, heading: null, suggestedTitle: `new ${ref.target}` }
    },
    open: async (path: string, location?: PostLocation) => {
      done.push(['open', path, location])
    },
    offerToCreate: (title) => done.push(['create', title]),
    refuse: (target) => done.push(['refuse', target]),
  })
  return { asked, done }
}

describe('followPostLink', () => {
  it('opens a resolved wiki link at its heading, asking main without the heading', async () => {
    const { asked, done } = await follow({ kind: 'wiki', target: '扩散模型', heading: '前向过程' }, { 扩散模型: 'ml/diffusion.md' })
    expect(asked).toEqual([{ kind: 'wiki', target: '扩散模型' }])
    expect(done).toEqual([['open', 'ml/diffusion.md', { type: 'heading', heading: '前向过程' }]])
  })

  it('opens a relative link at its percent-decoded anchor', async () => {
    const { done } = await follow({ kind: 'markdown', target: '../ml/diffusion.md', heading: '%E5%89%8D%E5%90%91' }, { '../ml/diffusion.md': 'ml/diffusion.md' })
    expect(done).toEqual([['open', 'ml/diffusion.md', { type: 'heading', heading: '前向' }]])
  })

  it('opens a link without a heading at the top', async () => {
    const { done } = await follow({ kind: 'wiki', target: 'KL', heading: null }, { KL: 'kl.md' })
    expect(done).toEqual([['open', 'kl.md', undefined]])
  })

  it('offers to create the post an unresolved link names', async () => {
    const { done } = await follow({ kind: 'wiki', target: '还没有写的文章', heading: null })
    expect(done).toEqual([['create', 'new 还没有写的文章']])
  })

  it('jumps to a heading of the same post without asking main', async () => {
    const wiki = await follow({ kind: 'wiki', target: '', heading: 'Loss' })
    expect(wiki.asked).toEqual([])
    expect(wiki.done).toEqual([['open', 'notes/from.md', { type: 'heading', heading: 'Loss' }]])
    const markdown = await follow({ kind: 'markdown', target: '', heading: 'the%20loss' })
    expect(markdown.done).toEqual([['open', 'notes/from.md', { type: 'heading', heading: 'the loss' }]])
    expect((await follow({ kind: 'wiki', target: ' ', heading: null })).done).toEqual([])
  })

  it.each([['../../etc/passwd.md'], ['/etc/passwd.md'], ['\\\\server\\share.md'], ['file:///etc/passwd.md'], ['javascript:alert(1)//.md'], ['C:\\Windows\\x.md']])(
    'refuses %s without asking main or opening anything',
    async (target) => {
      const { asked, done } = await follow({ kind: 'markdown', target, heading: null })
      expect(asked).toEqual([])
      expect(done).toEqual([['refuse', target]])
    },
  )
})

describe('isInsideFolder', () => {
  it.each([
    ['other.md', true],
    ['../sibling/other.md', true],
    ['./a/../b.md', true],
    ['../../outside.md', false],
    ['..', false],
    ['/abs.md', false],
  ])('%s from notes/from.md → %s', (destination, expected) => {
    expect(isInsideFolder(destination, 'notes/from.md')).toBe(expected)
  })
})
