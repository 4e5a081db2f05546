import { useCallback, useContext, useLayoutEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import type { FollowedLink } from '../../editor/links'
import { api } from '../../ipc'
import { EditorIntegrationContext } from '../links/editor-integration'
import { isInsideFolder } from '../links/follow-post-link'
import { ExternalLinkPrompt } from './ExternalLinkPrompt'
import { Preview } from './Preview'
import { usePreviewLinkMarks } from './usePreviewLinkMarks'
import { usePreviewReveal } from './usePreviewReveal'

/** Props of {@link PreviewPane}. */
export interface PreviewPaneProps {
  /** The post's text as it is being edited. */
  source: string
  postPath: string
  /** The folder's macro preamble. */
  preamble: string
  /** Every post of the vault; a new list means links may lead elsewhere, so they are resolved again. */
  posts: readonly PostSummary[]
  notify: (message: string) => void
  /** Receives the scrolling element (for scroll sync). */
  scrollerRef?: (element: HTMLDivElement | null) => void
  /** Called after each render with the element holding the blocks. */
  onRendered?: (blocks: HTMLElement) => void
}

/**
 * The preview column: the rendered post in its own scroller, with links wired to
 * the app through the editor's link handlers (`EditorIntegrationContext`), so a
 * click here does what Ctrl/Cmd+click does in the editor: main resolves the link,
 * the post opens at its `#heading` (this one, for `[[#Heading]]`), an unresolved
 * link offers to create its post, and links main cannot resolve are marked. When
 * the app reveals a heading the preview scrolls it to the top. An external link
 * first asks, naming its host, then goes to the system browser through main,
 * which checks the URL again.
 */
export function PreviewPane({ source, postPath, preamble, posts, notify, scrollerRef, onRendered }: PreviewPaneProps) {
  const [pendingUrl, setPendingUrl] = useState<string | null>(null)
  const { t } = useTranslation()
  const integration = useContext(EditorIntegrationContext)
  const scrollerElement = useRef<HTMLDivElement | null>(null)
  const hint = useCallback(
    (link: FollowedLink, resolution: { suggestedTitle: string }) =>
      link.kind === 'markdown' && !isInsideFolder(link.target, postPath) ? t('links.outsideFolderHint') : t('links.unresolvedPreviewHint', { title: resolution.suggestedTitle }),
    [postPath, t],
  )
  const markLinks = usePreviewLinkMarks(integration?.links ?? null, postPath, posts, hint)
  const reveal = usePreviewReveal(integration, scrollerElement)

  useLayoutEffect(() => {
    // Another post starts at its top (or at the heading a link names, once it renders), not where the last one was left.
    if (scrollerElement.current) scrollerElement.current.scrollTop = 0
  }, [postPath])

  const setScroller = useCallback(
    (element: HTMLDivElement | null) => {
      scrollerElement.current = element
      scrollerRef?.(element)
    },
    [scrollerRef],
  )

  const afterRender = useCallback(
    (blocks: HTMLElement) => {
      markLinks(blocks)
      reveal(blocks)
      onRendered?.(blocks)
    },
    [markLinks, reveal, onRendered],
  )

  const followLink = useCallback((link: FollowedLink) => integration?.links.follow(link, null), [integration])

  const openExternal = useCallback(async () => {
    const url = pendingUrl
    setPendingUrl(null)
    if (!url) return
    const result = await api.app.openExternal(url)
    if (!result.ok) notify(result.message)
  }, [pendingUrl, notify])

  return (
    <div className="preview-scroller" ref={setScroller} data-testid="preview-scroller">
      <Preview source={source} postPath={postPath} preamble={preamble} onFollowLink={followLink} onOpenExternal={setPendingUrl} onRendered={afterRender} />
      {pendingUrl !== null && <ExternalLinkPrompt url={pendingUrl} onOpen={() => void openExternal()} onCancel={() => setPendingUrl(null)} />}
    </div>
  )
}
