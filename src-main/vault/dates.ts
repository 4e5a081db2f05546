const DATE_TIME =
  /^(\d{4})([-/])(\d{1,2})\2(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?[ \t]*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/
const RFC_2822 =
  /^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+(?:[+-]\d{4}|gmt|utc|z))?$/i

/**
 * Reads a front-matter date. Accepts `YYYY-MM-DD`, `YYYY-M-D`, `YYYY/MM/DD`, an
 * optional ` HH:mm[:ss[.fff]]` or `THH:mm…` time (Hexo and Jekyll style), an optional
 * zone (`Z`, `+08:00`, `+0800`, `+08`), RFC 2822 (`Sat, 13 Jul 2013 20:46:25 +0800`),
 * Unix time in seconds or milliseconds, and `Date` objects. A date without a zone
 * is local time, as in Hexo. Returns null for anything else and for dates that do
 * not exist (`2023-02-30`, `25:00`), never a guess.
 */
export function parseDate(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value
  if (typeof value === 'number') return fromEpoch(value)
  if (typeof value !== 'string') return null
  const text = value.trim()
  if (/^\d{9,13}$/.test(text)) return fromEpoch(Number(text))
  const match = DATE_TIME.exec(text)
  if (match !== null) return fromParts(match)
  if (RFC_2822.test(text)) {
    const time = Date.parse(text)
    return Number.isNaN(time) ? null : new Date(time)
  }
  return null
}

/** The local date and time as `YYYY-MM-DD HH:mm:ss`, the form Hexo writes in front matter. */
export function formatLocalDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`
  )
}

function fromEpoch(value: number): Date | null {
  if (!Number.isFinite(value)) return null
  // Below 1e11 the number reads as seconds (until the year 5138), above as milliseconds.
  if (value >= 1e8 && value < 1e11) return new Date(value * 1000)
  if (value >= 1e11 && value < 1e14) return new Date(value)
  return null
}

function fromParts(match: RegExpExecArray): Date | null {
  const year = Number(match[1])
  const month = Number(match[3])
  const day = Number(match[4])
  const hour = Number(match[5] ?? 0)
  const minute = Number(match[6] ?? 0)
  const second = Number(match[7] ?? 0)
  const millisecond = match[8] === undefined ? 0 : Math.floor(Number(`0.${match[8]}`) * 1000)
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null
  if (hour > 23 || minute > 59 || second > 59) return null
  const zone = match[9]
  if (zone === undefined) {
    const local = new Date(year, month - 1, day, hour, minute, second, millisecond)
    // Years 0-99 would otherwise be read as 1900-1999.
    local.setFullYear(year)
    return local
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond)
  const time = new Date(utc)
  time.setUTCFullYear(year)
  return new Date(time.getTime() - zoneOffsetMinutes(zone) * 60_000)
}

function zoneOffsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0
  const sign = zone[0] === '-' ? -1 : 1
  const digits = zone.slice(1).replace(':', '')
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0))
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}
