import type { MarkdownIt, StateInline } from 'markdown-it'
import { classifyLink, resolveImageSource } from './asset-url'
import { escapeHtml } from './escape-html'
import { lemmaEnv } from './render-env'

/** `token.meta` of a `wiki_link` token: `[[target#fragment|alias]]`. */
export interface WikiLinkMeta {
  target: string
  fragment: string
  alias: string | null
}

const WIKI_LINK = /^\[\[([^[\]|#\n]*)(?:#([^[\]|\n]*))?(?:\|([^[\]\n]+))?\]\]/

/**
 * Links and images for the preview. `[[Title]]`, `[[Title#Heading]]` and
 * `[[Title|shown text]]` become `<a data-post-link="Title" data-link-kind="wiki">`
 * (`[[#Heading]]`, a heading of the same post, has an empty `data-post-link`);
 * relative `.md` links get `data-post-link="<vault path>" data-link-kind="path"`;
 * `http(s):`/`mailto:` links get `data-external-link` (the app opens them in the
 * system browser, never in the window). Images load only from the folder, through
 * `lemma-asset://vault/…`, or from raster `data:` URLs; a remote image becomes a
 * placeholder naming its host, so a post cannot make the app fetch anything.
 */
export function markdownItLinks(md: MarkdownIt): void {
  md.inline.ruler.before('link', 'wiki_link', wikiLink)
  md.renderer.rules.wiki_link = (tokens, idx) => {
    const { target, fragment, alias } = tokens[idx].meta as unknown as WikiLinkMeta
    const text = alias ?? (fragment ? (target ? `${target}#${fragment}` : fragment) : target)
    return `<a class="wiki-link" href="#" data-post-link="${escapeHtml(target)}" data-link-kind="wiki"`
      + `${fragment ? ` data-link-fragment="${escapeHtml(fragment)}"` : ''}>${escapeHtml(text)}</a>`
  }

  const renderLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    const target = classifyLink(String(token.attrGet('href') ?? ''), lemmaEnv(env).postPath)
    if (target.type === 'post') {
      token.attrSet('data-post-link', target.path)
      token.attrSet('data-link-kind', 'path')
      if (target.fragment) token.attrSet('data-link-fragment', target.fragment)
    } else if (target.type === 'external') {
      token.attrSet('data-external-link', '')
      token.attrSet('rel', 'noopener noreferrer')
    }
    return renderLinkOpen(tokens, idx, options, env, self)
  }

  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx]
    const alt = self.renderInlineAsText(token.children ?? [], options, env)
    const title = token.attrGet('title')?.toString()
    const source = resolveImageSource(String(token.attrGet('src') ?? ''), lemmaEnv(env).postPath)
    if (source.type === 'remote') {
      let host = source.url
      try {
        host = new URL(source.url).host
      } catch {
        // Show the URL as written.
      }
      return `<span class="image-blocked" title="${escapeHtml(`Remote image not loaded: ${source.url}`)}">`
        + `<span class="image-blocked-host">${escapeHtml(host)}</span> ${escapeHtml(alt)}</span>`
    }
    if (source.type === 'invalid') return `<span class="image-invalid" title="Image source not allowed">${escapeHtml(alt)}</span>`
    return `<img src="${escapeHtml(source.url)}" alt="${escapeHtml(alt)}"${title ? ` title="${escapeHtml(title)}"` : ''} loading="lazy">`
  }
}

function wikiLink(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x5b || state.src.charCodeAt(state.pos + 1) !== 0x5b) return false
  const match = WIKI_LINK.exec(state.src.slice(state.pos, Math.min(state.posMax, state.pos + 400)))
  if (!match) return false
  const target = match[1].trim()
  const fragment = match[2]?.trim() ?? ''
  // `[[#Heading]]` links to a heading of the same post; `[[]]` and `[[#]]` are text.
  if (target === '' && fragment === '') return false
  if (!silent) {
    const token = state.push('wiki_link', 'a', 0)
    token.meta = { target, fragment, alias: match[3]?.trim() || null } satisfies WikiLinkMeta
  }
  state.pos += match[0].length
  return true
}
