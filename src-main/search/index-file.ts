import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { numberTerms, type IndexSegment } from './index-segment'

const MAGIC = 'LEMMASX1'

/**
 * Bump when the tokenizer, the analysis or the file layout changes: an index file
 * with another version is ignored and rebuilt.
 */
export const INDEX_FORMAT_VERSION = 4

/** An index as stored: a packed segment plus a JSON-serializable header. */
export interface StoredIndex<Header> {
  header: Header
  segment: IndexSegment
}

/**
 * Encodes an index as bytes: the magic `LEMMASX1`, the header length, the header as
 * JSON (with the term list), then per term its posting count, then per term its
 * post ids (the first, then the rest either as varint gaps or, for terms in a good
 * share of the posts, as a bitmap, whichever is smaller), then one weight byte per
 * posting, then the phrase signatures (common keys, per post the signature's length,
 * the signatures). About 1.3 bytes per posting, against some 10 as JSON, and
 * decoded without a JSON parse of the postings.
 */
export function encodeIndex<Header>(header: Header, segment: IndexSegment): Buffer {
  const json = Buffer.from(JSON.stringify({ version: INDEX_FORMAT_VERSION, header, terms: segment.terms }), 'utf8')
  const { offsets, ids, weights, signatures } = segment
  const termCount = segment.terms.length
  const out = new ByteWriter(16 + json.length + termCount * 4 + ids.length + weights.length + signatures.bytes.length)
  out.ascii(MAGIC)
  out.uint32(json.length)
  out.bytes(json)
  for (let t = 0; t < termCount; t++) out.varint(offsets[t + 1] - offsets[t])
  for (let t = 0; t < termCount; t++) writeIds(out, ids, offsets[t], offsets[t + 1])
  out.bytes(weights)
  out.varint(signatures.common.length)
  for (const key of signatures.common) out.uint32(key)
  const postCount = signatures.offsets.length - 1
  out.varint(postCount)
  for (let id = 0; id < postCount; id++) out.varint(signatures.offsets[id + 1] - signatures.offsets[id])
  out.bytes(signatures.bytes)
  return out.result()
}

const GAPS = 0
const BITMAP = 1

/** One term's ids `ids[from … to)`: the first, then gaps or a bitmap of the ids after it. */
function writeIds(out: ByteWriter, ids: Uint32Array, from: number, to: number): void {
  if (from === to) return
  out.varint(ids[from])
  if (to - from === 1) return
  let gapBytes = 0
  for (let at = from + 1; at < to; at++) gapBytes += varintLength(ids[at] - ids[at - 1])
  const first = ids[from]
  const bitmapBytes = Math.ceil((ids[to - 1] - first) / 8)
  if (gapBytes <= bitmapBytes + varintLength(bitmapBytes)) {
    out.varint(GAPS)
    for (let at = from + 1; at < to; at++) out.varint(ids[at] - ids[at - 1])
    return
  }
  out.varint(BITMAP)
  out.varint(bitmapBytes)
  const bitmap = new Uint8Array(bitmapBytes)
  for (let at = from + 1; at < to; at++) {
    const bit = ids[at] - first - 1
    bitmap[bit >>> 3] |= 1 << (bit & 7)
  }
  out.bytes(bitmap)
}

/** Reads what {@link writeIds} wrote for `ids[from … to)`. */
function readIds(reader: ByteReader, ids: Uint32Array, from: number, to: number): void {
  if (from === to) return
  const first = reader.varint()
  ids[from] = first
  if (to - from === 1) return
  const kind = reader.varint()
  if (kind === GAPS) {
    for (let at = from + 1; at < to; at++) ids[at] = ids[at - 1] + reader.varint()
    return
  }
  if (kind !== BITMAP) throw new Error('unknown postings encoding')
  const bitmap = reader.take(reader.varint())
  let at = from + 1
  for (let i = 0; i < bitmap.length; i++) {
    let byte = bitmap[i]
    while (byte !== 0) {
      const low = byte & -byte
      if (at >= to) throw new Error('postings overflow')
      ids[at++] = first + 1 + i * 8 + (31 - Math.clz32(low))
      byte ^= low
    }
  }
  if (at !== to) throw new Error('postings count mismatch')
}

function varintLength(value: number): number {
  let length = 1
  while (value >= 0x80) {
    value = Math.floor(value / 128)
    length++
  }
  return length
}

/** Decodes {@link encodeIndex}'s bytes; null when they are not a current, intact index. */
export function decodeIndex<Header>(bytes: Uint8Array): StoredIndex<Header> | null {
  try {
    if (bytes.length < 12 || Buffer.from(bytes.subarray(0, 8)).toString('latin1') !== MAGIC) return null
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    const jsonLength = view.getUint32(8, true)
    const parsed = JSON.parse(Buffer.from(bytes.subarray(12, 12 + jsonLength)).toString('utf8')) as { version: number; header: Header; terms: string[] }
    if (parsed.version !== INDEX_FORMAT_VERSION || !Array.isArray(parsed.terms)) return null
    const reader = new ByteReader(bytes, 12 + jsonLength)
    const termCount = parsed.terms.length
    const offsets = new Uint32Array(termCount + 1)
    for (let t = 0; t < termCount; t++) offsets[t + 1] = offsets[t] + reader.varint()
    const total = offsets[termCount]
    const ids = new Uint32Array(total)
    for (let t = 0; t < termCount; t++) readIds(reader, ids, offsets[t], offsets[t + 1])
    const weights = new Uint8Array(reader.take(total))
    const common = new Uint32Array(reader.varint())
    for (let i = 0; i < common.length; i++) common[i] = reader.uint32()
    const postCount = reader.varint()
    const signatureOffsets = new Uint32Array(postCount + 1)
    for (let id = 0; id < postCount; id++) signatureOffsets[id + 1] = signatureOffsets[id] + reader.varint()
    const signatureBytes = new Uint8Array(reader.take(signatureOffsets[postCount]))
    if (!reader.isAtEnd()) return null
    const signatures = { common, offsets: signatureOffsets, bytes: signatureBytes }
    return { header: parsed.header, segment: { terms: parsed.terms, termNumbers: numberTerms(parsed.terms), offsets, ids, weights, signatures } }
  } catch {
    return null
  }
}

/** Reads an index file; null when it is missing, damaged or of another version. */
export async function readIndexFile<Header>(path: string): Promise<StoredIndex<Header> | null> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch {
    return null
  }
  return decodeIndex<Header>(bytes)
}

/** Writes an index file through a temporary file and a rename, so a crash never leaves half a file. */
export async function writeIndexFile<Header>(path: string, header: Header, segment: IndexSegment): Promise<number> {
  const bytes = encodeIndex(header, segment)
  await mkdir(dirname(path), { recursive: true })
  const temporary = `${path}.${process.pid}.tmp`
  try {
    await writeFile(temporary, bytes)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
  return bytes.length
}

class ByteWriter {
  private buffer: Uint8Array
  private length = 0

  constructor(capacity: number) {
    this.buffer = new Uint8Array(Math.max(64, capacity))
  }

  ascii(text: string): void {
    this.reserve(text.length)
    for (let i = 0; i < text.length; i++) this.buffer[this.length++] = text.charCodeAt(i)
  }

  uint32(value: number): void {
    this.reserve(4)
    new DataView(this.buffer.buffer).setUint32(this.length, value, true)
    this.length += 4
  }

  bytes(bytes: Uint8Array): void {
    this.reserve(bytes.length)
    this.buffer.set(bytes, this.length)
    this.length += bytes.length
  }

  varint(value: number): void {
    this.reserve(5)
    while (value >= 0x80) {
      this.buffer[this.length++] = (value & 0x7f) | 0x80
      value >>>= 7
    }
    this.buffer[this.length++] = value
  }

  result(): Buffer {
    return Buffer.from(this.buffer.buffer, 0, this.length)
  }

  private reserve(extra: number): void {
    if (this.length + extra <= this.buffer.length) return
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.length + extra))
    bigger.set(this.buffer.subarray(0, this.length))
    this.buffer = bigger
  }
}

class ByteReader {
  constructor(private readonly bytes: Uint8Array, private at: number) {}

  uint32(): number {
    if (this.at + 4 > this.bytes.length) throw new Error('truncated index file')
    const value = (this.bytes[this.at] | (this.bytes[this.at + 1] << 8) | (this.bytes[this.at + 2] << 16) | (this.bytes[this.at + 3] << 24)) >>> 0
    this.at += 4
    return value
  }

  varint(): number {
    let value = 0
    let shift = 0
    for (;;) {
      if (this.at >= this.bytes.length) throw new Error('truncated index file')
      const byte = this.bytes[this.at++]
      value += (byte & 0x7f) * 2 ** shift
      if (byte < 0x80) return value
      shift += 7
    }
  }

  take(length: number): Uint8Array {
    if (this.at + length > this.bytes.length) throw new Error('truncated index file')
    const slice = this.bytes.subarray(this.at, this.at + length)
    this.at += length
    return slice
  }

  isAtEnd(): boolean {
    return this.at === this.bytes.length
  }
}
