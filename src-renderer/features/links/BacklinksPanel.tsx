import './links.css'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Backlink } from '../../../src-shared/search/link-types'
import type { TextRange } from '../../../src-shared/search/search-types'
import type { EditorLocation } from '../../editor/links'
import { ChevronRightIcon } from '../feed/FeedIcons'
import { Highlighted } from '../search/Highlighted'
import { LinkIcon } from '../search/SearchIcons'
import { clipContext } from './clip-context'
import { groupBacklinks } from './group-backlinks'
import { useBacklinks } from './useBacklinks'

/** Props of {@link BacklinksPanel}. */
export interface BacklinksPanelProps {
  /** The open post. */
  path: string
  /** Its title, for the hint on how to link to it. */
  title: string
  /** Changes whenever posts change, so the list is asked again. */
  refreshKey: unknown
  /** Opens the linking post with the link selected. */
  onOpen: (path: string, location: EditorLocation) => void
}

const OPEN_KEY = 'lemma:backlinks-open'

function readOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) !== 'false'
  } catch {
    return true
  }
}

/**
 * A collapsible section under the editor listing every post that links to the open
 * one, grouped by post, one entry per line holding links, with its context and every
 * link on it marked (and their number when there are several). A click opens the
 * linking post with the line's first link selected. The header counts links, not
 * entries. Whether it is open is remembered.
 */
export function BacklinksPanel({ path, title, refreshKey, onOpen }: BacklinksPanelProps) {
  const { t } = useTranslation()
  const [isOpen, setIsOpen] = useState(readOpen)
  const backlinks = useBacklinks(path, refreshKey)
  const groups = useMemo(() => groupBacklinks(backlinks ?? []), [backlinks])

  const toggle = () => {
    setIsOpen(!isOpen)
    try {
      localStorage.setItem(OPEN_KEY, String(!isOpen))
    } catch {
      // Not remembered, still toggled.
    }
  }
  const open = (link: Backlink) =>
    onOpen(link.sourcePath, { type: 'range', line: link.line, column: link.column, length: link.contextRange[1] - link.contextRange[0] })

  return (
    <section className={isOpen ? 'backlinks backlinks--open' : 'backlinks'} aria-label={t('links.backlinks')} data-testid="backlinks">
      <button type="button" className="backlinks__header" aria-expanded={isOpen} data-testid="backlinks-toggle" onClick={toggle}>
        <ChevronRightIcon size={12} className="backlinks__chevron" />
        <LinkIcon size={13} />
        <span className="backlinks__title">{t('links.backlinks')}</span>
        {backlinks !== null && (
          <span className="backlinks__count" data-testid="backlinks-count">
            {backlinks.length}
          </span>
        )}
      </button>
      {isOpen && backlinks !== null && (
        <div className="backlinks__body">
          {groups.length === 0 ? (
            <p className="backlinks__empty">
              {t('links.noBacklinks')} <code>[[{title}]]</code>
            </p>
          ) : (
            <ul className="backlinks__groups">
              {groups.map((group) => (
                <li key={group.sourcePath} className="backlinks__group" data-testid="backlink-group" data-path={group.sourcePath}>
                  <button type="button" className="backlinks__source" title={group.sourcePath} onClick={() => open(group.lines[0].links[0])}>
                    <span className="backlinks__source-title">{group.sourceTitle || group.sourcePath}</span>
                    <span className="backlinks__source-path">{group.sourcePath}</span>
                  </button>
                  <ul className="backlinks__links">
                    {group.lines.map((entry) => (
                      <li key={entry.line}>
                        <button
                          type="button"
                          className="backlinks__link"
                          data-testid="backlink"
                          data-line={entry.line}
                          data-links={entry.links.length}
                          onClick={() => open(entry.links[0])}
                        >
                          <span className="backlinks__line">{entry.line}</span>
                          <Context text={entry.context} ranges={entry.ranges} />
                          {entry.links.length > 1 && (
                            <span className="backlinks__link-count" title={t('links.linksOnLine', { count: entry.links.length })}>
                              ×{entry.links.length}
                            </span>
                          )}
                        </button>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  )
}

function Context({ text, ranges }: { text: string; ranges: readonly TextRange[] }) {
  const clipped = useMemo(() => clipContext(text, ranges), [text, ranges])
  return <Highlighted className="backlinks__context" text={clipped.text} ranges={clipped.ranges} />
}
