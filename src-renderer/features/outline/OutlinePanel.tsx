import './outline.css'
import { useEffect, useRef } from 'react'
import type { OutlineHeading } from './outline'

/** Props of {@link OutlinePanel}. */
export interface OutlinePanelProps {
  headings: readonly OutlineHeading[]
  /** Index in `headings` of the section the cursor is in, or -1. */
  activeIndex: number
  /** A heading was chosen: show source line `line` (zero-based). */
  onJump: (line: number) => void
}

/**
 * The post's headings as a clickable table of contents, indented by level (relative
 * to the shallowest heading, so a post that starts at `##` is not pushed right).
 * The section holding the cursor is highlighted and kept in view.
 */
export function OutlinePanel({ headings, activeIndex, onJump }: OutlinePanelProps) {
  const listRef = useRef<HTMLOListElement>(null)
  const topLevel = headings.reduce((min, heading) => Math.min(min, heading.level), 6)

  useEffect(() => {
    const active = listRef.current?.querySelector<HTMLElement>('[aria-current="location"]')
    active?.scrollIntoView({ block: 'nearest' })
  }, [activeIndex])

  return (
    <nav className="outline" aria-label="Outline" data-testid="outline">
      <div className="outline__title">Outline</div>
      {headings.length === 0 ? (
        <p className="outline__empty">Headings (# Title) appear here.</p>
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
                {heading.text || '(untitled)'}
              </button>
            </li>
          ))}
        </ol>
      )}
    </nav>
  )
}
