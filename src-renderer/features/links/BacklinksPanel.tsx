import './links.css'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Backlink } from '../../../src-shared/search/link-types'
import type { EditorLocation } from '../../editor/links'
import { ChevronRightIcon } from '../feed/FeedIcons'
import { Highlighted } from '../search/Highlighted'
import { LinkIcon } from '../search/SearchIcons'
import { clipAround } from './clip-context'
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
 * one, grouped by post, each link with its line of context and the link marked. A
 * click opens the linking post with the link selected. Whether it is open is
 * remembered.
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
                  <button type="button" className="backlinks__source" title={group.sourcePath} onClick={() => open(group.links[0])}>
                    <span className="backlinks__source-title">{group.sourceTitle || group.sourcePath}</span>
                    <span className="backlinks__source-path">{group.sourcePath}</span>
                  </button>
                  <ul className="backlinks__links">
                    {group.links.map((link) => (
                      <li key={`${link.line}:${link.column}`}>
                        <button type="button" className="backlinks__link" data-testid="backlink" data-line={link.line} onClick={() => open(link)}>
                          <span className="backlinks__line">{link.line}</span>
                          <Context text={link.context} range={link.contextRange} />
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

function Context({ text, range }: { text: string; range: Backlink['contextRange'] }) {
  const clipped = useMemo(() => clipAround(text, range), [text, range])
  return <Highlighted className="backlinks__context" text={clipped.text} ranges={[clipped.range]} />
}
