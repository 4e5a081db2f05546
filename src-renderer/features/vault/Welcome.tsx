import { useTranslation } from 'react-i18next'
import { FolderOpenIcon } from '../../ui/Icons'
import { RecentFolderList } from './RecentFolderList'

/** Props of {@link Welcome}. */
export interface WelcomeProps {
  recentFolders: string[]
  onChooseFolder: () => void
  onOpenFolder: (path: string) => void
}

/** The first screen when no vault is open: one big "Open Folder…" and the recent folders. */
export function Welcome({ recentFolders, onChooseFolder, onOpenFolder }: WelcomeProps) {
  const { t } = useTranslation()
  return (
    <main className="welcome" data-testid="welcome">
      <div className="welcome__content">
        <div className="app-mark app-mark--large" aria-hidden="true">
          L
        </div>
        <h1 className="welcome__title">{t('welcome.title')}</h1>
        <p className="welcome__text">{t('welcome.text')}</p>
        <button type="button" className="button button--primary button--large" data-testid="open-folder" onClick={onChooseFolder}>
          <FolderOpenIcon size={17} />
          {t('vault.openFolder')}
        </button>
        {recentFolders.length > 0 && (
          <section className="welcome__recent" aria-labelledby="welcome-recent">
            <h2 id="welcome-recent" className="welcome__recent-title">
              {t('welcome.recent')}
            </h2>
            <RecentFolderList variant="list" folders={recentFolders} onOpen={onOpenFolder} />
          </section>
        )}
      </div>
    </main>
  )
}
