/**
 * The `limit` best-scoring documents, best first (ties: lower document number first), kept in a
 * min-heap of that size: a common word can touch 40,000 rulings, and sorting them all cost more
 * than scoring them.
 */
export function topScoring(docs: Iterable<number>, scores: ArrayLike<number>, limit: number): number[] {
  const worse = (a: number, b: number) => scores[a] < scores[b] || (scores[a] === scores[b] && a > b);
  const heap: number[] = [];
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j], heap[i]]);

  const siftUp = (at: number) => {
    for (let parent = (at - 1) >> 1; at > 0 && worse(heap[at], heap[parent]); at = parent, parent = (at - 1) >> 1) swap(at, parent);
  };
  const siftDown = (at: number) => {
    for (;;) {
      const left = 2 * at + 1;
      let worst = at;
      if (left < heap.length && worse(heap[left], heap[worst])) worst = left;
      if (left + 1 < heap.length && worse(heap[left + 1], heap[worst])) worst = left + 1;
      if (worst === at) return;
      swap(at, worst);
      at = worst;
    }
  };

  if (limit <= 0) return [];
  for (const doc of docs) {
    if (heap.length < limit) {
      heap.push(doc);
      siftUp(heap.length - 1);
    } else if (worse(heap[0], doc)) {
      heap[0] = doc;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
