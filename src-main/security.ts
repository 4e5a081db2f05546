import { session, shell, type BrowserWindow, type WebPreferences } from 'electron'
import { checkExternalUrl } from './security/external-links'

/** The Content-Security-Policy of every app page: no remote code, no inline script, no plugins. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: lemma-asset:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ')

/**
 * Web preferences for every window: an isolated, sandboxed renderer with no Node.
 * Kept in one place so no window can be created with weaker settings.
 */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  }
}

/** Denies every permission request (camera, notifications, geolocation, …) for the default session. */
export function denyAllPermissions(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

/**
 * Keeps a window on the app's own pages: navigation away is cancelled and new
 * windows are refused. `http(s):`/`mailto:` targets open in the system browser instead,
 * because a link in a post must never turn the app window into a web browser.
 */
export function lockNavigation(window: BrowserWindow, appOrigin: string): void {
  const contents = window.webContents
  contents.on('will-navigate', (event, url) => {
    if (originOf(url) === appOrigin) return
    event.preventDefault()
    openOutside(url)
  })
  contents.on('will-redirect', (event, url) => {
    if (originOf(url) !== appOrigin) event.preventDefault()
  })
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

function openOutside(url: string): void {
  const checked = checkExternalUrl(url)
  if (checked.ok) void shell.openExternal(checked.url)
}

function originOf(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return ''
  }
}
