import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostDocument } from '../../../src-shared/model/post'
import type { VaultInfo } from '../../../src-shared/model/vault'
import { api } from '../../ipc'
import { EmptyState } from '../../ui/EmptyState'
import { FileTextIcon } from '../../ui/Icons'
import { commandSpec } from '../commands/commands'
import { shortcutLabel } from '../commands/shortcuts'
import { useCommands } from '../commands/useCommands'
import { EditorPane } from '../editor/EditorPane'
import { useDocument } from '../editor/useDocument'
import { Feed } from '../feed/Feed'
import { EMPTY_FILTER, type FeedFilter } from '../feed/feed-filter'
import { newPostTarget, ROOT_TARGET, type NewPostTarget } from '../feed/new-post-target'
import { BacklinksPanel } from '../links/BacklinksPanel'
import { EditorIntegrationContext } from '../links/editor-integration'
import { RenameButton } from '../links/RenameButton'
import { IndexProgressBar } from '../indexing/IndexProgressBar'
import { NewPostDialog } from '../posts/NewPostDialog'
import { RecoveryOfferDialog } from '../recovery/RecoveryOfferDialog'
import { NavigationOverlays } from '../search/NavigationOverlays'
import { useNavigation } from '../search/useNavigation'
import { TaxonomyNav } from '../taxonomy/TaxonomyNav'
import type { VaultHandle } from '../vault/useVault'
import { Sidebar } from './Sidebar'

/** Props of {@link Workspace}. */
export interface WorkspaceProps {
  vault: VaultInfo
  state: VaultHandle
  notify: (message: string) => void
}

/**
 * The main screen of an open vault: the sidebar, the main pane, the "New post"
 * dialog, the indexing progress and the offer to restore crash backups. Mount one per vault (key it by the vault's root). The main pane shows the
 * feed (the home view) or the editor; both stay mounted so each keeps its place.
 * Opening a post shows the editor, "Latest" in the sidebar the feed. The open post
 * is always saved before another post or folder is opened or the feed is shown; if
 * that save fails, nothing is switched and the text stays in the editor.
 */
export function Workspace({ vault, state, notify }: WorkspaceProps) {
  const { applyChange, chooseFolder, openFolder } = state
  const onDocument = useCallback((document: PostDocument) => applyChange({ type: 'upserted', posts: [document.summary] }), [applyChange])
  const handle = useDocument(onDocument)
  const { snapshot, session } = handle
  const { t } = useTranslation()
  const [creating, setCreating] = useState<NewPostTarget | null>(null)
  const [focusToken, setFocusToken] = useState(0)
  const [view, setView] = useState<'feed' | 'editor'>('feed')
  const [feedFilter, setFeedFilter] = useState<FeedFilter>(EMPTY_FILTER)
  const [feedFocusToken, setFeedFocusToken] = useState(0)

  const openPost = useCallback(
    async (path: string, fromKeyboard: boolean) => {
      setView('editor')
      const outcome = await session.open(path)
      if (outcome.ok && fromKeyboard) setFocusToken((token) => token + 1)
      if (!outcome.ok && outcome.reason === 'unsaved') notify(t('workspace.keptOpen'))
      return outcome.ok
    },
    [session, notify, t],
  )

  const afterSaving = useCallback(
    async (action: () => Promise<unknown>) => {
      if (await session.flush()) await action()
      else notify(t('workspace.keptOpen'))
    },
    [session, notify, t],
  )

  const createPost = useCallback(
    async (title: string): Promise<string | null> => {
      if (!creating) return null
      if (!(await session.flush())) return t('newPost.unsavedFirst')
      const { folder, categories, tags } = creating
      const meta = categories.length > 0 || tags.length > 0 ? { categories, tags } : undefined
      const result = await api.vault.createPost(title, folder, meta)
      if (!result.ok) return result.message
      applyChange({ type: 'upserted', posts: [result.document.summary] })
      setCreating(null)
      setView('editor')
      const outcome = await session.open(result.document.summary.path, result.document)
      if (outcome.ok) setFocusToken((token) => token + 1)
      return null
    },
    [session, applyChange, creating, t],
  )

  const onChooseFolder = useCallback(() => void afterSaving(chooseFolder), [afterSaving, chooseFolder])
  const onOpenFolder = useCallback((path: string) => void afterSaving(() => openFolder(path)), [afterSaving, openFolder])
  const onNewPost = useCallback(() => setCreating(view === 'feed' ? newPostTarget(feedFilter) : ROOT_TARGET), [view, feedFilter])
  const onFeedNewPost = useCallback(() => setCreating(newPostTarget(feedFilter)), [feedFilter])
  const onShowFeed = useCallback(
    () =>
      void afterSaving(async () => {
        setView('feed')
        setFeedFocusToken((token) => token + 1)
      }),
    [afterSaving],
  )
  const onOpenPost = useCallback((path: string, fromKeyboard: boolean) => void openPost(path, fromKeyboard), [openPost])
  const nav = useNavigation({ vault, posts: state.posts, handle, openPost, applyChange, notify })
  const onFilterFeed = useCallback(
    (filter: FeedFilter) =>
      void afterSaving(async () => {
        setFeedFilter(filter)
        setView('feed')
      }),
    [afterSaving],
  )
  const onRecovered = useCallback(() => setView('editor'), [])

  const postTitle = snapshot.document?.summary.title
  useEffect(() => {
    document.title = postTitle && view === 'editor' ? `${postTitle} — ${vault.name}` : `${vault.name} — Lemma`
  }, [postTitle, vault.name, view])

  useCommands({
    save: () => void session.save(),
    'new-post': onNewPost,
    'open-folder': onChooseFolder,
    'show-feed': onShowFeed,
  })

  const hasPosts = state.posts.length > 0
  const placeholder = (
    <EmptyState icon={<FileTextIcon size={30} />} title={hasPosts ? t('placeholder.noSelection') : t('placeholder.emptyVault')} testId="no-selection">
      <p>{hasPosts ? t('placeholder.chooseHint') : t('placeholder.createHint')}</p>
      <p className="empty-state__keys">
        <kbd>{shortcutLabel(commandSpec('new-post').shortcut)}</kbd> {t('placeholder.newPostKey')}
        {hasPosts && (
          <>
            <span className="empty-state__keys-gap" />
            <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd> {t('placeholder.browseKeys')}
          </>
        )}
      </p>
    </EmptyState>
  )

  return (
    <div className="workspace">
      <Sidebar
        vault={vault}
        recentFolders={state.recentFolders}
        posts={state.posts}
        openPath={snapshot.path}
        onChooseFolder={onChooseFolder}
        onOpenFolder={onOpenFolder}
        onNewPost={onNewPost}
        onOpenPost={onOpenPost}
        isFeedActive={view === 'feed'}
        onShowFeed={onShowFeed}
        taxonomy={<TaxonomyNav refreshKey={state.posts} filter={view === 'feed' ? feedFilter : null} onFilter={onFilterFeed} />}
      />
      <div className="workspace__main">
        <div className={view === 'feed' ? 'workspace__view' : 'workspace__view workspace__view--hidden'} inert={view !== 'feed'}>
          <Feed
            posts={state.posts}
            filter={feedFilter}
            onFilter={setFeedFilter}
            isActive={view === 'feed'}
            openPath={snapshot.path}
            focusToken={feedFocusToken}
            onOpenPost={onOpenPost}
            onNewPost={onFeedNewPost}
          />
        </div>
        <div className={view === 'editor' ? 'workspace__view' : 'workspace__view workspace__view--hidden'} inert={view !== 'editor'}>
          <EditorIntegrationContext.Provider value={nav.bridge.integration}>
            <EditorPane
              handle={handle}
              focusToken={focusToken}
              placeholder={placeholder}
              posts={state.posts}
              notify={notify}
              isActive={view === 'editor'}
              headerActions={<RenameButton onClick={() => nav.startRename('title')} />}
              footer={
                snapshot.document && (
                  <BacklinksPanel
                    path={snapshot.document.summary.path}
                    title={snapshot.document.summary.title}
                    refreshKey={state.posts}
                    onOpen={(path, location) => void nav.openAt(path, location)}
                  />
                )
              }
            />
          </EditorIntegrationContext.Provider>
        </div>
      </div>
      {creating && <NewPostDialog target={creating} onCreate={createPost} onClose={() => setCreating(null)} />}
      <NavigationOverlays nav={nav} snapshot={snapshot} />
      <IndexProgressBar />
      <RecoveryOfferDialog session={session} posts={state.posts} onOpened={onRecovered} />
    </div>
  )
}
