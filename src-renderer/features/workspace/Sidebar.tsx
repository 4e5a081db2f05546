import type { PostSummary } from '../../../src-shared/model/post'
import type { VaultInfo } from '../../../src-shared/model/vault'
import { commandSpec } from '../commands/commands'
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
}

/** The left column: the vault switcher, "Open Folder…" and "New post", and the posts newest first. */
export function Sidebar({ vault, recentFolders, posts, openPath, onChooseFolder, onOpenFolder, onNewPost, onOpenPost }: SidebarProps) {
  const newPostKeys = shortcutLabel(commandSpec('new-post').shortcut)
  return (
    <aside className="sidebar" aria-label="Vault">
      <header className="sidebar__header">
        <VaultSwitcher vault={vault} recentFolders={recentFolders} onOpenFolder={onOpenFolder} onChooseFolder={onChooseFolder} />
        <div className="sidebar__actions">
          <button type="button" className="button sidebar__action" data-testid="open-folder" onClick={onChooseFolder}>
            <FolderOpenIcon size={14} />
            Open Folder…
          </button>
          <button
            type="button"
            className="button sidebar__action"
            title={`New post (${newPostKeys})`}
            data-testid="new-post"
            onClick={onNewPost}
          >
            <NewPostIcon size={14} />
            New post
          </button>
        </div>
      </header>
      <div className="sidebar__section">
        <span>Posts</span>
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
          title="No posts yet"
          testId="no-posts"
          actions={
            <button type="button" className="button" data-testid="new-post-empty" onClick={onNewPost}>
              <NewPostIcon size={14} />
              Write the first post
            </button>
          }
        >
          <p>Markdown files in this folder appear here, newest first.</p>
        </EmptyState>
      )}
    </aside>
  )
}
