/**
 * The indices `0 … length - 1` of the `count` best entries, best first, where
 * `isBetter` is a strict total order. A bounded heap keeps this O(n log count) for
 * thousands of matches and a page of fifty; a plain sort is used when most
 * entries are wanted anyway.
 */
export function bestIndices(length: number, count: number, isBetter: (a: number, b: number) => boolean): number[] {
  const compare = (a: number, b: number) => (isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : 0)
  if (count <= 0) return []
  if (count * 4 >= length) return Array.from({ length }, (_, i) => i).sort(compare).slice(0, count)
  // A min-heap of the kept entries: its root is the worst of them.
  const heap: number[] = []
  const isWorse = (a: number, b: number) => isBetter(b, a)
  for (let i = 0; i < length; i++) {
    if (heap.length < count) {
      heap.push(i)
      siftUp(heap, heap.length - 1, isWorse)
    } else if (isBetter(i, heap[0])) {
      heap[0] = i
      siftDown(heap, 0, isWorse)
    }
  }
  return heap.sort(compare)
}

function siftUp(heap: number[], at: number, isBelow: (a: number, b: number) => boolean): void {
  while (at > 0) {
    const parent = (at - 1) >> 1
    if (!isBelow(heap[at], heap[parent])) return
    swap(heap, at, parent)
    at = parent
  }
}

function siftDown(heap: number[], at: number, isBelow: (a: number, b: number) => boolean): void {
  for (;;) {
    const left = at * 2 + 1
    const right = left + 1
    let lowest = at
    if (left < heap.length && isBelow(heap[left], heap[lowest])) lowest = left
    if (right < heap.length && isBelow(heap[right], heap[lowest])) lowest = right
    if (lowest === at) return
    swap(heap, at, lowest)
    at = lowest
  }
}

function swap(heap: number[], a: number, b: number): void {
  const kept = heap[a]
  heap[a] = heap[b]
  heap[b] = kept
}
