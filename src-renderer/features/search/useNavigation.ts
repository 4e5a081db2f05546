import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import type { VaultChange, VaultInfo } from '../../../src-shared/model/vault'
import type { EditorLinkHandlers } from '../../editor/links'
import { api } from '../../ipc'
import { isMac } from '../commands/shortcuts'
import { useCommands } from '../commands/useCommands'
import type { DocumentHandle } from '../editor/useDocument'
import { postFolder } from '../feed/feed-filter'
import type { EditorBridge } from '../links/editor-bridge'
import { followPostLink, isInsideFolder } from '../links/follow-post-link'
import { titleChange } from '../links/front-matter-title'
import type { PostLocation } from '../links/post-location'
import type { RenameMode, RenameOutcome } from '../links/RenameDialog'
import { useEditorBridge } from '../links/useEditorBridge'
import { useTitleChangeOffer, type TitleChangeOffer } from '../links/useTitleChangeOffer'
import { useRecentPosts, type RecentPosts } from '../quick-open/useRecentPosts'

/** The dialog shown over the workspace, if any. */
export type Overlay =
  | { type: 'search' }
  | { type: 'quick-open' }
  | { type: 'palette' }
  | { type: 'rename'; path: string; title: string; mode: RenameMode; linksOnly?: { oldTitle: string } }
  | { type: 'create-linked'; title: string; folder: string }

/** What {@link useNavigation} needs from the workspace. */
export interface NavigationDeps {
  vault: VaultInfo
  posts: PostSummary[]
  handle: DocumentHandle
  /** Opens a post as a click in the post list does (saving the open one first); resolves to whether it opened. */
  openPost: (path: string, fromKeyboard: boolean) => Promise<boolean>
  applyChange: (change: VaultChange) => void
  /** Shows a transient notice (a heading a link names is missing, a link leads outside the folder). */
  notify: (message: string) => void
}

/** Finding and following posts in a workspace: state and actions for the overlays, the editor and the panels. */
export interface Navigation {
  overlay: Overlay | null
  show: (overlay: Overlay | null) => void
  /** Opens the rename dialog for the open post (links only: its title already changed from `oldTitle`). */
  startRename: (mode: RenameMode, linksOnly?: { oldTitle: string }) => void
  /** The search panel's query, kept while it is closed. */
  searchQuery: string
  setSearchQuery: (query: string) => void
  bridge: EditorBridge
  recent: RecentPosts
  offer: TitleChangeOffer
  /** Opens a post with the editor (and the preview) at `location` (a search match, a link's heading); a missing heading is noticed. */
  openAt: (path: string, location?: PostLocation) => Promise<void>
  /** Writes a new title into the open post's front matter and saves it. */
  setTitle: (title: string) => Promise<boolean>
  /** Saves the open post's pending edits. */
  flush: () => Promise<boolean>
  /** Follows a rename: the renamed post stays open under its new path. */
  onRenamed: (outcome: RenameOutcome) => void
  /** Creates the post an unresolved link names, then opens it; resolves to an error to show, or null. */
  createLinked: (title: string) => Promise<string | null>
}

/**
 * Everything issue 6 adds to a workspace, minus the drawing: the overlay shown
 * (search, quick open, the palette, rename, creating a linked post) and the
 * commands that open them; the editor bridge serving `[[` completion, Ctrl/Cmd+
 * click and unresolved-link marks; the recent posts; and the offer to update links
 * when a title changes. Render {@link Navigation.overlay} with `NavigationOverlays`.
 */
export function useNavigation({ vault, posts, handle, openPost, applyChange, notify }: NavigationDeps): Navigation {
  const { t } = useTranslation()
  const { snapshot, session } = handle
  const [overlay, show] = useState<Overlay | null>(null)
  const [searchQuery, setSearchQuery] = useState('')
  const openPath = snapshot.document?.summary.path ?? null
  const recent = useRecentPosts(vault.root, openPath, posts)
  const offer = useTitleChangeOffer(session)
  const { acknowledge } = offer
  const modifier = isMac ? '⌘' : 'Ctrl'

  const currentPath = () => session.getSnapshot().document?.summary.path ?? null

  const handlers: EditorLinkHandlers = {
    resolve: async (links) => {
      const from = currentPath()
      return from ? api.links.resolve(from, links.map(({ kind, target }) => ({ kind, target }))) : []
    },
    complete: (query) => api.search.quickOpen(query, recent.paths.slice(0, 200), 30),
    follow: (link) => {
      const fromPath = currentPath()
      if (!fromPath) return
      void followPostLink(link, {
        fromPath,
        resolve: async (ref) => (await api.links.resolve(fromPath, [ref]))[0],
        open: openAt,
        offerToCreate: (title) => show({ type: 'create-linked', title, folder: postFolder(fromPath) }),
        refuse: (target) => notify(t('links.outsideFolder', { target })),
      })
    },
    hint: (link, resolution) => {
      const fromPath = currentPath()
      if (link.kind === 'markdown' && fromPath && !isInsideFolder(link.target, fromPath)) return t('links.outsideFolderHint')
      return resolution && !resolution.isResolved
        ? t('links.unresolvedHint', { title: resolution.suggestedTitle, keys: modifier })
        : t('links.followHint', { keys: modifier })
    },
  }
  const bridge = useEditorBridge(handlers)

  const openAt = useCallback(
    async (path: string, location?: PostLocation) => {
      if (!(await openPost(path, true)) || !location) return
      const outcome = await bridge.reveal(session.getSnapshot().loadId, location)
      if (outcome.type === 'missing-heading') {
        notify(t('links.headingMissing', { heading: outcome.heading, title: session.getSnapshot().document?.summary.title ?? path }))
      }
    },
    [openPost, session, bridge, notify, t],
  )

  useEffect(() => bridge.refreshLinks(), [bridge, posts])

  const startRename = useCallback(
    (mode: RenameMode, linksOnly?: { oldTitle: string }) => {
      const summary = session.getSnapshot().document?.summary
      if (summary) show({ type: 'rename', path: summary.path, title: summary.title, mode, linksOnly })
    },
    [session],
  )

  useCommands({
    'quick-open': () => show({ type: 'quick-open' }),
    search: () => show({ type: 'search' }),
    'command-palette': () => show({ type: 'palette' }),
    'rename-post': { run: () => startRename('title'), isEnabled: () => session.getSnapshot().document !== null },
  })

  const setTitle = useCallback(
    async (title: string) => {
      const view = bridge.view()
      const path = currentPath()
      if (!view || !path || !(await session.flush())) return false
      acknowledge(path, title.trim())
      view.dispatch({ changes: titleChange(view.state.doc.toString(), title), userEvent: 'input.rename' })
      return session.flush()
    },
    [bridge, session, acknowledge],
  )

  const onRenamed = useCallback(
    (outcome: RenameOutcome) => {
      if (outcome.newPath !== outcome.path) {
        recent.rename(outcome.path, outcome.newPath)
        void openPost(outcome.newPath, false)
      }
      const title = session.getSnapshot().document?.summary.title
      if (title) acknowledge(outcome.newPath, title)
    },
    [recent, openPost, session, acknowledge],
  )

  const createLinked = useCallback(
    async (title: string) => {
      if (overlay?.type !== 'create-linked') return null
      if (!(await session.flush())) return t('newPost.unsavedFirst')
      const result = await api.vault.createPost(title, overlay.folder)
      if (!result.ok) return result.message
      applyChange({ type: 'upserted', posts: [result.document.summary] })
      show(null)
      await openPost(result.document.summary.path, true)
      return null
    },
    [overlay, session, applyChange, openPost, t],
  )

  return useMemo(
    () => ({ overlay, show, startRename, searchQuery, setSearchQuery, bridge, recent, offer, openAt, setTitle, flush: session.flush, onRenamed, createLinked }),
    [overlay, startRename, searchQuery, bridge, recent, offer, openAt, setTitle, session, onRenamed, createLinked],
  )
}
