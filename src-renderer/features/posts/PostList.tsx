import { useVirtualizer } from '@tanstack/react-virtual'
import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { PostSummary } from '../../../src-shared/model/post'
import { listKeyTarget } from '../../ui/list-key-target'
import { PostListItem } from './PostListItem'

/** The height of one row in CSS pixels; rows are fixed-height so long lists stay cheap. */
export const POST_ROW_HEIGHT = 56

/** Props of {@link PostList}. */
export interface PostListProps {
  posts: PostSummary[]
  /** The post in the editor, if any; the keyboard selection follows it. */
  openPath: string | null
  /** Opens a post; `fromKeyboard` is true for Enter, so the editor may take focus. */
  onOpen: (path: string, fromKeyboard: boolean) => void
}

const optionId = (index: number) => `post-option-${index}`

/**
 * The posts as a keyboard-driven listbox: ↑/↓, Home/End and Page Up/Down move the
 * selection, Enter opens it, a click selects and opens. Only the rows in view are
 * rendered, so ten thousand posts scroll as smoothly as ten.
 */
export function PostList({ posts, openPath, onOpen }: PostListProps) {
  const { t } = useTranslation()
  const scrollRef = useRef<HTMLDivElement>(null)
  const [selectedPath, setSelectedPath] = useState(openPath)
  const [followedPath, setFollowedPath] = useState(openPath)
  if (openPath !== followedPath) {
    setFollowedPath(openPath)
    setSelectedPath(openPath)
  }

  const selectedIndex = useMemo(() => posts.findIndex((post) => post.path === selectedPath), [posts, selectedPath])

  const virtualizer = useVirtualizer({
    count: posts.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => POST_ROW_HEIGHT,
    getItemKey: useCallback((index: number) => posts[index].path, [posts]),
    overscan: 8,
    paddingStart: 4,
    paddingEnd: 8,
    useFlushSync: false,
  })

  const pick = useCallback(
    (path: string) => {
      setSelectedPath(path)
      onOpen(path, false)
    },
    [onOpen],
  )

  const select = (index: number) => {
    setSelectedPath(posts[index].path)
    virtualizer.scrollToIndex(index, { align: 'auto' })
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / POST_ROW_HEIGHT) - 1)
    const target = listKeyTarget(event.key, selectedIndex, posts.length, page)
    if (target !== null) select(target)
    else if (event.key === 'Enter' && selectedIndex >= 0) onOpen(posts[selectedIndex].path, true)
    else return
    event.preventDefault()
  }

  return (
    <div
      ref={scrollRef}
      className="post-list"
      role="listbox"
      tabIndex={0}
      aria-label={t('sidebar.posts')}
      aria-activedescendant={selectedIndex >= 0 ? optionId(selectedIndex) : undefined}
      data-testid="post-list"
      onKeyDown={onKeyDown}
    >
      <div className="post-list__canvas" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((row) => {
          const post = posts[row.index]
          return (
            <PostListItem
              key={row.key}
              id={optionId(row.index)}
              post={post}
              isSelected={row.index === selectedIndex}
              isOpen={post.path === openPath}
              top={row.start}
              height={POST_ROW_HEIGHT}
              onPick={pick}
            />
          )
        })}
      </div>
    </div>
  )
}
