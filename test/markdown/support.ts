import { createIncrementalRenderer, type IncrementalRendererOptions } from '../../src-shared/markdown'

/** The TeX each formula was rendered from, read back from KaTeX's MathML annotation. */
export function renderedTex(html: string): string[] {
  return [...html.matchAll(/<annotation encoding="application\/x-tex">([\s\S]*?)<\/annotation>/g)].map((m) => decode(m[1]))
}

/** The equation numbers KaTeX shows, in order (from the `\tag{…}` Lemma injected). */
export function equationTags(html: string): string[] {
  return renderedTex(html).flatMap((tex) => [...tex.matchAll(/\\tag\*?\{([^}]*)\}/g)].map((m) => m[1]))
}

/** The text of every `\eqref`/`\ref` rendered in prose. */
export function proseReferences(html: string): string[] {
  return [...html.matchAll(/<(?:a|span) class="eqref[^"]*"[^>]*>([^<]*)<\/(?:a|span)>/g)].map((m) => decode(m[1]))
}

/** Renders a post in one go and returns the joined HTML. */
export function renderOnce(source: string, options: IncrementalRendererOptions = {}): string {
  return createIncrementalRenderer(options).render(source).blocks.map((b) => b.html).join('')
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, '&')
}
