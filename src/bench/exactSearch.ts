export interface Neighbour {
  label: number;
  similarity: number;
}

/** Exact nearest neighbours by scanning every (unit) vector: the ground truth hnswlib is measured against. */
export function exactTopK(vectors: readonly Float32Array[], query: Float32Array, k: number): Neighbour[] {
  const best: Neighbour[] = [];
  for (let label = 0; label < vectors.length; label++) {
    const v = vectors[label]!;
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * query[i]!;
    if (best.length < k || dot > best[best.length - 1]!.similarity) {
      best.push({ label, similarity: dot });
      best.sort((a, b) => b.similarity - a.similarity);
      if (best.length > k) best.pop();
    }
  }
  return best;
}

const TIE = 1e-5;

/**
 * Share of the exact top k that the approximate search matched, counting ties as found: corpora
 * repeat passages word for word, so several chunks share the k-th similarity and which of them the
 * exact scan lists is arbitrary.
 */
export function recallAtK(exact: readonly Neighbour[], approximate: readonly Neighbour[]): number {
  if (exact.length === 0) return 1;
  const kth = exact[exact.length - 1]!.similarity;
  return Math.min(exact.length, approximate.filter((n) => n.similarity >= kth - TIE).length) / exact.length;
}
