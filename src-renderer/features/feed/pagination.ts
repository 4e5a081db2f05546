/** One entry of a page-number bar: a page number, or a gap shown as `…`. */
export type PageEntry = number | 'gap'

/** How many pages `total` items fill at `size` per page; at least one. */
export function pageCount(total: number, size: number): number {
  return Math.max(1, Math.ceil(total / Math.max(1, size)))
}

/** `page` brought into `1…count`. */
export function clampPage(page: number, count: number): number {
  return Math.min(Math.max(1, Math.floor(page)), Math.max(1, count))
}

/**
 * The page numbers a blog shows under its posts: the first and last page, the
 * current one with `around` neighbours on each side, and `gap`s for the rest. A gap
 * never hides a single page (that page is shown instead), so the bar is
 * `1 2 3 4 5 … 50` rather than `1 … 3 4 5 … 50` near the ends.
 */
export function pageNumbers(current: number, count: number, around = 2): PageEntry[] {
  const page = clampPage(current, count)
  const shown = new Set<number>([1, count])
  // Keep the bar the same width near the ends as in the middle.
  const from = Math.max(1, Math.min(page - around, count - 2 * around))
  const to = Math.min(count, Math.max(page + around, 1 + 2 * around))
  for (let n = from; n <= to; n++) shown.add(n)
  const sorted = [...shown].filter((n) => n >= 1 && n <= count).sort((a, b) => a - b)
  const entries: PageEntry[] = []
  for (const n of sorted) {
    const previous = entries[entries.length - 1]
    if (typeof previous === 'number' && n - previous === 2) entries.push(n - 1)
    else if (typeof previous === 'number' && n - previous > 2) entries.push('gap')
    entries.push(n)
  }
  return entries
}
