/**
 * The item a navigation key selects in a list of `count` items, with `current`
 * selected (-1 for none) and `page` items in view: ↑ ↓ one, PageUp/PageDown a view,
 * Home/End the ends; the first arrow press selects the first item. Clamped to the
 * list. Null for any other key or an empty list, so the caller leaves the key alone.
 */
export function listKeyTarget(key: string, current: number, count: number, page: number): number | null {
  if (count === 0) return null
  let target: number
  switch (key) {
    case 'ArrowDown':
      target = current < 0 ? 0 : current + 1
      break
    case 'ArrowUp':
      target = current < 0 ? 0 : current - 1
      break
    case 'Home':
      target = 0
      break
    case 'End':
      target = count - 1
      break
    case 'PageDown':
      target = current + page
      break
    case 'PageUp':
      target = current - page
      break
    default:
      return null
  }
  return Math.max(0, Math.min(count - 1, target))
}
