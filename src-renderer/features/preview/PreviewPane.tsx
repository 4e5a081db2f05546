import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import { api } from '../../ipc'
import { ExternalLinkPrompt } from './ExternalLinkPrompt'
import { markUnresolvedLinks } from './mark-links'
import { findLinkedPost } from './post-links'
import { Preview, type PostLinkTarget } from './Preview'

/** Props of {@link PreviewPane}. */
export interface PreviewPaneProps {
  /** The post's text as it is being edited. */
  source: string
  postPath: string
  /** The folder's macro preamble. */
  preamble: string
  /** Every post of the vault, to follow links by title or path. */
  posts: readonly PostSummary[]
  /** Opens another post in the app. */
  onOpenPost: (path: string) => void
  notify: (message: string) => void
  /** Receives the scrolling element (for scroll sync). */
  scrollerRef?: (element: HTMLDivElement | null) => void
  /** Called after each render with the element holding the blocks. */
  onRendered?: (blocks: HTMLElement) => void
}

/**
 * The preview column: the rendered post in its own scroller, with links wired to
 * the app. A `[[Title]]` or relative `.md` link opens that post (or says there is
 * none); an external link first asks, naming its host, then goes to the system
 * browser through main, which checks the URL again.
 */
export function PreviewPane({ source, postPath, preamble, posts, onOpenPost, notify, scrollerRef, onRendered }: PreviewPaneProps) {
  const [pendingUrl, setPendingUrl] = useState<string | null>(null)
  const { t } = useTranslation()
  const blocksRef = useRef<HTMLElement | null>(null)
  const postsRef = useRef(posts)

  useEffect(() => {
    postsRef.current = posts
    if (blocksRef.current) markUnresolvedLinks(blocksRef.current, posts)
  }, [posts])

  const afterRender = useCallback(
    (blocks: HTMLElement) => {
      blocksRef.current = blocks
      markUnresolvedLinks(blocks, postsRef.current)
      onRendered?.(blocks)
    },
    [onRendered],
  )

  const openPost = useCallback(
    (target: PostLinkTarget) => {
      const post = findLinkedPost(posts, target)
      if (post) onOpenPost(post.path)
      else notify(target.type === 'wiki' ? t('preview.noPostTitled', { title: target.title }) : t('preview.noPostAt', { path: target.path }))
    },
    [posts, onOpenPost, notify, t],
  )

  const openExternal = useCallback(async () => {
    const url = pendingUrl
    setPendingUrl(null)
    if (!url) return
    const result = await api.app.openExternal(url)
    if (!result.ok) notify(result.message)
  }, [pendingUrl, notify])

  return (
    <div className="preview-scroller" ref={scrollerRef} data-testid="preview-scroller">
      <Preview source={source} postPath={postPath} preamble={preamble} onOpenPost={openPost} onOpenExternal={setPendingUrl} onRendered={afterRender} />
      {pendingUrl !== null && <ExternalLinkPrompt url={pendingUrl} onOpen={() => void openExternal()} onCancel={() => setPendingUrl(null)} />}
    </div>
  )
}
