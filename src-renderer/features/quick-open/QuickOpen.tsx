import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { QuickOpenHit } from '../../../src-shared/search/search-types'
import { api } from '../../ipc'
import { PickerDialog, PickerRow } from '../palette/PickerDialog'
import { PickerKeys } from '../palette/PickerKeys'
import { Highlighted } from '../search/Highlighted'
import { HistoryIcon, SearchIcon } from '../search/SearchIcons'

/** Props of {@link QuickOpen}. */
export interface QuickOpenProps {
  /** Recently opened posts, most recent first: listed first, and ranked up when they match. */
  recent: readonly string[]
  onOpen: (path: string) => void
  onClose: () => void
}

const LIMIT = 50

/**
 * Quick open (Ctrl/Cmd+P): posts by fuzzy title, path, or the pinyin and pinyin
 * initials of Chinese titles (`ksmx` finds 扩散模型), matched in main, recent posts
 * first. Every keystroke asks again; an answer to an older query is dropped.
 */
export function QuickOpen({ recent, onOpen, onClose }: QuickOpenProps) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const [hits, setHits] = useState<QuickOpenHit[] | null>(null)
  const [selected, setSelected] = useState(0)

  useEffect(() => {
    let isCurrent = true
    api.search.quickOpen(query, recent.slice(0, 200), LIMIT).then(
      (answer) => {
        if (!isCurrent) return
        setHits(answer)
        setSelected(0)
      },
      () => {
        if (isCurrent) setHits([])
      },
    )
    return () => {
      isCurrent = false
    }
  }, [query, recent])

  const pick = (index: number) => {
    const hit = hits?.[index]
    if (hit) onOpen(hit.path)
  }

  return (
    <PickerDialog
      label={t('quickOpen.label')}
      testId="quick-open"
      icon={<SearchIcon size={17} />}
      placeholder={t('quickOpen.placeholder')}
      query={query}
      onQuery={setQuery}
      count={hits?.length ?? 0}
      selected={selected}
      onSelected={setSelected}
      onPick={pick}
      onClose={onClose}
      footer={<PickerKeys open={t('picker.open')} />}
    >
      {hits !== null && hits.length === 0 && <p className="picker__empty">{t('quickOpen.empty')}</p>}
      {hits?.map((hit, index) => (
        <PickerRow
          key={hit.path}
          testId="quick-open"
          index={index}
          isSelected={index === selected}
          onSelected={setSelected}
          onPick={pick}
          data={{ 'data-path': hit.path }}
        >
          <div className="picker__row-main">
            <Highlighted className="picker__title" text={hit.title || hit.path} ranges={hit.title ? hit.titleRanges : hit.pathRanges} />
            <Highlighted className="picker__detail" text={hit.path} ranges={hit.pathRanges} />
          </div>
          {hit.isRecent && (
            <span className="picker__badge" title={t('quickOpen.recent')}>
              <HistoryIcon size={13} />
              {query.trim() === '' ? null : t('quickOpen.recent')}
            </span>
          )}
        </PickerRow>
      ))}
    </PickerDialog>
  )
}
