import './search.css'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchHit, Snippet } from '../../../src-shared/search/search-types'
import type { EditorLocation } from '../../editor/links'
import { PickerDialog, PickerRow } from '../palette/PickerDialog'
import { PickerKeys } from '../palette/PickerKeys'
import { Highlighted } from './Highlighted'
import { hitLocation, snippetLocation } from './search-location'
import { SearchIcon } from './SearchIcons'
import { useIndexStatus } from './useIndexStatus'
import { useSearchResults } from './useSearchResults'

/** Props of {@link SearchPanel}. */
export interface SearchPanelProps {
  /** The query, kept by the owner so the panel reopens where it was left. */
  query: string
  onQuery: (query: string) => void
  /** Opens a post, with the editor at the match when there is one. */
  onOpen: (path: string, location: EditorLocation | undefined) => void
  onClose: () => void
}

const PAGE = 50
const MAX = 500
const FILTERS = [
  { text: 'tag:', shown: 'tag:…', hint: 'filterTag' },
  { text: 'category:', shown: 'category:…', hint: 'filterCategory' },
  { text: 'in:', shown: 'in:folder', hint: 'filterFolder' },
] as const
const numbers = new Intl.NumberFormat()

/**
 * Full-text search (Ctrl/Cmd+Shift+F) over titles, text, tags, categories and TeX:
 * results follow the typing (see `useSearchResults`), best first, each with its
 * title, path and up to three snippets with the matches marked. ↑/↓ choose a post,
 * Enter opens it at its best match; a click on a snippet opens at that one.
 * `tag:`, `category:` and `in:folder` narrow the search; while the index is still
 * being built the footer says how far it has come.
 */
export function SearchPanel({ query, onQuery, onOpen, onClose }: SearchPanelProps) {
  const { t } = useTranslation()
  const [limit, setLimit] = useState(PAGE)
  const [selected, setSelected] = useState(0)
  const status = useIndexStatus(true)
  const results = useSearchResults(query, limit, status?.state)
  const { response } = results
  const isIndexing = (status !== null && status.state !== 'ready') || response?.isIndexing === true
  const hits = response?.hits ?? []

  const [answered, setAnswered] = useState(results.query)
  if (answered !== results.query) {
    setAnswered(results.query)
    setSelected(0)
  }

  const open = (hit: SearchHit, snippet?: Snippet) => onOpen(hit.path, snippet ? snippetLocation(snippet) : hitLocation(hit))
  const pick = (index: number) => {
    const hit = hits[index]
    if (hit) open(hit)
  }
  const addFilter = (filter: string) => onQuery(query === '' || query.endsWith(' ') ? `${query}${filter}` : `${query} ${filter}`)

  let statusLine: string | null = null
  if (isIndexing) {
    statusLine = status?.progress
      ? t('search.indexing', { done: numbers.format(status.progress.done), total: numbers.format(status.progress.total) })
      : t('search.loadingIndex')
  } else if (response && query.trim() !== '') {
    const count = response.isTotalExact ? t('search.results', { count: response.total }) : t('search.resultsAbout', { count: response.total })
    statusLine = `${count} · ${t('search.elapsed', { ms: Math.max(1, Math.round(response.elapsedMs)) })}`
  }

  let body
  if (query.trim() === '') {
    body = (
      <div className="search-help" data-testid="search-help">
        <p>{t('search.help')}</p>
        <ul className="search-help__examples">
          <li>
            <code>扩散 模型</code> {t('search.exampleAnd')}
          </li>
          <li>
            <code>"score matching"</code> {t('search.examplePhrase')}
          </li>
          <li>
            <code>\alpha</code> {t('search.exampleFormula')}
          </li>
          <li>
            <code>tag:概率 in:notes</code> {t('search.exampleFilter')}
          </li>
        </ul>
      </div>
    )
  } else if (results.error) {
    body = <p className="picker__empty picker__empty--error">{results.error}</p>
  } else if (isIndexing && hits.length === 0) {
    body = (
      <p className="picker__empty" data-testid="search-waiting">
        {t('search.waiting')}
      </p>
    )
  } else if (response && hits.length === 0 && !results.isPending) {
    body = (
      <div className="picker__empty" data-testid="search-no-results">
        <strong>{t('search.noResults', { query: results.query })}</strong>
        <span>{t('search.noResultsHint')}</span>
      </div>
    )
  } else {
    body = (
      <>
        {hits.map((hit, index) => (
          <PickerRow
            key={hit.path}
            testId="search"
            index={index}
            isSelected={index === selected}
            onSelected={setSelected}
            onPick={pick}
            className="search-hit"
            data={{ 'data-path': hit.path }}
          >
            <div className="search-hit__head">
              <Highlighted className="search-hit__title" text={hit.title || hit.path} ranges={hit.titleRanges} />
              <span className="search-hit__path">{hit.path}</span>
            </div>
            {(hit.tags.length > 0 || hit.categories.length > 0) && (
              <div className="search-hit__meta">
                {hit.categories.map((path) => (
                  <span key={path.join('/')} className="search-hit__category">
                    {path.join(' › ')}
                  </span>
                ))}
                {hit.tags.map((tag) => (
                  <span key={tag} className="search-hit__tag">
                    #{tag}
                  </span>
                ))}
              </div>
            )}
            {hit.snippets?.map((snippet) => (
              <div
                key={`${snippet.line}:${snippet.column}`}
                className="search-snippet"
                data-testid="search-snippet"
                data-line={snippet.line}
                onClick={(event) => {
                  event.stopPropagation()
                  open(hit, snippet)
                }}
              >
                <span className="search-snippet__line">{snippet.line}</span>
                <Highlighted className="search-snippet__text" text={snippet.text} ranges={snippet.ranges} />
              </div>
            ))}
          </PickerRow>
        ))}
        {response && response.total > hits.length && limit < MAX && (
          <button type="button" className="button search-more" data-testid="search-more" onClick={() => setLimit((n) => Math.min(MAX, n + PAGE))}>
            {t('search.showMore', { shown: numbers.format(hits.length), total: numbers.format(response.total) })}
          </button>
        )}
      </>
    )
  }

  return (
    <PickerDialog
      label={t('search.label')}
      testId="search"
      icon={<SearchIcon size={17} />}
      placeholder={t('search.placeholder')}
      query={query}
      onQuery={(next) => {
        onQuery(next)
        setLimit(PAGE)
      }}
      count={hits.length}
      selected={selected}
      onSelected={setSelected}
      onPick={pick}
      onClose={onClose}
      isQuerySelected
      className="picker--wide"
      aboveList={
        <div className="search-filters" aria-label={t('search.filters')}>
          <span className="search-filters__label">{t('search.filters')}</span>
          {FILTERS.map((filter) => (
            <button
              key={filter.text}
              type="button"
              className="search-filters__chip"
              title={t(`search.${filter.hint}`)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => addFilter(filter.text)}
            >
              {filter.shown}
            </button>
          ))}
          <span className="search-filters__chip search-filters__chip--static" title={t('search.filterPhrase')}>
            "…"
          </span>
          {(results.isPending || isIndexing) && <span className="search-filters__busy" aria-hidden="true" />}
        </div>
      }
      footer={
        <>
          <span className={isIndexing ? 'picker__status picker__status--busy' : 'picker__status'} data-testid="search-status" role="status">
            {statusLine}
          </span>
          <PickerKeys open={t('picker.open')} />
        </>
      }
    >
      {body}
    </PickerDialog>
  )
}
