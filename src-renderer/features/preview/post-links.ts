import type { FollowedLink } from '../../editor/links'

const MARKDOWN_FILE = /\.(md|markdown)$/i
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/

/**
 * The post link an anchor of the preview stands for, or null: a `[[wiki]]` link
 * (`data-post-link`, see markdown-it-links.ts; an empty target for `[[#Heading]]`)
 * or a link without a scheme whose destination names a `.md`/`.markdown` file,
 * with its `#heading` part as written (`https:` links are external, not posts). The destination is taken from `href` as written, never from a
 * resolved path, so main resolves it (and refuses one leaving the folder) exactly
 * as it does the editor's links. Same-post anchors (`#heading`) are not post links.
 */
export function previewPostLink(anchor: HTMLAnchorElement): FollowedLink | null {
  if (anchor.dataset.linkKind === 'wiki' && anchor.dataset.postLink !== undefined) {
    return { kind: 'wiki', target: anchor.dataset.postLink, heading: anchor.dataset.linkFragment || null }
  }
  const href = (anchor.getAttribute('href') ?? '').trim()
  if (href === '' || href.startsWith('#') || SCHEME.test(href)) return null
  const hash = href.indexOf('#')
  const target = (hash === -1 ? href : href.slice(0, hash)).replace(/\?.*$/s, '')
  if (!MARKDOWN_FILE.test(safeDecode(target))) return null
  return { kind: 'markdown', target, heading: hash === -1 ? null : href.slice(hash + 1) || null }
}

/** The host an external URL leads to, as shown before opening it (`arxiv.org`; the address itself for `mailto:`). */
export function externalHost(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.protocol === 'mailto:') return parsed.pathname
    return parsed.host || url
  } catch {
    return url
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
