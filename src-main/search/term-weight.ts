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

/** The part of BM25 that depends only on the post: computed once per post, not once per posting. */
export function lengthNorm(docLength: number, averageLength: number): number {
  return K1 * (1 - B + (B * docLength) / averageLength)
}

/**
 * The BM25 score of one posting: the term's `idf` times the saturated body count,
 * normalised by the post's length against the average (`norm`, the post's
 * {@link lengthNorm}), plus fixed bonuses for a title or tag match, so the ranking
 * is title, then tags and categories, then body.
 */
export function postingScore(weight: number, idf: number, norm: number): number {
  const count = weight & MAX_BODY_COUNT
  const body = count === 0 ? 0 : (count * (K1 + 1)) / (count + norm)
  return idf * (body + ((weight & IN_TITLE) !== 0 ? TITLE_BONUS : 0) + ((weight & IN_TAGS) !== 0 ? TAGS_BONUS : 0))
}

/** BM25's inverse document frequency of a term found in `documentFrequency` of `documentCount` posts. */
export function inverseDocumentFrequency(documentFrequency: number, documentCount: number): number {
  return Math.log(1 + (documentCount - documentFrequency + 0.5) / (documentFrequency + 0.5))
}

/** Length classes per doubling of a post's token count (see {@link lengthClass}). */
const CLASSES_PER_OCTAVE = 16
/** The class of a removed post: no score. */
export const NO_LENGTH_CLASS = 0

/**
 * A post's token count rounded to one of 255 classes, each about 4% longer than the
 * one below (posts over some 59,000 tokens share the last): BM25's length
 * normalisation then comes from a table ({@link scoreTable}) instead of a division
 * per posting, which halves the cost of a query's inner loop. Never
 * {@link NO_LENGTH_CLASS}.
 */
export function lengthClass(length: number): number {
  return 1 + Math.min(254, Math.round(Math.log2(length + 1) * CLASSES_PER_OCTAVE))
}

/**
 * {@link postingScore} with an `idf` of 1 for every packed weight and length class:
 * entry `(weight << 8) | lengthClass` (0 for {@link NO_LENGTH_CLASS}). Depends on
 * the average length only, so it is rebuilt when the posts change, not per query.
 */
export function scoreTable(averageLength: number): Float32Array {
  const table = new Float32Array(256 * 256)
  for (let lengthClass = 1; lengthClass < 256; lengthClass++) {
    const norm = lengthNorm(2 ** ((lengthClass - 1) / CLASSES_PER_OCTAVE) - 1, averageLength)
    for (let weight = 0; weight < 256; weight++) table[(weight << 8) | lengthClass] = postingScore(weight, 1, norm)
  }
  return table
}
