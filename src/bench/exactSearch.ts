/** Exact nearest neighbours by scanning every vector: the ground truth hnswlib is measured against. */
export function exactTopK(vectors: readonly Float32Array[], query: Float32Array, k: number): number[] {
  const best: { label: number; score: number }[] = [];
  for (let label = 0; label < vectors.length; label++) {
    const v = vectors[label]!;
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * query[i]!;
    if (best.length < k || dot > best[best.length - 1]!.score) {
      best.push({ label, score: dot });
      best.sort((a, b) => b.score - a.score);
      if (best.length > k) best.pop();
    }
  }
  return best.map((b) => b.label);
}

/** Share of the exact top k that the approximate top k found. */
export function recallAtK(exact: readonly number[], approximate: readonly number[]): number {
  if (exact.length === 0) return 1;
  const found = new Set(approximate);
  return exact.filter((label) => found.has(label)).length / exact.length;
}
