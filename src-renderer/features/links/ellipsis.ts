import { isWide } from './display-columns'

/**
 * The ellipsis that stands for text left out between `before` and `after`: a bare
 * `…` between two characters of East Asian scripts (as Chinese sets it, with no
 * spaces), ` … ` anywhere else, so it never glues two words together.
 */
export function ellipsisBetween(before: string, after: string): string {
  const last = before.slice(-2)
  const lastChar = Array.from(last).at(-1) ?? ''
  return isWide(lastChar) && isWide(after) ? '…' : ' … '
}
