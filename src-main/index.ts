import { app, BrowserWindow, dialog, shell } from 'electron'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AppStateStore } from './app-state/app-state-store'
import { seedSampleVault } from './app-state/seed-sample-vault'
import { APP_ORIGIN, registerAppSchemePrivileges, serveAppProtocol } from './app-protocol'
import { serveAssetProtocol } from './assets/asset-protocol'
import { registerIpc, windowEmitter } from './ipc/register-ipc'
import { createMainWindow } from './main-window'
import { resolveLanguage, type UiLanguage } from '../src-shared/i18n/ui-language'
import { menuText } from '../src-shared/i18n/menu-text'
import { installAppMenu } from './menu'
import { denyAllPermissions } from './security'
import { createServices } from './services/create-services'
import { IndexWorkers } from './index-worker/index-workers'
import { resolveWorkerEntry } from './index-worker/run-parse-workers'

const here = fileURLToPath(new URL('.', import.meta.url))
const devServerUrl = process.env.ELECTRON_RENDERER_URL

registerAppSchemePrivileges()
if (!app.requestSingleInstanceLock()) app.quit()

let mainWindow: BrowserWindow | null = null

async function start(): Promise<void> {
  // Started first, so that the threads are up by the time the last folder opens.
  const entry = resolveWorkerEntry()
  const indexWorkers = entry ? new IndexWorkers(entry) : undefined
  void indexWorkers?.prestart()
  denyAllPermissions()
  serveAppProtocol(join(here, '../renderer'))
  const appState = await AppStateStore.open(app.getPath('userData'))
  const getWindow = () => mainWindow
  // The interface language of the menu and main's dialogs, as the renderer resolves it.
  const language = (): UiLanguage => resolveLanguage(appState.data.settings.language, app.getPreferredSystemLanguages())
  const services = createServices({
    appState,
    emit: windowEmitter(getWindow),
    chooseFolder: async () => {
      const options = { title: menuText[language()].chooseFolderTitle, properties: ['openDirectory' as const, 'createDirectory' as const] }
      const picked = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options)
      refreshMenu()
      return picked.canceled ? null : (picked.filePaths[0] ?? null)
    },
    trash: (path) => shell.trashItem(path),
    openExternal: (url) => shell.openExternal(url),
    backupDir: join(app.getPath('userData'), 'backups'),
    onSettingsChanged: () => refreshMenu(),
    indexWorkers,
  })
  serveAssetProtocol(() => services.currentSession()?.info.root ?? null)
  const appOrigin = devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN
  registerIpc(services.handlers, getWindow, [appOrigin])

  const refreshMenu = () => installAppMenu({
    chooseFolder: () => void services.handlers.app.chooseFolder().then(refreshMenu),
    openFolder: (folder) => void services.openVault(folder).then(refreshMenu),
    runInRenderer: (command) => windowEmitter(getWindow)('commandInvoked', { command }),
    recentFolders: () => appState.data.recentFolders,
  }, language())

  await openFirstVault(appState, services.openVault)
  refreshMenu()
  mainWindow = createMainWindow({
    appState,
    preloadDir: join(here, '../preload'),
    url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
    appOrigin,
  })
  mainWindow.on('closed', () => { mainWindow = null })
  app.on('before-quit', () => void services.dispose().finally(() => indexWorkers?.close()))
}

/** Reopens the most recent folder that still exists, else copies and opens the sample. */
async function openFirstVault(
  appState: AppStateStore,
  openVault: (folder: string, options: { waitForIndex: boolean }) => Promise<{ ok: boolean }>,
): Promise<void> {
  for (const folder of [...appState.data.recentFolders]) {
    if ((await openVault(folder, { waitForIndex: false })).ok) return
  }
  const bundled = app.isPackaged ? join(process.resourcesPath, 'sample-vault') : join(app.getAppPath(), 'resources', 'sample-vault')
  try {
    const sample = await seedSampleVault(bundled, app.getPath('documents'))
    await appState.update({ hasSeededSample: true })
    await openVault(sample, { waitForIndex: false })
  } catch (error) {
    dialog.showErrorBox('Lemma could not create the sample folder', (error as Error).message)
  }
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
})
app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
app.whenReady().then(start).catch((error: Error) => {
  dialog.showErrorBox('Lemma could not start', error.message)
  app.quit()
})
