import { stat } from 'node:fs/promises'
import { ASSET_ORIGIN } from '../../src-shared/markdown/asset-url'
import { resolveInVault } from '../vault/vault-paths'

/** The image types the asset protocol serves, by lower-case extension; nothing else leaves the vault this way. */
export const ASSET_IMAGE_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
  '.svg': 'image/svg+xml',
}

/** A parsed `lemma-asset:` request: the vault-relative path of an image and its MIME type. */
export type AssetRequest = { ok: true; relative: string; mimeType: string } | { ok: false }

/** A request resolved to a file inside the vault. */
export type AssetFile = { ok: true; absolute: string; relative: string; mimeType: string } | { ok: false }

const NOT_FOUND = { ok: false } as const

/**
 * Reads a `lemma-asset://vault/<path>` URL (as the preview writes it, see
 * `assetUrl` in src-shared/markdown/asset-url.ts) into a vault-relative path.
 * The URL comes from post content and is untrusted: another scheme or host, an
 * undecodable segment, a `..` segment (also percent-encoded), a backslash, a NUL,
 * and a name without an image extension are all refused. Pure: no file system.
 */
export function parseAssetUrl(url: string): AssetRequest {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return NOT_FOUND
  }
  if (`${parsed.protocol}//${parsed.host}` !== ASSET_ORIGIN) return NOT_FOUND
  const segments: string[] = []
  for (const raw of parsed.pathname.split('/')) {
    if (raw === '') continue
    let segment: string
    try {
      segment = decodeURIComponent(raw)
    } catch {
      return NOT_FOUND
    }
    if (segment === '.' || segment === '..' || /[\\/\0]/.test(segment)) return NOT_FOUND
    segments.push(segment)
  }
  const name = segments.at(-1)
  if (!name) return NOT_FOUND
  const dot = name.lastIndexOf('.')
  const mimeType = dot > 0 ? ASSET_IMAGE_TYPES[name.slice(dot).toLowerCase()] : undefined
  if (!mimeType) return NOT_FOUND
  return { ok: true, relative: segments.join('/'), mimeType }
}

/**
 * Resolves an asset URL to an existing image file inside the vault at `root` (the
 * vault open now; null when none is). On top of {@link parseAssetUrl} the path must
 * pass {@link resolveInVault} (no escape through symbolic links) and be a regular
 * file. Every refusal is the same `{ ok: false }`, served as a 404, so a post cannot
 * probe the disk.
 */
export async function resolveAssetFile(root: string | null, url: string): Promise<AssetFile> {
  if (root === null) return NOT_FOUND
  const request = parseAssetUrl(url)
  if (!request.ok) return NOT_FOUND
  const resolved = await resolveInVault(root, request.relative)
  if (!resolved.ok) return NOT_FOUND
  try {
    if (!(await stat(resolved.absolute)).isFile()) return NOT_FOUND
  } catch {
    return NOT_FOUND
  }
  return { ok: true, absolute: resolved.absolute, relative: resolved.relative, mimeType: request.mimeType }
}
