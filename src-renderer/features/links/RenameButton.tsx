import { useTranslation } from 'react-i18next'
import { commandSpec } from '../commands/commands'
import { shortcutLabel } from '../commands/shortcuts'
import { RenameIcon } from '../search/SearchIcons'

/** The editor header's "Rename…" button (the `rename-post` command, also F2 and the palette). */
export function RenameButton({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation()
  const keys = shortcutLabel(commandSpec('rename-post').shortcut)
  return (
    <button type="button" className="button button--quiet rename-button" title={`${t('commands.rename-post')} (${keys})`} data-testid="rename-post" onClick={onClick}>
      <RenameIcon size={14} />
      <span>{t('rename.headerButton')}</span>
    </button>
  )
}
