import { Menu, type MenuItemConstructorOptions } from 'electron'
import { basename } from 'node:path'
import { commands, commandSpec, toAccelerator, type CommandId, type MenuSection } from '../src-shared/commands'
import type { RendererCommand } from '../src-shared/ipc/contract'

/** What the menu can ask the app to do. */
export interface MenuActions {
  chooseFolder: () => void
  openFolder: (folder: string) => void
  runInRenderer: (command: RendererCommand) => void
  recentFolders: () => string[]
}

/**
 * Builds and installs the application menu; call again when the recent folders
 * change. Items and accelerators of renderer commands come from the shared
 * command table (`src-shared/commands.ts`), the same one the renderer binds keys
 * and lists in its palette from; clicking one forwards it to the renderer.
 */
export function installAppMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin'
  const recent: MenuItemConstructorOptions[] = actions.recentFolders().map((folder) => ({
    label: `${basename(folder)} — ${folder}`,
    click: () => actions.openFolder(folder),
  }))
  const item = (id: CommandId): MenuItemConstructorOptions => {
    const spec = commandSpec(id)
    // Opening a folder works before the renderer has loaded a vault, so main does it.
    const click = id === 'open-folder' ? () => actions.chooseFolder() : () => actions.runInRenderer(id)
    return { label: spec.menuLabel, accelerator: toAccelerator(spec.shortcut), click }
  }
  const section = (menu: MenuSection) => commands.filter((spec) => spec.menu === menu).map((spec) => item(spec.id))
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        item('new-post'),
        item('open-folder'),
        { label: 'Open Recent', submenu: recent.length ? recent : [{ label: 'No recent folders', enabled: false }] },
        { type: 'separator' },
        item('save'),
        item('rename-post'),
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { label: 'Go', submenu: section('go') },
    {
      label: 'View',
      submenu: [
        ...section('view'),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        { role: 'toggleDevTools' },
      ],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
