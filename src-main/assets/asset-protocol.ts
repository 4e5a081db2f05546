import { net, protocol, type CustomScheme } from 'electron'
import { pathToFileURL } from 'node:url'
import { resolveAssetFile } from './asset-request'

/** The scheme of images inside the open vault (`lemma-asset://vault/<path>`), the only one besides `data:` the CSP allows for images. */
export const ASSET_SCHEME = 'lemma-asset'

/**
 * How `lemma-asset:` is registered as privileged (before the app is ready, together
 * with the app's own scheme: Electron takes one registration): standard so relative
 * URLs and hosts work, secure so an `app:` page may load it, fetchable.
 */
export const ASSET_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: ASSET_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
}

// An SVG opened on its own could run script; these headers keep it an inert picture.
const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"

/**
 * Serves images of the vault open now (`currentRoot()`, read on every request, so
 * switching folders needs no re-registration). Only GET and HEAD of image files
 * inside the vault are answered (see {@link resolveAssetFile}); anything else is a
 * 404. Call after the app is ready.
 */
export function serveAssetProtocol(currentRoot: () => string | null): void {
  protocol.handle(ASSET_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Not allowed', { status: 405 })
    const file = await resolveAssetFile(currentRoot(), request.url)
    if (!file.ok) return new Response('Not found', { status: 404 })
    const response = await net.fetch(pathToFileURL(file.absolute).toString())
    if (!response.ok) return new Response('Not found', { status: 404 })
    const headers = new Headers({
      'Content-Type': file.mimeType,
      'Content-Security-Policy': ASSET_CSP,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    })
    const length = response.headers.get('Content-Length')
    if (length) headers.set('Content-Length', length)
    return new Response(request.method === 'HEAD' ? null : response.body, { status: 200, headers })
  })
}
