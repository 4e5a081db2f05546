import { net, protocol } from 'electron'
import { relative, resolve, sep, isAbsolute } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ASSET_SCHEME_PRIVILEGES } from './assets/asset-protocol'
import { CONTENT_SECURITY_POLICY } from './security'

/** The scheme the app's own pages are served from, instead of `file://`. */
export const APP_SCHEME = 'app'
/** The origin of the app's pages. */
export const APP_ORIGIN = `${APP_SCHEME}://lemma`

/**
 * Must run before the app is ready: makes `app:` (and the vault's images,
 * `lemma-asset:`) standard, secure schemes. Electron takes a single registration.
 */
export function registerAppSchemePrivileges(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ASSET_SCHEME_PRIVILEGES,
  ])
}

/**
 * Serves the built renderer from `rendererDir` at `app://lemma/…`, with the CSP as a
 * header. Requests are resolved inside the folder; anything else is a 404.
 */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url)
    if (url.host !== 'lemma') return new Response('Not found', { status: 404 })
    const wanted = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
    const file = resolve(rendererDir, `.${wanted}`)
    const rel = relative(rendererDir, file)
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file).toString())
    const headers = new Headers(response.headers)
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(response.body, { status: response.status, headers })
  })
}
