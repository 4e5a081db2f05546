import { hash } from 'node:crypto'
import { isUtf8 } from 'node:buffer'

/** A line ending Lemma preserves when it saves a file. */
export type LineEnding = '\n' | '\r\n'

/** What {@link decodeText} found in a file's bytes. */
export interface DecodedText {
  /** The text with every `\r\n` turned into `\n` and any BOM removed. */
  text: string
  /** The dominant line ending: `\r\n` only when it outnumbers lone `\n`. */
  lineEnding: LineEnding
  hasBom: boolean
  /** False when the bytes are not valid UTF-8 (e.g. a GBK file); saving would then lose data. */
  isUtf8: boolean
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf])

/**
 * Decodes a file's bytes as UTF-8, strips a UTF-8 BOM and normalises line endings
 * to `\n`. Lone `\r` (classic Mac) is left alone. {@link encodeText} is the inverse:
 * a file with consistent line endings round-trips byte for byte.
 */
export function decodeText(bytes: Buffer): DecodedText {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
  const start = hasBom ? 3 : 0
  let crlf = 0
  let lf = 0
  // Counting with the native indexOf is much faster than a JS loop over 100 MB.
  for (let at = bytes.indexOf(10, start); at !== -1; at = bytes.indexOf(10, at + 1)) {
    if (at > start && bytes[at - 1] === 13) crlf++
    else lf++
  }
  const raw = bytes.toString('utf8', start)
  return {
    text: crlf > 0 ? raw.replaceAll('\r\n', '\n') : raw,
    lineEnding: crlf > lf ? '\r\n' : '\n',
    hasBom,
    isUtf8: isUtf8(bytes.subarray(start)),
  }
}

/**
 * Encodes `text` (with `\n` line endings) as UTF-8 using `lineEnding`, prefixed with a
 * BOM when `hasBom`. Stray `\r\n` in `text` are not doubled.
 */
export function encodeText(text: string, lineEnding: LineEnding, hasBom: boolean): Buffer {
  const body = Buffer.from(lineEnding === '\r\n' ? text.replace(/\r?\n/g, '\r\n') : text, 'utf8')
  return hasBom ? Buffer.concat([BOM, body]) : body
}

/**
 * The sha-256 of `bytes` as lowercase hex: the version token used for conflict checks.
 * The one-shot `crypto.hash` is a quarter faster than a `Hash` object on posts of a
 * few kilobytes, which counts when a cold index hashes ten thousand of them.
 */
export function hashBytes(bytes: Buffer): string {
  return hash('sha256', bytes, 'hex')
}
