import { describe, expect, it } from 'vitest'
import { decodeUtf8InSlices } from '../../src-main/metadata/decode-utf8-in-slices'

describe('decoding UTF-8 in slices', () => {
  it.each([
    ['ASCII', 'a'],
    ['two-byte characters', 'é'],
    ['three-byte characters', '概'],
    ['four-byte characters', '𝔼'],
    ['a mix', 'a概é𝔼 '],
  ])('gives exactly what one call gives, whichever characters straddle the slices (%s)', async (_name, unit) => {
    // Odd lengths put every byte offset of a character at some slice boundary.
    const text = unit.repeat(Math.ceil((3 * 1024 * 1024 + 7) / Buffer.byteLength(unit)))
    const bytes = Buffer.from(text)
    expect(await decodeUtf8InSlices(bytes)).toBe(bytes.toString('utf8'))
  })

  it('lets the event loop run between slices', async () => {
    const order: string[] = []
    setImmediate(() => order.push('event loop'))
    await decodeUtf8InSlices(Buffer.from('概'.repeat(1024 * 1024)))
    order.push('decoded')
    expect(order).toEqual(['event loop', 'decoded'])
  })

  it('keeps invalid bytes as replacement characters', async () => {
    const bytes = Buffer.concat([Buffer.alloc(1024 * 1024 - 1, 0x61), Buffer.from([0xe6, 0xa6]), Buffer.alloc(1024 * 1024, 0x62)])
    expect(await decodeUtf8InSlices(bytes)).toBe(bytes.toString('utf8'))
  })
})
