import { describe, expect, it } from 'vitest'
import { decodeText, encodeText, hashBytes } from '../../src-main/vault/text-codec'

const BOM = '\ufeff'

describe('decodeText and encodeText', () => {
  it.each([
    ['LF without BOM', 'a\nb\n', '\n', false],
    ['CRLF with BOM', `${BOM}标题\r\n正文 $x^2$\r\n`, '\r\n', true],
    ['CRLF without BOM', 'one\r\ntwo', '\r\n', false],
    ['BOM only', BOM, '\n', true],
    ['empty file', '', '\n', false],
    ['no line break', 'single line', '\n', false],
  ] as const)('round-trips %s byte for byte', (_name, content, lineEnding, hasBom) => {
    const bytes = Buffer.from(content, 'utf8')
    const decoded = decodeText(bytes)
    expect(decoded.lineEnding).toBe(lineEnding)
    expect(decoded.hasBom).toBe(hasBom)
    expect(decoded.text).not.toContain('\r\n')
    expect(decoded.text.startsWith(BOM)).toBe(false)
    expect(encodeText(decoded.text, decoded.lineEnding, decoded.hasBom).equals(bytes)).toBe(true)
  })

  it.each([
    ['mostly CRLF', 'a\r\nb\r\nc\nd', '\r\n'],
    ['mostly LF', 'a\nb\nc\r\nd', '\n'],
    ['a tie', 'a\r\nb\nc', '\n'],
  ] as const)('picks the dominant line ending of %s', (_name, content, lineEnding) => {
    expect(decodeText(Buffer.from(content)).lineEnding).toBe(lineEnding)
  })

  it('normalises every CRLF to LF in the text', () => {
    expect(decodeText(Buffer.from('a\r\nb\nc\r\n')).text).toBe('a\nb\nc\n')
  })

  it('does not double CRLF already present in the text', () => {
    expect(encodeText('a\r\nb\n', '\r\n', false).toString()).toBe('a\r\nb\r\n')
  })

  it('reports bytes that are not UTF-8', () => {
    const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3]) // 你好 in GBK
    expect(decodeText(gbk).isUtf8).toBe(false)
    expect(decodeText(Buffer.from('你好')).isUtf8).toBe(true)
  })
})

describe('hashBytes', () => {
  it('is the sha-256 hex digest', () => {
    expect(hashBytes(Buffer.from('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
