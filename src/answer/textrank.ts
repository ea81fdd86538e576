/**
 * TextRank over sentences (Mihalcea & Tarau 2004): sentences are nodes, edges weigh shared words
 * normalized by sentence lengths, and PageRank finds the most central ones. `prior` personalizes the
 * random jump, which is how a topic summary leans towards sentences about the topic.
 */
export function textRank(sentenceWords: readonly (readonly string[])[], prior?: readonly number[], damping = 0.85, iterations = 40): number[] {
  const n = sentenceWords.length;
  if (n === 0) return [];
  const sets = sentenceWords.map((w) => new Set(w));
  const weights: number[][] = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      if (a.size < 2 || b.size < 2) continue;
      let shared = 0;
      for (const w of a) if (b.has(w)) shared++;
      const w = shared / (Math.log(a.size) + Math.log(b.size));
      weights[i]![j] = w;
      weights[j]![i] = w;
    }
  }
  const outSum = weights.map((row) => row.reduce((s, x) => s + x, 0));
  const priorSum = prior?.reduce((s, x) => s + x, 0) ?? 0;
  const jump = prior && priorSum > 0 ? prior.map((p) => p / priorSum) : new Array<number>(n).fill(1 / n);
  let scores = new Array<number>(n).fill(1 / n);
  for (let it = 0; it < iterations; it++) {
    scores = scores.map((_, i) => {
      let sum = 0;
      for (let j = 0; j < n; j++) if (weights[j]![i]! > 0) sum += (weights[j]![i]! / outSum[j]!) * scores[j]!;
      return (1 - damping) * jump[i]! + damping * sum;
    });
  }
  return scores;
}
