import './outline.css'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutlineHeading } from './outline'
import { outlineLabelHtml, type OutlineMath } from './outline-label'

/** Props of {@link OutlinePanel}. */
export interface OutlinePanelProps {
  headings: readonly OutlineHeading[]
  /** Index in `headings` of the section being read, or -1. */
  activeIndex: number
  /** A heading was chosen: show source line `line` (zero-based). */
  onJump: (line: number) => void
  /** Typesets formulas in headings. */
  math: OutlineMath
}

/**
 * The post's headings as a clickable table of contents, indented by level (relative
 * to the shallowest heading, so a post that starts at `##` is not pushed right).
 * The section being read is highlighted and kept in view.
 */
export function OutlinePanel({ headings, activeIndex, onJump, math }: OutlinePanelProps) {
  const listRef = useRef<HTMLOListElement>(null)
  const { t } = useTranslation()
  const topLevel = headings.reduce((min, heading) => Math.min(min, heading.level), 6)

  useEffect(() => {
    const active = listRef.current?.querySelector<HTMLElement>('[aria-current="location"]')
    active?.scrollIntoView({ block: 'nearest' })
  }, [activeIndex])

  return (
    <nav className="outline" aria-label={t('outline.label')} data-testid="outline">
      <div className="outline__title">{t('outline.label')}</div>
      {headings.length === 0 ? (
        <p className="outline__empty">{t('outline.empty')}</p>
      ) : (
        <ol className="outline__list" ref={listRef}>
          {headings.map((heading, index) => (
            <li key={`${heading.line}:${heading.text}`}>
              <button
                type="button"
                className="outline__item"
                style={{ paddingLeft: `${10 + (heading.level - topLevel) * 12}px` }}
                aria-current={index === activeIndex ? 'location' : undefined}
                data-level={heading.level}
                data-line={heading.line}
                title={heading.text}
                onClick={() => onJump(heading.line)}
              >
                {heading.text ? (
                  // Escaped text and KaTeX output (trust off) from outlineLabelHtml.
                  <span dangerouslySetInnerHTML={{ __html: outlineLabelHtml(heading.text, math) }} />
                ) : (
                  t('outline.untitled')
                )}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  )
}
