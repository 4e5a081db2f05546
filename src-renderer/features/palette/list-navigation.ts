/** Rows a PageUp/PageDown moves by. */
export const PAGE_STEP = 8

/**
 * Where the selection of a list of `count` rows goes on `key`: ArrowUp/ArrowDown
 * step and wrap around, PageUp/PageDown jump {@link PAGE_STEP} rows and stop at the
 * ends. Null for any other key (let it through to the input).
 */
export function moveSelection(index: number, count: number, key: string): number | null {
  if (count <= 0) return key === 'ArrowUp' || key === 'ArrowDown' || key === 'PageUp' || key === 'PageDown' ? 0 : null
  const at = Math.min(Math.max(index, 0), count - 1)
  switch (key) {
    case 'ArrowDown':
      return (at + 1) % count
    case 'ArrowUp':
      return (at - 1 + count) % count
    case 'PageDown':
      return Math.min(at + PAGE_STEP, count - 1)
    case 'PageUp':
      return Math.max(at - PAGE_STEP, 0)
    default:
      return null
  }
}
