import { describe, expect, it } from 'vitest'
import { formatLocalDateTime, parseDate } from '../../src-main/vault/dates'

const local = (...parts: [number, number, number, number?, number?, number?]) =>
  new Date(parts[0], parts[1] - 1, parts[2], parts[3] ?? 0, parts[4] ?? 0, parts[5] ?? 0).toISOString()

describe('parseDate', () => {
  it.each([
    ['a Hexo date and time, in local time', '2013-07-13 20:46:25', local(2013, 7, 13, 20, 46, 25)],
    ['a Hexo date with a one-digit month', '2013-7-13 20:46:25', local(2013, 7, 13, 20, 46, 25)],
    ['a date alone, at local midnight', '2020-02-29', local(2020, 2, 29)],
    ['a date with slashes', '2021/3/4', local(2021, 3, 4)],
    ['minutes without seconds', '2021-03-04 09:05', local(2021, 3, 4, 9, 5)],
    ['ISO with Z', '2021-03-04T09:05:06Z', '2021-03-04T09:05:06.000Z'],
    ['ISO with an offset', '2021-03-04T17:05:06+08:00', '2021-03-04T09:05:06.000Z'],
    ['ISO with fractions and a compact offset', '2021-03-04T09:05:06.5-0130', '2021-03-04T10:35:06.500Z'],
    ['Jekyll with a spaced offset', '2021-03-04 17:05:06 +0800', '2021-03-04T09:05:06.000Z'],
    ['RFC 2822', 'Sat, 13 Jul 2013 20:46:25 +0800', '2013-07-13T12:46:25.000Z'],
    ['Unix seconds', '1373719585', '2013-07-13T12:46:25.000Z'],
    ['Unix milliseconds', 1373719585000, '2013-07-13T12:46:25.000Z'],
  ])('reads %s', (_name, input, iso) => {
    expect(parseDate(input)?.toISOString()).toBe(iso)
  })

  it.each([
    ['2023-02-30'],
    ['2023-02-29'],
    ['2023-13-01'],
    ['2023-04-31'],
    ['2023-01-01 24:00'],
    ['2023-01-01 12:60'],
    ['hello'],
    ['hello 1'],
    ['20230101'],
    [''],
    [42],
    [{ year: 2023 }],
  ])('refuses %j', (input) => {
    expect(parseDate(input)).toBeNull()
  })
})

describe('formatLocalDateTime', () => {
  it('writes the Hexo form that parseDate reads back', () => {
    const date = new Date(2024, 0, 5, 7, 8, 9)
    expect(formatLocalDateTime(date)).toBe('2024-01-05 07:08:09')
    expect(parseDate(formatLocalDateTime(date))?.getTime()).toBe(date.getTime())
  })
})
