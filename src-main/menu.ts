import { Menu, type MenuItemConstructorOptions } from 'electron'
import { basename } from 'node:path'
import type { RendererCommand } from '../src-shared/ipc/contract'

/** What the menu can ask the app to do. */
export interface MenuActions {
  chooseFolder: () => void
  openFolder: (folder: string) => void
  runInRenderer: (command: RendererCommand) => void
  recentFolders: () => string[]
}

/** Builds and installs the application menu; call again when the recent folders change. */
export function installAppMenu(actions: MenuActions): void {
  const isMac = process.platform === 'darwin'
  const recent: MenuItemConstructorOptions[] = actions.recentFolders().map((folder) => ({
    label: `${basename(folder)} — ${folder}`,
    click: () => actions.openFolder(folder),
  }))
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Post…', accelerator: 'CmdOrCtrl+N', click: () => actions.runInRenderer('new-post') },
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => actions.chooseFolder() },
        { label: 'Open Recent', submenu: recent.length ? recent : [{ label: 'No recent folders', enabled: false }] },
        { type: 'separator' },
        { label: 'Save', accelerator: 'CmdOrCtrl+S', click: () => actions.runInRenderer('save') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, { role: 'toggleDevTools' }],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
