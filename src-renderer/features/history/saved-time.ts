const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * When a version or backup was saved, for people: relative within the last day
 * ("10 seconds ago", "5 minutes ago", "3 hours ago"), else the date and time in
 * `locale` ("Mar 3, 2026, 14:05"). `now` is passed in so the result is testable.
 */
export function formatSavedTime(savedAtMs: number, nowMs: number, locale: string): string {
  const age = nowMs - savedAtMs
  if (age >= 0 && age < DAY) {
    const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
    if (age < MINUTE) return relative.format(-Math.max(1, Math.floor(age / 1000)), 'second')
    if (age < HOUR) return relative.format(-Math.floor(age / MINUTE), 'minute')
    return relative.format(-Math.floor(age / HOUR), 'hour')
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(savedAtMs)
}

/**
 * When a version was saved, as a label that tells versions apart: the time with
 * seconds for today ("14:03:12"), the day and time this year ("Mar 3, 14:03"),
 * else the full date and time.
 */
export function formatSavedClock(savedAtMs: number, nowMs: number, locale: string): string {
  const saved = new Date(savedAtMs)
  const now = new Date(nowMs)
  if (saved.toDateString() === now.toDateString()) return new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(saved)
  if (saved.getFullYear() === now.getFullYear()) return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(saved)
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(saved)
}

/** The exact date and time, for a tooltip next to {@link formatSavedTime}. */
export function formatExactTime(savedAtMs: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'medium' }).format(savedAtMs)
}

/** A size in bytes as people read it: `812 B`, `14.2 KB`, `3.1 MB` (1 KB = 1,024 bytes). */
export function formatSize(bytes: number, locale: string): string {
  const number = (value: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: value < 10 ? 1 : 0 }).format(value)
  if (bytes < 1024) return `${number(bytes)} B`
  if (bytes < 1024 * 1024) return `${number(bytes / 1024)} KB`
  return `${number(bytes / (1024 * 1024))} MB`
}
