import { parsePostDate } from '../posts/format-post-date'

const formatters = new Map<string, Intl.DateTimeFormat>()
const yearMonths = new Map<string, { year: number; month: number } | null>()

/**
 * The local calendar year and month (1–12) of an ISO date, or null when it is not a
 * date. Cached by the text: the archive asks for every post's on each change.
 */
export function localYearMonth(iso: string): { year: number; month: number } | null {
  let cached = yearMonths.get(iso)
  if (cached === undefined) {
    const date = parsePostDate(iso)
    cached = date ? { year: date.getFullYear(), month: date.getMonth() + 1 } : null
    if (yearMonths.size > 50_000) yearMonths.clear()
    yearMonths.set(iso, cached)
  }
  return cached
}

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let cached = formatters.get(key)
  if (!cached) {
    cached = new Intl.DateTimeFormat(locale, options)
    formatters.set(key, cached)
  }
  return cached
}

/** A card's date as a blog shows it: `Jan 11, 2026` in English, `2026年1月11日` in Chinese; the raw text when not a date. */
export function formatCardDate(iso: string, locale: string): string {
  const date = parsePostDate(iso)
  return date ? formatter(locale, { dateStyle: 'medium' }).format(date) : iso
}

/** An archive month as the locale names it: `January 2026`, `2026年1月`. */
export function formatArchiveMonth(year: number, month: number, locale: string): string {
  return formatter(locale, { year: 'numeric', month: 'long' }).format(new Date(year, month - 1, 1))
}

/** A month's name alone, for a month inside its year: `January`, `1月`. */
export function formatMonthName(month: number, locale: string): string {
  return formatter(locale, { month: 'long' }).format(new Date(2000, month - 1, 1))
}

/** A year as the locale writes it alone: `2026`, `2026年`. */
export function formatYear(year: number, locale: string): string {
  return formatter(locale, { year: 'numeric' }).format(new Date(year, 0, 1))
}
