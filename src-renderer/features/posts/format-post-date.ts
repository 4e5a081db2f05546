const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/
const formatters = new Map<string, Intl.DateTimeFormat>()

function formatter(locale: string | undefined): Intl.DateTimeFormat {
  const key = locale ?? ''
  let cached = formatters.get(key)
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' })
    formatters.set(key, cached)
  }
  return cached
}

/**
 * Reads an ISO 8601 date as a local date. A bare `YYYY-MM-DD` is that calendar day
 * wherever the reader is (the built-in parser would read it as UTC midnight and show
 * the previous day west of Greenwich). Returns null when the text is not a date.
 */
export function parsePostDate(iso: string): Date | null {
  const day = dateOnly.exec(iso)
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : new Date(iso)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * The day a post was written, in the locale's numeric format (e.g. `2026/01/11` in
 * `zh-CN`, `01/11/2026` in `en-US`); the raw text when it is not a date.
 */
export function formatPostDate(iso: string, locale?: string): string {
  const date = parsePostDate(iso)
  return date ? formatter(locale).format(date) : iso
}

/** The local calendar day of an ISO date as `YYYY-MM-DD`, for `<time dateTime>`; '' when not a date. */
export function postDay(iso: string): string {
  const date = parsePostDate(iso)
  if (!date) return ''
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
