import type { MenuItemConstructorOptions } from 'electron'
import { basename } from 'node:path'
import { commands, commandSpec, toAccelerator, type CommandId, type MenuSection } from '../src-shared/commands'
import { commandLabels } from '../src-shared/i18n/command-labels'
import { menuText } from '../src-shared/i18n/menu-text'
import type { UiLanguage } from '../src-shared/i18n/ui-language'
import type { RendererCommand } from '../src-shared/ipc/contract'

/** What the menu can ask the app to do. */
export interface MenuActions {
  chooseFolder: () => void
  openFolder: (folder: string) => void
  runInRenderer: (command: RendererCommand) => void
  recentFolders: () => string[]
}

/**
 * The application menu as Electron template data, in `language`. Items and
 * accelerators of renderer commands come from the shared command table
 * (`src-shared/commands.ts`), the one the renderer binds keys and lists in its
 * palette from, and their names from the shared labels, so menu and palette agree
 * in every language; clicking one forwards it to the renderer. Plain data and no
 * `electron` import, so it is tested without Electron.
 */
export function buildMenuTemplate(actions: MenuActions, language: UiLanguage, isMac: boolean): MenuItemConstructorOptions[] {
  const text = menuText[language]
  const recent: MenuItemConstructorOptions[] = actions.recentFolders().map((folder) => ({
    label: `${basename(folder)} — ${folder}`,
    click: () => actions.openFolder(folder),
  }))
  const item = (id: CommandId): MenuItemConstructorOptions => {
    const spec = commandSpec(id)
    // Opening a folder works before the renderer has loaded a vault, so main does it.
    const click = id === 'open-folder' ? () => actions.chooseFolder() : () => actions.runInRenderer(id)
    // English menus are title case (`New Post…`); other languages use the palette's words.
    const label = language === 'en' ? spec.menuLabel : commandLabels[language][id]
    return { label, accelerator: toAccelerator(spec.shortcut), click }
  }
  const section = (menu: MenuSection) => commands.filter((spec) => spec.menu === menu).map((spec) => item(spec.id))
  return [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: text.file,
      submenu: [
        item('new-post'),
        item('open-folder'),
        { label: text.openRecent, submenu: recent.length ? recent : [{ label: text.noRecentFolders, enabled: false }] },
        { type: 'separator' },
        item('save'),
        item('rename-post'),
        { type: 'separator' },
        isMac ? { role: 'close', label: text.close } : { role: 'quit', label: text.quit },
      ],
    },
    {
      label: text.edit,
      submenu: [
        { role: 'undo', label: text.undo },
        { role: 'redo', label: text.redo },
        { type: 'separator' },
        { role: 'cut', label: text.cut },
        { role: 'copy', label: text.copy },
        { role: 'paste', label: text.paste },
        { role: 'selectAll', label: text.selectAll },
      ],
    },
    { label: text.go, submenu: section('go') },
    {
      label: text.view,
      submenu: [
        ...section('view'),
        { role: 'resetZoom', label: text.actualSize },
        { role: 'zoomIn', label: text.zoomIn },
        { role: 'zoomOut', label: text.zoomOut },
        { type: 'separator' },
        { role: 'togglefullscreen', label: text.fullScreen },
        { role: 'toggleDevTools', label: text.developerTools },
      ],
    },
    {
      label: text.window,
      role: 'window',
      submenu: [
        { role: 'minimize', label: text.minimize },
        ...(isMac ? [{ role: 'front' as const }] : [{ role: 'close' as const, label: text.close }]),
      ],
    },
  ]
}
