import 'katex/dist/katex.min.css'
import './preview.css'
import { memo, useCallback, useEffect, useMemo, useRef, useState, type MouseEvent } from 'react'
import { classifyLink } from '../../../src-shared/markdown/asset-url'
import type { NumberingMode } from '../../../src-shared/markdown/equation-numbering'
import type { PostMacros } from '../../../src-shared/markdown/macros'
import type { FollowedLink } from '../../editor/links'
import type { LineWindow } from './fill-order'
import { fillBlocks, patchBlocks } from './patch-blocks'
import { previewPostLink } from './post-links'
import { createPreviewClient, type PreviewClient } from './preview-client'
import { createSanitizer } from './sanitize'
import { useEquationJump } from './useEquationJump'
import { useFillFocus } from './useFillFocus'

/** Props of {@link Preview}. */
export interface PreviewProps {
  /** The post's full text, front matter included; pass every edit. */
  source: string
  /** Vault-relative path of the post (`notes/a.md`), for relative images and links. */
  postPath: string
  /** The folder's macro preamble (contents of `.lemma/macros.tex`), if any. */
  preamble?: string
  /** The post's macros; leave undefined to read `macros:` from the post's front matter as it is typed. */
  macros?: PostMacros
  /** Which display equations get numbers; default `auto`. */
  numbering?: NumberingMode
  /**
   * A link to a post was clicked (`[[Title#Heading]]`, `[x](other.md#h)`, as
   * written), or a link to a heading of this post (`[[#Heading]]`, `[x](#heading)`,
   * with an empty `target`): follow it in the app.
   */
  onFollowLink?: (link: FollowedLink) => void
  /** An external link was clicked: `http(s):`/`mailto:` URL to show to the person and open in the browser. */
  onOpenExternal?: (url: string) => void
  /**
   * Called with the element holding the blocks whenever their geometry changed: after
   * each render was put into the DOM, and when a group of blocks scrolled near enough
   * to be laid out (for scroll sync).
   */
  onRendered?: (blocks: HTMLElement) => void
  className?: string
}

/**
 * The rendered post. Rendering runs in a worker on every change of `source` without
 * ever blocking typing (newer versions replace waiting ones); only blocks whose
 * HTML changed are replaced in the DOM, keyed, so scroll position and unchanged
 * formulas stay put. Broken formulas show KaTeX's message in place. Clicks on links
 * never navigate the window: post links and links to headings call
 * `onFollowLink`, external links `onOpenExternal`, equation references and
 * footnotes scroll within the preview.
 * A long post opens with the blocks in view rendered and placeholders (estimated
 * height, `.lemma-placeholder`) for the rest, which fill in nearest to the view first
 * while typing goes on; an `\eqref` to an equation not rendered yet still lands on it.
 * Each block element carries `data-source-line`/`data-source-end-line` (zero-based,
 * the end exclusive) and sits in a group (see patch-blocks.ts; scroll sync reads
 * them through features/layout/preview-scroll.ts).
 */
export const Preview = memo(function Preview({
  source,
  postPath,
  preamble,
  macros,
  numbering = 'auto',
  onFollowLink,
  onOpenExternal,
  onRendered,
  className,
}: PreviewProps) {
  const blocksRef = useRef<HTMLDivElement>(null)
  const clientRef = useRef<PreviewClient | null>(null)
  const [warnings, setWarnings] = useState<readonly string[]>([])
  const [isFilling, setIsFilling] = useState(false)
  const sanitize = useMemo(() => createSanitizer({ postPath }), [postPath])
  const onRenderedRef = useRef(onRendered)
  useEffect(() => {
    onRenderedRef.current = onRendered
  })

  useEffect(() => {
    const blocks = blocksRef.current
    if (!blocks) return
    // A group of blocks starting to render (`content-visibility: auto`) and an image
    // arriving both move what follows. Neither event bubbles, hence capture.
    const onGeometry = () => onRenderedRef.current?.(blocks)
    for (const name of ['contentvisibilityautostatechange', 'load']) blocks.addEventListener(name, onGeometry, { capture: true })
    return () => {
      for (const name of ['contentvisibilityautostatechange', 'load']) blocks.removeEventListener(name, onGeometry, { capture: true })
    }
  }, [])

  const focus = useCallback((window: LineWindow) => clientRef.current?.focus(window), [])
  useFillFocus(blocksRef, isFilling, focus)
  const equationJump = useEquationJump(blocksRef, focus)
  const afterJumpRef = useRef(equationJump.afterRender)
  useEffect(() => {
    afterJumpRef.current = equationJump.afterRender
  })

  useEffect(() => {
    const client = createPreviewClient({
      numbering,
      onUpdate: (update) => {
        if (blocksRef.current) {
          patchBlocks(blocksRef.current, update.blocks)
          onRenderedRef.current?.(blocksRef.current)
          afterJumpRef.current()
        }
        setIsFilling(update.pendingCount > 0)
        setWarnings((previous) => (sameList(previous, update.warnings) ? previous : update.warnings))
      },
      onFill: (fill) => {
        if (blocksRef.current) {
          fillBlocks(blocksRef.current, fill.blocks)
          onRenderedRef.current?.(blocksRef.current)
          afterJumpRef.current()
        }
        setIsFilling(fill.pendingCount > 0)
      },
    })
    clientRef.current = client
    return () => {
      client.dispose()
      clientRef.current = null
      blocksRef.current?.replaceChildren()
    }
  }, [numbering])

  useEffect(() => {
    clientRef.current?.render(source, { preamble, postMacros: macros, postPath }, sanitize)
  }, [source, preamble, macros, postPath, sanitize, numbering])

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const anchor = (event.target as Element).closest('a')
    if (!anchor || !event.currentTarget.contains(anchor)) return
    // Nothing in a post may navigate the window.
    event.preventDefault()
    if (event.type !== 'click') return
    const root = event.currentTarget
    const label = anchor.dataset.eqRef
    if (label !== undefined) {
      equationJump.jump(label)
      return
    }
    const postLink = previewPostLink(anchor as HTMLAnchorElement)
    if (postLink) {
      onFollowLink?.(postLink)
      return
    }
    const href = anchor.getAttribute('href') ?? ''
    const link = classifyLink(href, postPath)
    if (link.type === 'external') onOpenExternal?.(link.url)
    else if (link.type === 'anchor' && link.fragment) {
      // Footnotes carry ids; any other `#fragment` names a heading of this post.
      const target = Array.from(root.querySelectorAll<HTMLElement>('[id]')).find((element) => element.id === link.fragment)
      if (target) target.scrollIntoView({ block: 'start', behavior: 'smooth' })
      else onFollowLink?.({ kind: 'markdown', target: '', heading: href.trim().slice(1) })
    }
  }

  return (
    <div className={`lemma-preview${className ? ` ${className}` : ''}`} onClick={onClick} onAuxClick={onClick} data-testid="preview">
      {warnings.length > 0 && (
        <ul className="preview-warnings" role="status">
          {warnings.map((warning, index) => (
            <li key={index}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="preview-blocks" ref={blocksRef} />
    </div>
  )
})

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}
