/**
 * What one posting says about a term in a post, packed in a byte: how often the
 * term occurs in the text (capped at {@link MAX_BODY_COUNT}, where BM25 has long
 * saturated) and whether it also occurs in the title or in a tag or category.
 */
export const MAX_BODY_COUNT = 63
const IN_TITLE = 0x40
const IN_TAGS = 0x80

/** Packs a posting's weight byte. */
export function packWeight(bodyCount: number, isInTitle: boolean, isInTags: boolean): number {
  return Math.min(bodyCount, MAX_BODY_COUNT) | (isInTitle ? IN_TITLE : 0) | (isInTags ? IN_TAGS : 0)
}

/** Adds title or tag presence to a packed weight. */
export function withFieldBits(weight: number, isInTitle: boolean, isInTags: boolean): number {
  return weight | (isInTitle ? IN_TITLE : 0) | (isInTags ? IN_TAGS : 0)
}

const K1 = 1.2
const B = 0.75
/** Title and tag matches rank above any number of body matches (BM25's body part stays below K1 + 1). */
const TITLE_BONUS = 2.5
const TAGS_BONUS = 1.5

/**
 * The BM25 score of one posting: the term's `idf` times the saturated body count,
 * normalised by the post's length against the average, plus fixed bonuses for a
 * title or tag match, so the ranking is title, then tags and categories, then body.
 */
export function postingScore(weight: number, idf: number, docLength: number, averageLength: number): number {
  const count = weight & MAX_BODY_COUNT
  const body = count === 0 ? 0 : (count * (K1 + 1)) / (count + K1 * (1 - B + (B * docLength) / averageLength))
  return idf * (body + ((weight & IN_TITLE) !== 0 ? TITLE_BONUS : 0) + ((weight & IN_TAGS) !== 0 ? TAGS_BONUS : 0))
}

/** BM25's inverse document frequency of a term found in `documentFrequency` of `documentCount` posts. */
export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5))
}
