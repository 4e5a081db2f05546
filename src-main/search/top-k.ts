/**
 * The positions `0 … length - 1` of the `count` best entries, best first: higher
 * `scores[i]` first, and among equal scores `isBetterTie(a, b)`, which must be a
 * strict total order. A bounded heap of positions keeps this O(n log count) for
 * thousands of matches and a page of fifty, and most entries cost one comparison
 * of numbers against the worst kept; a plain sort is used when most entries are
 * wanted anyway.
 */
export function bestByScore(scores: Float64Array, length: number, count: number, isBetterTie: (a: number, b: number) => boolean): Int32Array {
  const isBetter = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && isBetterTie(a, b))
  const compare = (a: number, b: number) => (isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : 0)
  if (count <= 0 || length <= 0) return new Int32Array(0)
  if (count * 4 >= length) {
    const all = new Int32Array(length)
    for (let i = 0; i < length; i++) all[i] = i
    return all.sort(compare).slice(0, Math.min(count, length))
  }
  // A min-heap of the kept positions: its root is the worst of them.
  const heap = new Int32Array(count)
  let size = 0
  for (let i = 0; i < length; i++) {
    if (size < count) {
      heap[size] = i
      siftUp(heap, size++, isBetter)
      continue
    }
    const score = scores[i]
    const worst = scores[heap[0]]
    if (score < worst || (score === worst && !isBetterTie(i, heap[0]))) continue
    heap[0] = i
    siftDown(heap, size, isBetter)
  }
  return heap.sort(compare)
}

/** Moves the entry at `at` up while it is worse than its parent. */
function siftUp(heap: Int32Array, at: number, isBetter: (a: number, b: number) => boolean): void {
  while (at > 0) {
    const parent = (at - 1) >> 1
    if (!isBetter(heap[parent], heap[at])) return
    swap(heap, at, parent)
    at = parent
  }
}

/** Moves the root down while a child is worse than it. */
function siftDown(heap: Int32Array, size: number, isBetter: (a: number, b: number) => boolean): void {
  let at = 0
  for (;;) {
    const left = at * 2 + 1
    const right = left + 1
    let worst = at
    if (left < size && isBetter(heap[worst], heap[left])) worst = left
    if (right < size && isBetter(heap[worst], heap[right])) worst = right
    if (worst === at) return
    swap(heap, at, worst)
    at = worst
  }
}

function swap(heap: Int32Array, a: number, b: number): void {
  const kept = heap[a]
  heap[a] = heap[b]
  heap[b] = kept
}
