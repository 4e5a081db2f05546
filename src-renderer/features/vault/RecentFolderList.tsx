import { useTranslation } from 'react-i18next'
import { FolderIcon } from '../../ui/Icons'
import { folderName } from './folder-name'

/** Props of {@link RecentFolderList}. */
export interface RecentFolderListProps {
  folders: string[]
  /** The folder open now, marked and not offered again. */
  currentPath?: string
  onOpen: (path: string) => void
  /** `menu` renders menu items (in the vault switcher), `list` plain buttons (on the welcome screen). */
  variant: 'menu' | 'list'
}

/** Recently opened folders, each shown by name with its full path underneath. */
export function RecentFolderList({ folders, currentPath, onOpen, variant }: RecentFolderListProps) {
  const { t } = useTranslation()
  const isMenu = variant === 'menu'
  return (
    <ul className={`recent-folders recent-folders--${variant}`} role={isMenu ? 'none' : undefined} data-testid="recent-folders">
      {folders.map((path) => {
        const isCurrent = path === currentPath
        return (
          <li key={path} role={isMenu ? 'none' : undefined}>
            <button
              type="button"
              className="recent-folder"
              role={isMenu ? 'menuitem' : undefined}
              aria-current={isCurrent ? 'true' : undefined}
              disabled={isCurrent}
              title={path}
              data-testid="recent-folder"
              data-path={path}
              onClick={() => onOpen(path)}
            >
              <FolderIcon className="recent-folder__icon" size={15} />
              <span className="recent-folder__text">
                <span className="recent-folder__name">{folderName(path)}</span>
                <span className="recent-folder__path">{path}</span>
              </span>
              {isCurrent && <span className="recent-folder__current">{t('vault.currentFolder')}</span>}
            </button>
          </li>
        )
      })}
    </ul>
  )
}
