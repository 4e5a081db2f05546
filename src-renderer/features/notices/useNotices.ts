import { useCallback, useState } from 'react'

/** A message shown to the person until dismissed. */
export interface Notice {
  id: number
  message: string
}

/** The notices on screen and the stable functions that add and dismiss them. */
export interface NoticesHandle {
  notices: Notice[]
  notify: (message: string) => void
  dismiss: (id: number) => void
}

let nextId = 1

/** Holds the app's transient notices (start-up messages, failed operations). Repeats are merged. */
export function useNotices(): NoticesHandle {
  const [notices, setNotices] = useState<Notice[]>([])
  const notify = useCallback((message: string) => {
    setNotices((current) => (current.some((notice) => notice.message === message) ? current : [...current, { id: nextId++, message }]))
  }, [])
  const dismiss = useCallback((id: number) => {
    setNotices((current) => current.filter((notice) => notice.id !== id))
  }, [])
  return { notices, notify, dismiss }
}
