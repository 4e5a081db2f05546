/** The app's protocol for files inside the open folder; the only image source besides `data:` the CSP allows. */
export const ASSET_ORIGIN = 'lemma-asset://vault'

/** Where an image in a post may be loaded from. */
export type ImageSource =
  | { type: 'asset'; url: string; path: string }
  | { type: 'data'; url: string }
  | { type: 'remote'; url: string }
  | { type: 'invalid' }

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):/
const DATA_IMAGE = /^data:image\/(png|gif|jpe?g|webp|avif|bmp);base64,[A-Za-z0-9+/=\s]*$/i

/**
 * Decides how an image source written in a post is loaded. A relative path resolves
 * against the post's folder (a leading `/` against the folder root, as Hexo writes
 * `/images/…`) to `lemma-asset://vault/<path>`; a path escaping the folder is
 * invalid. `http(s):` images are remote and never loaded (the caller shows a
 * placeholder); raster `data:` images are kept; every other scheme (`file:`,
 * `javascript:`, SVG data, …) is invalid.
 */
export function resolveImageSource(src: string, postPath = ''): ImageSource {
  const trimmed = src.trim()
  if (trimmed.startsWith('//')) return { type: 'remote', url: `https:${trimmed}` }
  const scheme = SCHEME.exec(trimmed)?.[1].toLowerCase()
  if (scheme === 'http' || scheme === 'https') return { type: 'remote', url: trimmed }
  if (scheme === 'data') return DATA_IMAGE.test(trimmed) ? { type: 'data', url: trimmed } : { type: 'invalid' }
  if (scheme === 'lemma-asset') {
    if (!trimmed.toLowerCase().startsWith(`${ASSET_ORIGIN}/`)) return { type: 'invalid' }
    const path = resolveVaultPath(trimmed.slice(ASSET_ORIGIN.length), '')
    return path === null ? { type: 'invalid' } : { type: 'asset', url: assetUrl(path), path }
  }
  if (scheme !== undefined) return { type: 'invalid' }
  const path = resolveVaultPath(trimmed, postPath)
  return path === null || path === '' ? { type: 'invalid' } : { type: 'asset', url: assetUrl(path), path }
}

/** The `lemma-asset:` URL of a vault-relative path. */
export function assetUrl(path: string): string {
  return `${ASSET_ORIGIN}/${path.split('/').map(encodeURIComponent).join('/')}`
}

/**
 * Resolves a link or image target (percent-encoded or not, with `?query`/`#fragment`
 * ignored) against the folder of `postPath`, both vault-relative with `/`. A leading
 * `/` means the vault root. Returns null when the result would leave the vault.
 */
export function resolveVaultPath(target: string, postPath: string): string | null {
  let path = target.replace(/[?#].*$/s, '').replace(/\\/g, '/')
  try {
    path = decodeURIComponent(path)
  } catch {
    // Keep an undecodable target as written.
  }
  const segments = path.startsWith('/') ? [] : postPath.split('/').slice(0, -1).filter(Boolean)
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue
    if (segment === '..') {
      if (segments.length === 0) return null
      segments.pop()
    } else {
      if (segment.includes('\0')) return null
      segments.push(segment)
    }
  }
  return segments.join('/')
}

/** What a link in a post points to, which decides how a click on it is handled. */
export type LinkTarget =
  | { type: 'post'; path: string; fragment: string }
  | { type: 'external'; url: string }
  | { type: 'anchor'; fragment: string }
  | { type: 'other' }

/**
 * Classifies a link's `href`: relative `.md`/`.markdown` files are posts (resolved
 * against `postPath`), `http(s):` and `mailto:` are external, `#…` is an anchor in
 * this post, and anything else is inert.
 */
export function classifyLink(href: string, postPath = ''): LinkTarget {
  const trimmed = href.trim()
  if (trimmed.startsWith('#')) return { type: 'anchor', fragment: safeDecode(trimmed.slice(1)) }
  const scheme = SCHEME.exec(trimmed)?.[1].toLowerCase()
  if (scheme === 'http' || scheme === 'https' || scheme === 'mailto') return { type: 'external', url: trimmed }
  if (scheme !== undefined) return { type: 'other' }
  const hash = trimmed.indexOf('#')
  const pathPart = (hash < 0 ? trimmed : trimmed.slice(0, hash)).replace(/\?.*$/s, '')
  if (!/\.(md|markdown)$/i.test(safeDecode(pathPart))) return { type: 'other' }
  const path = resolveVaultPath(pathPart, postPath)
  if (path === null || path === '') return { type: 'other' }
  return { type: 'post', path, fragment: hash < 0 ? '' : safeDecode(trimmed.slice(hash + 1)) }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
