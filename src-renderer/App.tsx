import { useEffect } from 'react'
import { useCommands } from './features/commands/useCommands'
import { NoticeStack } from './features/notices/NoticeStack'
import { useNotices } from './features/notices/useNotices'
import { useVault } from './features/vault/useVault'
import { Welcome } from './features/vault/Welcome'
import { Workspace } from './features/workspace/Workspace'

/**
 * The whole window: the welcome screen while no vault is open, else the workspace
 * of the open vault (re-mounted when another vault opens), plus transient notices.
 */
export function App() {
  const { notices, notify, dismiss } = useNotices()
  const vault = useVault(notify)
  // The workspace registers its own, saving the open post first.
  useCommands({ 'open-folder': () => void vault.chooseFolder() })

  useEffect(() => {
    if (!vault.isLoading && !vault.vault) document.title = 'Lemma'
  }, [vault.isLoading, vault.vault])

  let screen
  if (vault.isLoading) screen = <div className="app-loading" aria-busy="true" />
  else if (vault.vault) screen = <Workspace key={vault.vault.root} vault={vault.vault} state={vault} notify={notify} />
  else
    screen = (
      <Welcome
        recentFolders={vault.recentFolders}
        onChooseFolder={() => void vault.chooseFolder()}
        onOpenFolder={(path) => void vault.openFolder(path)}
      />
    )

  return (
    <>
      {screen}
      <NoticeStack notices={notices} onDismiss={dismiss} />
    </>
  )
}
