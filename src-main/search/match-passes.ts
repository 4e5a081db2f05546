import { NO_LENGTH_CLASS } from './term-weight'

/** Per-post working arrays reused across queries; stamps mark which entries are current. */
export class Scratch {
  /** The posts a pass kept, in the order it found them. */
  readonly touched: Int32Array
  /** The posts a pass that keeps every survivor found, beside {@link touched}. */
  readonly extra: Int32Array
  /** The stamp of the last pass a post survived. */
  readonly alive: Uint32Array
  /** The stamp of the last multi-list pass that saw a post. */
  readonly mark: Uint32Array
  readonly best: Float64Array
  readonly scores: Float64Array
  private stamp = 0

  constructor(readonly size: number) {
    this.touched = new Int32Array(size)
    this.extra = new Int32Array(size)
    this.alive = new Uint32Array(size)
    this.mark = new Uint32Array(size)
    this.best = new Float64Array(size)
    this.scores = new Float64Array(size)
  }

  /** Starts a query; stamps wrap around only here, so one query never sees stale stamps. */
  beginQuery(): void {
    if (this.stamp < 0xffff0000) return
    this.alive.fill(0)
    this.mark.fill(0)
    this.stamp = 0
  }

  /** A stamp no entry carries yet (a query takes at most two per token). */
  nextStamp(): number {
    return ++this.stamp
  }
}

/**
 * One token's pass over a single postings list `ids[from … end)`: keeps the posts
 * that survived the previous pass (`previous`; any live post when `isFirst`),
 * adds the posting's score (`idf` times its entry in the score table, by weight
 * and length class) and stamps them with `pass`. Returns how many it kept,
 * listed in `scratch.touched`. This and {@link bestOfListsPass} are the inner loops
 * of `InvertedIndex.match`, where a query spends nearly all its time: module
 * functions on typed arrays rather than closures, so their variables stay in registers.
 */
export function singleListPass(scratch: Scratch, classes: Uint8Array, table: Float32Array, ids: Uint32Array, weights: Uint8Array, from: number, end: number, idf: number, isFirst: boolean, previous: number, pass: number): number {
  const { touched, alive, scores } = scratch
  let count = 0
  for (let at = from; at < end; at++) {
    const id = ids[at]
    const lengthClass = classes[id]
    if (isFirst ? lengthClass === NO_LENGTH_CLASS : alive[id] !== previous) continue
    const score = idf * table[(weights[at] << 8) | lengthClass]
    scores[id] = isFirst ? score : scores[id] + score
    alive[id] = pass
    touched[count++] = id
  }
  return count
}

/**
 * One expansion's part of a token's pass over several lists: records in
 * `scratch.best` the best score of each surviving post (see {@link singleListPass}),
 * listing newly seen posts after the first `count` of `touched`. Postings
 * are `ids[at]` with weight `weights[at + step - 1]`, every `step` entries (packed
 * arrays, or the interleaved lists of posts added since the last compaction).
 * Returns the new count.
 */
export function bestOfListsPass(scratch: Scratch, touched: Int32Array, classes: Uint8Array, table: Float32Array, ids: ArrayLike<number>, weights: ArrayLike<number>, from: number, end: number, step: number, idf: number, isFirst: boolean, previous: number, seen: number, count: number): number {
  const { alive, mark, best } = scratch
  for (let at = from; at < end; at += step) {
    const id = ids[at]
    const lengthClass = classes[id]
    if (isFirst ? lengthClass === NO_LENGTH_CLASS : alive[id] !== previous) continue
    const score = idf * table[(weights[at + step - 1] << 8) | lengthClass]
    if (mark[id] !== seen) {
      mark[id] = seen
      best[id] = score
      touched[count++] = id
    } else if (score > best[id]) {
      best[id] = score
    }
  }
  return count
}

