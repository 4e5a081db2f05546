import type { BuiltIndex } from './build-search-index'
import { numberTerms } from './index-segment'
import { TermTable } from './term-table'

/**
 * Joins indexes built over consecutive parts of a vault (see `buildInWorker`) into
 * the index one build over the whole vault gives: the posts of part `k` follow
 * those of the parts before it, terms are numbered in order of first appearance
 * (the first part's terms, then each later part's new ones), and each term's
 * postings are the parts' lists one after the other. Throws when the parts picked
 * different common junction keys, which happens only when so few of the vault's
 * first posts could be read that the parts' samples differed.
 */
export function mergeBuiltIndexes(parts: readonly BuiltIndex[]): BuiltIndex {
  if (parts.length === 1) return parts[0]
  const common = parts[0].segment.signatures.common
  for (const part of parts) {
    const other = part.segment.signatures.common
    if (other.length !== common.length || other.some((key, i) => key !== common[i])) throw new Error('The index parts picked different common junction keys')
  }
  const table = new TermTable()
  const numbering = parts.map(({ segment }) => Uint32Array.from(segment.terms, (term) => table.intern(term)))
  const terms = table.terms
  const offsets = new Uint32Array(terms.length + 1)
  parts.forEach(({ segment }, p) => {
    for (let t = 0; t < segment.terms.length; t++) offsets[numbering[p][t] + 1] += segment.offsets[t + 1] - segment.offsets[t]
  })
  for (let t = 0; t < terms.length; t++) offsets[t + 1] += offsets[t]
  const cursor = offsets.slice(0, terms.length)
  const ids = new Uint32Array(offsets[terms.length])
  const weights = new Uint8Array(ids.length)
  let postBase = 0
  parts.forEach(({ segment, posts }, p) => {
    for (let t = 0; t < segment.terms.length; t++) {
      const from = segment.offsets[t]
      const to = segment.offsets[t + 1]
      const at = cursor[numbering[p][t]]
      if (postBase === 0) ids.set(segment.ids.subarray(from, to), at)
      else for (let i = from; i < to; i++) ids[at + i - from] = segment.ids[i] + postBase
      weights.set(segment.weights.subarray(from, to), at)
      cursor[numbering[p][t]] = at + to - from
    }
    postBase += posts.length
  })
  const signatureOffsets = new Uint32Array(postBase + 1)
  const signatureBytes = new Uint8Array(parts.reduce((sum, part) => sum + part.segment.signatures.bytes.length, 0))
  let post = 0
  let byteBase = 0
  for (const { segment, posts } of parts) {
    const { offsets: partOffsets, bytes } = segment.signatures
    for (let id = 0; id < posts.length; id++) signatureOffsets[post + id + 1] = byteBase + partOffsets[id + 1]
    signatureBytes.set(bytes, byteBase)
    post += posts.length
    byteBase += bytes.length
  }
  return {
    segment: { terms, termNumbers: numberTerms(terms), offsets, ids, weights, signatures: { common, offsets: signatureOffsets, bytes: signatureBytes } },
    posts: parts.flatMap((part) => part.posts),
    docs: parts.flatMap((part) => part.docs),
  }
}
