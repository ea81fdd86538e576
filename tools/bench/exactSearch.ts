export interface Neighbour {
  label: number;
  similarity: number;
}

/** All vectors in one contiguous array, row after row: what a fast scan reads. */
export function flatten(vectors: readonly Float32Array[], dimension: number): Float32Array {
  const flat = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => flat.set(v, i * dimension));
  return flat;
}

/**
 * Exact nearest neighbours by scanning every (unit) vector of `flat`: the ground truth the served
 * vector search is measured against, and the baseline its speed is compared with. A tight
 * dot-product loop over one contiguous array, keeping the best k in a small sorted buffer
 * (insertion, no allocation per row). Scores are kept in double precision, so equal similarities
 * are exactly equal and the first row wins: which of several tied chunks is listed is fixed, and
 * counting without ties (strictRecallAtK) measures misses, not rounding.
 */
export function exactTopK(flat: Float32Array, dimension: number, query: Float32Array, k: number): Neighbour[] {
  const rows = flat.length / dimension;
  const labels = new Int32Array(k).fill(-1);
  const scores = new Float64Array(k).fill(Number.NEGATIVE_INFINITY);
  let kth = Number.NEGATIVE_INFINITY;
  for (let row = 0, offset = 0; row < rows; row++, offset += dimension) {
    let dot = 0;
    for (let i = 0; i < dimension; i++) dot += flat[offset + i]! * query[i]!;
    if (dot <= kth) continue;
    let at = k - 1;
    while (at > 0 && scores[at - 1]! < dot) {
      scores[at] = scores[at - 1]!;
      labels[at] = labels[at - 1]!;
      at--;
    }
    scores[at] = dot;
    labels[at] = row;
    kth = scores[k - 1]!;
  }
  const found: Neighbour[] = [];
  for (let i = 0; i < k && labels[i]! >= 0; i++) found.push({ label: labels[i]!, similarity: scores[i]! });
  return found;
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

/** Share of the exact top k's labels the approximate search returned: a tie counts only if it is the same chunk. */
export function strictRecallAtK(exact: readonly Neighbour[], approximate: readonly Neighbour[]): number {
  if (exact.length === 0) return 1;
  const found = new Set(approximate.map((n) => n.label));
  return exact.filter((n) => found.has(n.label)).length / exact.length;
}
