import type { MarkdownIt } from 'markdown-it'
import { escapeHtml } from './escape-html'
import { lemmaEnv } from './render-env'

/**
 * Renders fenced code as `<pre class="code-block"><code class="hljs language-x">`,
 * highlighted through the render's highlighter when it has the language loaded and
 * escaped plain text otherwise.
 */
export function markdownItCode(md: MarkdownIt): void {
  md.renderer.rules.fence = (tokens, idx, _options, env, self) => {
    const token = tokens[idx]
    const language = md.utils.unescapeAll(token.info).trim().split(/\s+/)[0] ?? ''
    const highlighted = language ? lemmaEnv(env).highlight(token.content, language) : undefined
    const code = highlighted ?? escapeHtml(token.content)
    const languageClass = language ? ` language-${escapeHtml(language)}` : ''
    return `<pre class="code-block"${self.renderAttrs(token)}><code class="hljs${languageClass}">${code}</code></pre>\n`
  }
}
