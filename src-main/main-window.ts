import { BrowserWindow, screen } from 'electron'
import { join } from 'node:path'
import type { AppStateStore, WindowBounds } from './app-state/app-state-store'
import { lockNavigation, secureWebPreferences } from './security'

/**
 * Creates the main window with the secure defaults, restoring the bounds remembered
 * in app state (if they still fit a display) and saving them when it closes.
 */
export function createMainWindow(options: { appState: AppStateStore; preloadDir: string; url: string; appOrigin: string }): BrowserWindow {
  const saved = fitOnScreen(options.appState.data.windowBounds)
  const window = new BrowserWindow({
    width: saved?.width ?? 1280,
    height: saved?.height ?? 820,
    x: saved?.x,
    y: saved?.y,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Lemma',
    backgroundColor: '#1e1f22',
    webPreferences: secureWebPreferences(join(options.preloadDir, 'index.cjs')),
  })
  lockNavigation(window, options.appOrigin)
  if (saved?.isMaximized) window.maximize()
  window.once('ready-to-show', () => window.show())
  window.on('close', () => {
    const bounds = window.getNormalBounds()
    void options.appState.update({ windowBounds: { ...bounds, isMaximized: window.isMaximized() } })
  })
  void window.loadURL(options.url)
  return window
}

function fitOnScreen(bounds: WindowBounds | null): WindowBounds | null {
  if (!bounds) return null
  const visible = screen.getAllDisplays().some(({ workArea: a }) =>
    bounds.x !== undefined && bounds.y !== undefined &&
    bounds.x < a.x + a.width && bounds.x + bounds.width > a.x && bounds.y < a.y + a.height && bounds.y + bounds.height > a.y)
  return visible ? bounds : { width: bounds.width, height: bounds.height, isMaximized: bounds.isMaximized }
}
