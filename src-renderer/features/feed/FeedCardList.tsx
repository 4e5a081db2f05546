import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import type { FeedSort } from '../../../src-shared/model/settings'
import { listKeyTarget } from '../../ui/list-key-target'
import { FeedCard } from './FeedCard'
import type { ExcerptMarkers, ExcerptRenderer } from './render-excerpt'
import { useScrollAnchor } from './useScrollAnchor'

/** A first guess at a card's height (with the gap under it) before it is measured. */
const ESTIMATED_CARD_HEIGHT = 196

/** Props of {@link FeedCardList}. */
export interface FeedCardListProps {
  posts: PostSummary[]
  renderer: ExcerptRenderer
  markers: ExcerptMarkers
  sort: FeedSort
  openPath: string | null
  /** Changing it scrolls back to the top (another page, filter or order). */
  resetKey: string
  /** False while the feed is hidden behind the editor. */
  isActive: boolean
  /** Changing it moves the keyboard focus into the list. */
  focusToken: number
  /** Opens a post; `fromKeyboard` is true for Enter. */
  onOpen: (path: string, fromKeyboard: boolean) => void
  onCategory: (path: readonly string[]) => void
  onTag: (tag: string) => void
  /** ← / →: the previous or next page, in the paged layout. */
  onPageStep?: (step: -1 | 1) => void
  /** Shown under the last card, e.g. the page numbers. */
  footer?: ReactNode
}

const cardId = (index: number) => `feed-card-${index}`

/**
 * The feed's cards as one keyboard-driven listbox: ↑/↓, Home/End and Page Up/Down
 * move the selection, Enter opens it, ←/→ turn the page. Cards have their natural
 * height (measured as they render) and only those in view are in the DOM, so ten
 * thousand cards scroll smoothly. The reader's place survives live changes (see
 * {@link useScrollAnchor}).
 */
export function FeedCardList(props: FeedCardListProps) {
  const { posts, renderer, markers, sort, openPath, resetKey, isActive, focusToken, onOpen, onCategory, onTag, onPageStep, footer } = props
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [selectedPath, setSelectedPath] = useState<string | null>(null)
  const keys = useMemo(() => posts.map((post) => post.path), [posts])
  const selectedIndex = useMemo(() => (selectedPath === null ? -1 : keys.indexOf(selectedPath)), [keys, selectedPath])

  const virtualizer = useVirtualizer({
    count: posts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    getItemKey: useCallback((index: number) => keys[index], [keys]),
    overscan: 4,
    paddingStart: 20,
    paddingEnd: 8,
    useFlushSync: false,
  })
  const onScroll = useScrollAnchor(virtualizer, scrollRef, keys, resetKey, isActive)

  useEffect(() => {
    if (focusToken > 0) scrollRef.current?.focus({ preventScroll: true })
  }, [focusToken])

  const open = useCallback(
    (path: string) => {
      setSelectedPath(path)
      onOpen(path, false)
    },
    [onOpen],
  )

  const select = (index: number) => {
    setSelectedPath(keys[index])
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target !== event.currentTarget) return
    const current = selectedIndex
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / ESTIMATED_CARD_HEIGHT))
    const target = listKeyTarget(event.key, current, posts.length, page)
    if (target !== null) select(target)
    else if ((event.key === 'ArrowRight' || event.key === 'ArrowLeft') && onPageStep) {
      onPageStep(event.key === 'ArrowRight' ? 1 : -1)
      setSelectedPath(null)
    } else if (event.key === 'Enter' && current >= 0) onOpen(keys[current], true)
    else return
    event.preventDefault()
  }

  return (
    <div
      ref={scrollRef}
      className="feed-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('feed.listLabel')}
      aria-activedescendant={selectedIndex >= 0 ? cardId(selectedIndex) : undefined}
      data-testid="feed-list"
      onKeyDown={onKeyDown}
      onScroll={onScroll}
    >
      <div className="feed-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const post = posts[row.index]
          return (
            <div
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className="feed-list__row"
              style={{ transform: `translateY(${row.start}px)` }}
            >
              <FeedCard
                id={cardId(row.index)}
                post={post}
                excerptHtml={post.excerpt === '' ? '' : renderer.render(post.excerpt, markers)}
                sort={sort}
                isSelected={row.index === selectedIndex}
                isOpen={post.path === openPath}
                onOpen={open}
                onCategory={onCategory}
                onTag={onTag}
              />
            </div>
          )
        })}
      </div>
      {footer}
    </div>
  )
}
