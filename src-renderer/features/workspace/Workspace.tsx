import { useCallback, useEffect, useState } from 'react'
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
import { NewPostDialog } from '../posts/NewPostDialog'
import type { VaultHandle } from '../vault/useVault'
import { Sidebar } from './Sidebar'

/** Props of {@link Workspace}. */
export interface WorkspaceProps {
  vault: VaultInfo
  state: VaultHandle
  notify: (message: string) => void
}

const keptOpen = 'Lemma kept the current post open because its changes could not be saved. Resolve the problem shown above the editor first.'

/**
 * The main screen of an open vault: the sidebar, the editor, and the "New post"
 * dialog. Mount one per vault (key it by the vault's root). The open post is always
 * saved before another post or folder is opened; if that save fails, nothing is
 * switched and the text stays in the editor.
 */
export function Workspace({ vault, state, notify }: WorkspaceProps) {
  const { applyChange, chooseFolder, openFolder } = state
  const onDocument = useCallback((document: PostDocument) => applyChange({ type: 'upserted', posts: [document.summary] }), [applyChange])
  const handle = useDocument(onDocument)
  const { snapshot, session } = handle
  const [isCreating, setIsCreating] = useState(false)
  const [focusToken, setFocusToken] = useState(0)

  const openPost = useCallback(
    async (path: string, fromKeyboard: boolean) => {
      const outcome = await session.open(path)
      if (outcome.ok && fromKeyboard) setFocusToken((token) => token + 1)
      if (!outcome.ok && outcome.reason === 'unsaved') notify(keptOpen)
    },
    [session, notify],
  )

  const afterSaving = useCallback(
    async (action: () => Promise<unknown>) => {
      if (await session.flush()) await action()
      else notify(keptOpen)
    },
    [session, notify],
  )

  const createPost = useCallback(
    async (title: string): Promise<string | null> => {
      if (!(await session.flush())) return 'The open post has changes that could not be saved. Resolve that first.'
      const result = await api.vault.createPost(title, '')
      if (!result.ok) return result.message
      applyChange({ type: 'upserted', posts: [result.document.summary] })
      setIsCreating(false)
      const outcome = await session.open(result.document.summary.path, result.document)
      if (outcome.ok) setFocusToken((token) => token + 1)
      return null
    },
    [session, applyChange],
  )

  const onChooseFolder = useCallback(() => void afterSaving(chooseFolder), [afterSaving, chooseFolder])
  const onOpenFolder = useCallback((path: string) => void afterSaving(() => openFolder(path)), [afterSaving, openFolder])
  const onNewPost = useCallback(() => setIsCreating(true), [])
  const onOpenPost = useCallback((path: string, fromKeyboard: boolean) => void openPost(path, fromKeyboard), [openPost])

  const postTitle = snapshot.document?.summary.title
  useEffect(() => {
    document.title = postTitle ? `${postTitle} — ${vault.name}` : `${vault.name} — Lemma`
  }, [postTitle, vault.name])

  useCommands({
    save: () => void session.save(),
    'new-post': onNewPost,
  })

  const hasPosts = state.posts.length > 0
  const placeholder = (
    <EmptyState icon={<FileTextIcon size={30} />} title={hasPosts ? 'No post selected' : 'An empty vault'} testId="no-selection">
      <p>{hasPosts ? 'Choose a post from the list to start editing.' : 'Create a post to start writing.'}</p>
      <p className="empty-state__keys">
        <kbd>{shortcutLabel(commandSpec('new-post').shortcut)}</kbd> new post
        {hasPosts && (
          <>
            <span className="empty-state__keys-gap" />
            <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd> browse the list
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
      />
      <EditorPane handle={handle} focusToken={focusToken} placeholder={placeholder} />
      {isCreating && <NewPostDialog onCreate={createPost} onClose={() => setIsCreating(false)} />}
    </div>
  )
}
