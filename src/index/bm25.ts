import { isBigramFeature } from '../text/features.ts';

export interface Bm25Params {
  k1: number;
  b: number;
  /** Query weight of bigram features relative to words (bigrams are many and overlap). */
  bigramWeight: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75, bigramWeight: 0.5 };

export interface ScoredIndex {
  index: number;
  score: number;
}

/**
 * Okapi BM25 over feature lists (one list per chunk), with flat posting arrays so a query
 * touches only the chunks that contain its terms.
 */
export class Bm25Index {
  private readonly termIds = new Map<string, number>();
  private readonly postingDocs: number[][] = [];
  private readonly postingTfs: number[][] = [];
  private readonly lengths: Float32Array;
  private readonly averageLength: number;

  constructor(
    documents: readonly (readonly string[])[],
    private readonly params: Bm25Params = DEFAULT_BM25,
  ) {
    this.lengths = new Float32Array(documents.length);
    let total = 0;
    documents.forEach((features, doc) => {
      const counts = new Map<string, number>();
      for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
      for (const [term, tf] of counts) {
        let id = this.termIds.get(term);
        if (id === undefined) {
          id = this.postingDocs.length;
          this.termIds.set(term, id);
          this.postingDocs.push([]);
          this.postingTfs.push([]);
        }
        this.postingDocs[id]!.push(doc);
        this.postingTfs[id]!.push(tf);
      }
      this.lengths[doc] = features.length;
      total += features.length;
    });
    this.averageLength = documents.length ? total / documents.length : 1;
  }

  get size(): number {
    return this.lengths.length;
  }

  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.postingDocs[id]!.length;
  }

  /** BM25's IDF, always positive: ln(1 + (N − df + 0.5) / (df + 0.5)). */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Per-chunk scores for a query, as a dense array (zero where no term matched). */
  scoreAll(queryFeatures: readonly string[]): Float32Array {
    const scores = new Float32Array(this.size);
    const { k1, b, bigramWeight } = this.params;
    for (const term of new Set(queryFeatures)) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const weight = this.idf(term) * (isBigramFeature(term) ? bigramWeight : 1);
      const docs = this.postingDocs[id]!;
      const tfs = this.postingTfs[id]!;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        const tf = tfs[i]!;
        const norm = k1 * (1 - b + (b * this.lengths[doc]!) / this.averageLength);
        scores[doc]! += (weight * tf * (k1 + 1)) / (tf + norm);
      }
    }
    return scores;
  }
}

/** The k highest positive scores, best first. */
export function topK(scores: Float32Array, k: number): ScoredIndex[] {
  const hits: ScoredIndex[] = [];
  for (let i = 0; i < scores.length; i++) if (scores[i]! > 0) hits.push({ index: i, score: scores[i]! });
  return hits.sort((a, b) => b.score - a.score || a.index - b.index).slice(0, k);
}
