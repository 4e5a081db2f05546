import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import type { VaultInfo } from '../../../src-shared/model/vault'
import { commandSpec } from '../commands/commands'
import { FeedIcon } from '../feed/FeedIcons'
import { shortcutLabel } from '../commands/shortcuts'
import { PostList } from '../posts/PostList'
import { VaultSwitcher } from '../vault/VaultSwitcher'
import { EmptyState } from '../../ui/EmptyState'
import { FileTextIcon, FolderOpenIcon, NewPostIcon } from '../../ui/Icons'

const countFormat = new Intl.NumberFormat()

/** Props of {@link Sidebar}. */
export interface SidebarProps {
  vault: VaultInfo
  recentFolders: string[]
  posts: PostSummary[]
  openPath: string | null
  onChooseFolder: () => void
  onOpenFolder: (path: string) => void
  onNewPost: () => void
  onOpenPost: (path: string, fromKeyboard: boolean) => void
  /** Whether the main pane shows the feed rather than the editor. */
  isFeedActive: boolean
  /** Shows the feed of latest posts in the main pane. */
  onShowFeed: () => void
  /** The category and tag navigation, under "Latest". */
  taxonomy?: ReactNode
}

/**
 * The left column: the vault switcher, "Open Folder…" and "New post", the way to the
 * feed of latest posts, and the posts newest first.
 */
export function Sidebar(props: SidebarProps) {
  const { vault, recentFolders, posts, openPath, onChooseFolder, onOpenFolder, onNewPost, onOpenPost, isFeedActive, onShowFeed, taxonomy } = props
  const { t } = useTranslation()
  const newPostKeys = shortcutLabel(commandSpec('new-post').shortcut)
  return (
    <aside className="sidebar" aria-label={t('sidebar.label')}>
      <header className="sidebar__header">
        <VaultSwitcher vault={vault} recentFolders={recentFolders} onOpenFolder={onOpenFolder} onChooseFolder={onChooseFolder} />
        <div className="sidebar__actions">
          <button type="button" className="button sidebar__action" data-testid="open-folder" onClick={onChooseFolder}>
            <FolderOpenIcon size={14} />
            {t('vault.openFolder')}
          </button>
          <button
            type="button"
            className="button sidebar__action"
            title={t('sidebar.newPostWithKeys', { keys: newPostKeys })}
            data-testid="new-post"
            onClick={onNewPost}
          >
            <NewPostIcon size={14} />
            {t('sidebar.newPost')}
          </button>
        </div>
      </header>
      <nav className="sidebar__nav">
        <button
          type="button"
          className={isFeedActive ? 'sidebar__nav-item sidebar__nav-item--active' : 'sidebar__nav-item'}
          aria-current={isFeedActive ? 'page' : undefined}
          data-testid="sidebar-feed"
          onClick={onShowFeed}
        >
          <FeedIcon size={15} />
          {t('sidebar.feed')}
        </button>
      </nav>
      {taxonomy}
      <div className="sidebar__section">
        <span>{t('sidebar.posts')}</span>
        <span className="sidebar__count" data-testid="post-count">
          {countFormat.format(posts.length)}
        </span>
      </div>
      {posts.length > 0 ? (
        <PostList posts={posts} openPath={openPath} onOpen={onOpenPost} />
      ) : (
        <EmptyState
          className="empty-state--compact"
          icon={<FileTextIcon size={22} />}
          title={t('sidebar.noPosts')}
          testId="no-posts"
          actions={
            <button type="button" className="button" data-testid="new-post-empty" onClick={onNewPost}>
              <NewPostIcon size={14} />
              {t('sidebar.writeFirst')}
            </button>
          }
        >
          <p>{t('sidebar.noPostsHint')}</p>
        </EmptyState>
      )}
    </aside>
  )
}
