import createDOMPurify, { type Config, type WindowLike } from 'dompurify'
import { resolveImageSource } from '../../../src-shared/markdown/asset-url'
import { escapeHtml } from '../../../src-shared/markdown/escape-html'
import type { Sanitizer } from '../../../src-shared/markdown/block-parts'

/**
 * Tags a post may never contain, beyond what DOMPurify's HTML profile already drops
 * (`script`, SVG, MathML): anything that embeds another document, submits, styles
 * the app, or loads media from outside the folder.
 */
const FORBIDDEN_TAGS = [
  'style', 'link', 'meta', 'base', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal',
  'form', 'input', 'button', 'select', 'option', 'textarea', 'audio', 'video', 'source', 'track', 'picture',
  'template', 'noscript', 'dialog',
]

/** `style` could cover the app's UI or load fonts and images; `target` and `ping` reach outside the window. */
const FORBIDDEN_ATTRIBUTES = ['style', 'srcset', 'target', 'ping', 'action', 'formaction', 'background', 'poster', 'xlink:href']

/** Links may be web, mail, relative or in-page; images additionally the app's asset scheme (and raster `data:`). */
const ALLOWED_URI = /^(?:(?:https?|mailto|lemma-asset):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i

const CONFIG: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: FORBIDDEN_TAGS,
  FORBID_ATTR: FORBIDDEN_ATTRIBUTES,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: true,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  SANITIZE_DOM: true,
  KEEP_CONTENT: true,
}

/** The part of an `img` element the image hook touches (typed here so the module also type-checks without the DOM lib). */
interface ImageElement {
  nodeName: string
  getAttribute(name: string): string | null
  setAttribute(name: string, value: string): void
  removeAttribute(name: string): void
}

/** Options of {@link createSanitizer}. */
export interface SanitizerOptions {
  /** Vault-relative path of the post, against which relative image paths resolve. */
  postPath?: string
  /** The window whose DOM DOMPurify parses with; the renderer's own by default (tests pass another). */
  window?: WindowLike
}

/**
 * Creates the preview's sanitizer: DOMPurify with its own instance (so hooks never
 * leak into other uses) and a strict configuration. Post content is untrusted: it
 * must not run script (no `<script>`, no event handlers, no `javascript:` URLs), must
 * not navigate or embed (no iframes, objects, forms, `target`), must not restyle the
 * app (no `<style>`, no `style` attributes) and must not load anything from outside
 * the open folder: every `img` source is resolved through {@link resolveImageSource},
 * so relative paths become `lemma-asset://vault/…` and remote or unknown sources are
 * removed (the image keeps its `alt` text and gets `class="image-blocked"`).
 * Run it on Markdown HTML before formulas are substituted ({@link assembleBlock}).
 */
export function createSanitizer(options: SanitizerOptions = {}): Sanitizer {
  const purify = createDOMPurify(options.window ?? (globalThis as unknown as WindowLike))
  const postPath = options.postPath ?? ''
  purify.addHook('afterSanitizeAttributes', (node) => {
    const element = node as unknown as ImageElement
    if (element.nodeName !== 'IMG') return
    const src = element.getAttribute('src')
    if (src === null) return
    const source = resolveImageSource(src, postPath)
    if (source.type === 'asset' || source.type === 'data') {
      element.setAttribute('src', source.url)
      return
    }
    element.removeAttribute('src')
    element.setAttribute('class', `${element.getAttribute('class') ?? ''} image-blocked`.trim())
    if (source.type === 'remote') element.setAttribute('title', `Remote image not loaded: ${source.url}`)
  })
  // Without a working DOM DOMPurify would hand the input back unchanged; show it as text instead.
  if (!purify.isSupported) return escapeHtml
  // Parsed once: passing the configuration to every call would re-parse it per block.
  purify.setConfig(CONFIG)
  return (html) => purify.sanitize(html) as string
}
