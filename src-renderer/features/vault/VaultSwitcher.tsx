import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { VaultInfo } from '../../../src-shared/model/vault'
import { ChevronDownIcon, FolderOpenIcon } from '../../ui/Icons'
import { RecentFolderList } from './RecentFolderList'

/** Props of {@link VaultSwitcher}. */
export interface VaultSwitcherProps {
  vault: VaultInfo
  recentFolders: string[]
  onOpenFolder: (path: string) => void
  onChooseFolder: () => void
}

/**
 * The vault's name as a button that drops down the recent folders and an "Open
 * Folder…" item. Escape, a click outside or a choice closes it; ↑/↓ move between items.
 */
export function VaultSwitcher({ vault, recentFolders, onOpenFolder, onChooseFolder }: VaultSwitcherProps) {
  const { t } = useTranslation()
  const [isOpen, setIsOpen] = useState(false)
  const rootRef = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!isOpen) return
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setIsOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    rootRef.current?.querySelector<HTMLButtonElement>('[role=menuitem]:not(:disabled)')?.focus()
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [isOpen])

  const close = () => {
    setIsOpen(false)
    buttonRef.current?.focus()
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      close()
      return
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    const items = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('[role=menuitem]:not(:disabled)')]
    const index = items.indexOf(document.activeElement as HTMLButtonElement)
    const next = event.key === 'ArrowDown' ? index + 1 : index - 1
    items[(next + items.length) % items.length]?.focus()
  }

  const others = recentFolders.filter((path) => path !== vault.root)

  return (
    <div className="vault-switcher" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="vault-switcher__button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        title={vault.root}
        data-testid="vault-switcher"
        onClick={() => setIsOpen((open) => !open)}
      >
        <span className="vault-switcher__mark" aria-hidden="true">
          {vault.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="vault-switcher__name" data-testid="vault-name">
          {vault.name}
        </span>
        <ChevronDownIcon className="vault-switcher__chevron" size={14} />
      </button>
      {isOpen && (
        <div id={menuId} className="menu" role="menu" aria-label={t('vault.switchLabel')} onKeyDown={onMenuKeyDown}>
          <div className="menu__section-label">{t('vault.recentFolders')}</div>
          {others.length > 0 ? (
            <RecentFolderList
              variant="menu"
              folders={others}
              onOpen={(path) => {
                setIsOpen(false)
                onOpenFolder(path)
              }}
            />
          ) : (
            <div className="menu__empty">{t('vault.noOtherFolders')}</div>
          )}
          <div className="menu__separator" role="separator" />
          <button
            type="button"
            className="menu__item"
            role="menuitem"
            onClick={() => {
              setIsOpen(false)
              onChooseFolder()
            }}
          >
            <FolderOpenIcon size={15} />
            {t('vault.openFolder')}
          </button>
        </div>
      )}
    </div>
  )
}
