import { KeySet } from './key-set'

/**
 * Per post, a small Bloom filter of its junction keys (see `JunctionCollector`), so a
 * quoted phrase drops the posts that contain its words but not next to each other
 * without reading them: a post whose signature lacks one of the phrase's keys cannot
 * contain the phrase, while one that has them all still has its file read before it
 * is shown. Keys found in more than three quarters of a sample of posts are left
 * out of every signature (and out of every phrase's test), as they would fill the
 * filters and prune next to nothing.
 */
export interface PhraseSignatures {
  /** The keys left out, ascending. */
  common: Uint32Array
  /** The signature of post `id` is `bytes[offsets[id]]` to `bytes[offsets[id + 1] - 1]`; empty says nothing. */
  offsets: Uint32Array
  bytes: Uint8Array
}

/** Signature bits per key: with two bits per key, some 15% of absent keys pass. */
const BITS_PER_KEY = 4
const MIN_BITS = 64
/** Kept below 2^16, so that a bit's position is a 16-bit multiply (see {@link bitOf}). */
const MAX_BITS = 32768
/**
 * Keys in more than this share of the sample are common. Leaving out only the very
 * commonest keeps the signatures small while still telling apart words that are
 * often, but not always, neighbours (`模型的`).
 */
const COMMON_SHARE = 0.75
/** Posts sampled, in build order, to pick the common keys. */
export const SAMPLE_POSTS = 256

/** Signatures of no post. */
export function emptySignatures(): PhraseSignatures {
  return { common: new Uint32Array(0), offsets: new Uint32Array(1), bytes: new Uint8Array(0) }
}

/** The signature of a post with junction keys `keys`, leaving out the `common` ones. */
export function signatureOf(keys: Uint32Array, common: { has(key: number): boolean }): Uint8Array {
  if (kept.length < keys.length) kept = new Uint32Array(keys.length * 2)
  let count = 0
  for (let i = 0; i < keys.length; i++) if (!common.has(keys[i])) kept[count++] = keys[i]
  const bits = Math.min(MAX_BITS, Math.max(MIN_BITS, Math.ceil((count * BITS_PER_KEY) / 8) * 8))
  const signature = new Uint8Array(bits / 8)
  for (let i = 0; i < count; i++) {
    const key = kept[i]
    const first = bitOf(key, bits)
    const second = bitOf(Math.imul(key, 0x9e3779b1), bits)
    signature[first >>> 3] |= 1 << (first & 7)
    signature[second >>> 3] |= 1 << (second & 7)
  }
  return signature
}

/** Scratch for {@link signatureOf}: the keys of one post that are not common. */
let kept = new Uint32Array(4096)

/**
 * True unless the signature `bytes[from … to)` surely lacks one of `keys` (which
 * must leave out the common keys). An empty signature lacks nothing.
 */
export function mayHaveKeys(bytes: Uint8Array, from: number, to: number, keys: readonly number[]): boolean {
  const bits = (to - from) * 8
  if (bits === 0) return true
  for (let i = 0; i < keys.length; i++) {
    const first = bitOf(keys[i], bits)
    const second = bitOf(Math.imul(keys[i], 0x9e3779b1), bits)
    if ((bytes[from + (first >>> 3)] & (1 << (first & 7))) === 0) return false
    if ((bytes[from + (second >>> 3)] & (1 << (second & 7))) === 0) return false
  }
  return true
}

/** A bit of a `bits`-long signature, from the high half of a hash (any length, not only powers of two). */
function bitOf(hash: number, bits: number): number {
  return ((hash >>> 16) * bits) >>> 16
}

/**
 * The keys found in more than {@link COMMON_SHARE} of `sample` (the junction keys
 * of the first {@link SAMPLE_POSTS} posts built, or fewer when there are fewer),
 * ascending: those no signature holds.
 */
export function commonKeys(sample: readonly Uint32Array[]): Uint32Array {
  const counts = new Map<number, number>()
  for (const keys of sample) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1)
  const threshold = Math.max(2, sample.length * COMMON_SHARE)
  const common: number[] = []
  for (const [key, count] of counts) if (count > threshold) common.push(key)
  return Uint32Array.from(common).sort()
}

/**
 * Packs the signatures of posts given in ascending id order. Without a list of
 * common keys, it picks them from the first posts it is given, holding their keys
 * until then.
 */
export class SignatureBuilder {
  private common: KeySet | null
  private pending: Array<{ id: number; keys: Uint32Array }> = []
  private offsets = new Uint32Array(1024)
  private bytes = new Uint8Array(1 << 16)
  private size = 0
  private posts = 0

  constructor(common?: Uint32Array) {
    this.common = common === undefined ? null : new KeySet(common)
  }

  /** Adds post `id` by its junction keys. */
  addKeys(id: number, keys: Uint32Array): void {
    if (this.common !== null) {
      this.addSignature(id, signatureOf(keys, this.common))
      return
    }
    this.pending.push({ id, keys })
    if (this.pending.length >= SAMPLE_POSTS) this.settleCommon()
  }

  /** Adds post `id` by a finished signature (when merging). */
  addSignature(id: number, signature: Uint8Array): void {
    if (id < this.posts) throw new Error(`SignatureBuilder: post ids must ascend (${id})`)
    this.reserve(id + 2, signature.length)
    while (this.posts < id) this.offsets[++this.posts] = this.size
    this.bytes.set(signature, this.size)
    this.size += signature.length
    this.offsets[++this.posts] = this.size
  }

  /** Packs what was added; `postCount` posts in all (missing ones get empty signatures). */
  finish(postCount: number): PhraseSignatures {
    this.settleCommon()
    this.reserve(postCount + 1, 0)
    while (this.posts < postCount) this.offsets[++this.posts] = this.size
    return {
      common: this.common?.keys() ?? new Uint32Array(0),
      offsets: this.offsets.slice(0, postCount + 1),
      bytes: this.bytes.slice(0, this.size),
    }
  }

  private settleCommon(): void {
    this.common ??= new KeySet(commonKeys(this.pending.map(({ keys }) => keys)))
    const pending = this.pending
    this.pending = []
    for (const { id, keys } of pending) this.addSignature(id, signatureOf(keys, this.common))
  }

  private reserve(offsetCount: number, extraBytes: number): void {
    if (offsetCount > this.offsets.length) {
      const bigger = new Uint32Array(Math.max(offsetCount, this.offsets.length * 2))
      bigger.set(this.offsets)
      this.offsets = bigger
    }
    if (this.size + extraBytes > this.bytes.length) {
      const bigger = new Uint8Array(Math.max(this.size + extraBytes, this.bytes.length * 2))
      bigger.set(this.bytes.subarray(0, this.size))
      this.bytes = bigger
    }
  }
}
