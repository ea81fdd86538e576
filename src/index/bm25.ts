import { isBigramFeature } from '../text/features.ts';
import type { TermCounts } from '../text/vocabulary.ts';

export interface Bm25Params {
  k1: number;
  b: number;
  /** Query weight of bigram features relative to words (bigrams are many and overlap). */
  bigramWeight: number;
}

export const DEFAULT_BM25: Bm25Params = { k1: 1.2, b: 0.75, bigramWeight: 0.5 };

/** A warm-up ranking's terms and depth (see Bm25Index.warm): a short question's, at the hybrid search's depth. */
const WARM_TERMS = 16;
const WARM_K = 50;

export interface ScoredIndex {
  index: number;
  score: number;
}

/**
 * Okapi BM25 over counted features (one row per chunk), with flat posting arrays so a query touches
 * only the chunks that contain its terms. Built once at reindex and stored in binary form: loading
 * reads typed arrays instead of recounting every chunk's features.
 */
export class Bm25Index {
  /**
   * Each chunk's length normalization, k1 · (1 − b + b · length / average length), computed once here
   * with the very operations the scoring loop used to repeat for every posting: a posting then costs
   * one division instead of two, and its score is the same double as before.
   */
  private readonly norms: Float64Array;
  /** rank()'s accumulator, all zeros between calls; made on the first query. */
  private scratch: Float32Array | undefined;

  private constructor(
    private readonly termIds: Map<string, number>,
    /** Postings of term t are docs[offsets[t] … offsets[t + 1]) with their tfs. */
    private readonly offsets: Int32Array,
    private readonly docs: Int32Array,
    private readonly tfs: Uint16Array,
    private readonly lengths: Float32Array,
    private readonly averageLength: number,
    private readonly params: Bm25Params,
  ) {
    const { k1, b } = params;
    this.norms = new Float64Array(lengths.length);
    for (let doc = 0; doc < lengths.length; doc++) this.norms[doc] = k1 * (1 - b + (b * lengths[doc]!) / averageLength);
  }

  /**
   * The index of `rows` (one per chunk, ids into `terms`). Terms no row uses are dropped, so a
   * vocabulary carried over from the previous generation does not keep the terms of removed chunks.
   */
  static fromCounts(terms: readonly string[], rows: readonly TermCounts[], params: Bm25Params = DEFAULT_BM25): Bm25Index {
    const df = new Int32Array(terms.length);
    for (const row of rows) for (const id of row.terms) df[id]!++;
    const compactId = new Int32Array(terms.length).fill(-1);
    const termIds = new Map<string, number>();
    terms.forEach((term, id) => {
      if (df[id]! > 0) termIds.set(term, (compactId[id] = termIds.size));
    });
    const offsets = new Int32Array(termIds.size + 1);
    terms.forEach((_, id) => {
      if (compactId[id]! >= 0) offsets[compactId[id]! + 1] = df[id]!;
    });
    for (let t = 0; t < termIds.size; t++) offsets[t + 1]! += offsets[t]!;
    const next = offsets.slice(0, termIds.size);
    const postings = offsets[termIds.size]!;
    const docs = new Int32Array(postings);
    const tfs = new Uint16Array(postings);
    const lengths = new Float32Array(rows.length);
    let total = 0;
    rows.forEach((row, doc) => {
      for (let i = 0; i < row.terms.length; i++) {
        const at = next[compactId[row.terms[i]!]!]!++;
        docs[at] = doc;
        tfs[at] = row.tfs[i]!;
      }
      lengths[doc] = row.length;
      total += row.length;
    });
    return new Bm25Index(termIds, offsets, docs, tfs, lengths, rows.length ? total / rows.length : 1, params);
  }

  /**
   * Each chunk's term counts, read back from the postings, with the term list their ids refer to:
   * what a reindex needs to carry unchanged chunks into the next index without segmenting them again.
   */
  termCounts(): { terms: string[]; rows: TermCounts[] } {
    const rowStart = new Int32Array(this.size + 1);
    for (const doc of this.docs) rowStart[doc + 1]!++;
    for (let d = 0; d < this.size; d++) rowStart[d + 1]! += rowStart[d]!;
    const next = rowStart.slice(0, this.size);
    const rowTerms = new Int32Array(this.docs.length);
    const rowTfs = new Uint16Array(this.docs.length);
    for (let t = 0; t + 1 < this.offsets.length; t++) {
      for (let i = this.offsets[t]!, end = this.offsets[t + 1]!; i < end; i++) {
        const at = next[this.docs[i]!]!++;
        rowTerms[at] = t;
        rowTfs[at] = this.tfs[i]!;
      }
    }
    const rows = Array.from({ length: this.size }, (_, d) => ({
      terms: rowTerms.subarray(rowStart[d]!, rowStart[d + 1]!),
      tfs: rowTfs.subarray(rowStart[d]!, rowStart[d + 1]!),
      length: this.lengths[d]!,
    }));
    return { terms: [...this.termIds.keys()], rows };
  }

  /** The terms (one per line, in id order) and the arrays, as stored in the index folder. */
  serialize(): { terms: string; arrays: Buffer } {
    const terms = [...this.termIds.keys()].join('\n');
    const header = new Float64Array([this.termIds.size, this.lengths.length, this.docs.length, this.averageLength]);
    const parts = [header, this.offsets, this.docs, this.lengths, this.tfs].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    return { terms, arrays: Buffer.concat(parts) };
  }

  /** Reads what serialize() wrote; throws when the parts do not fit together (truncated or mixed files). */
  static deserialize(terms: string, arrays: Buffer, params: Bm25Params = DEFAULT_BM25): Bm25Index {
    // A file read whole owns its memory: its arrays are viewed in place rather than copied (100 MB at 100k chunks).
    const owned = arrays.byteOffset === 0 && arrays.byteLength === arrays.buffer.byteLength;
    const buffer = owned ? arrays.buffer : arrays.buffer.slice(arrays.byteOffset, arrays.byteOffset + arrays.byteLength);
    if (buffer.byteLength < 32) throw new Error('BM25 file truncated');
    const [termCount, docCount, postingCount, averageLength] = new Float64Array(buffer, 0, 4) as unknown as [number, number, number, number];
    const termList = terms ? terms.split('\n') : [];
    const expected = 32 + 4 * (termCount + 1) + 4 * postingCount + 4 * docCount + 2 * postingCount;
    if (termList.length !== termCount || buffer.byteLength !== expected) throw new Error('BM25 file truncated or mismatched');
    let at = 32;
    const take = <T>(make: (offset: number) => T, bytes: number): T => {
      const array = make(at);
      at += bytes;
      return array;
    };
    const offsets = take((o) => new Int32Array(buffer, o, termCount + 1), 4 * (termCount + 1));
    const docs = take((o) => new Int32Array(buffer, o, postingCount), 4 * postingCount);
    const lengths = take((o) => new Float32Array(buffer, o, docCount), 4 * docCount);
    const tfs = take((o) => new Uint16Array(buffer, o, postingCount), 2 * postingCount);
    const termIds = new Map(termList.map((term, id) => [term, id]));
    return new Bm25Index(termIds, offsets, docs, tfs, lengths, averageLength, params);
  }

  get size(): number {
    return this.lengths.length;
  }

  documentFrequency(term: string): number {
    const id = this.termIds.get(term);
    return id === undefined ? 0 : this.offsets[id + 1]! - this.offsets[id]!;
  }

  /** BM25's IDF, always positive: ln(1 + (N − df + 0.5) / (df + 0.5)). */
  idf(term: string): number {
    const df = this.documentFrequency(term);
    return Math.log(1 + (this.size - df + 0.5) / (df + 0.5));
  }

  /** Per-chunk scores for a query, as a dense array (zero where no term matched). */
  scoreAll(queryFeatures: readonly string[]): Float32Array {
    return this.scoreWeighted(new Map(queryFeatures.map((f) => [f, 1])));
  }

  /** Like scoreAll, each query feature counting with its own weight (expanded words count less). */
  scoreWeighted(queryWeights: ReadonlyMap<string, number>): Float32Array {
    const scores = new Float32Array(this.size);
    this.accumulate(queryWeights, scores);
    return scores;
  }

  /**
   * The k best chunks for a query (as topK of scoreWeighted) and the scores of `positions` too (the
   * dense candidates report theirs; asked for once the ranking is done, so that they can be found on
   * another thread meanwhile). The scores are summed in one array kept for the next query and
   * zeroed after use, rather than a fresh 400 KB array (at 100k chunks) allocated, zeroed and left
   * to the collector on every search. Synchronous, so two searches never share the array.
   */
  rank(queryWeights: ReadonlyMap<string, number>, k: number, positions: () => readonly number[]): { ranked: ScoredIndex[]; scoresOf: number[] } {
    this.scratch ??= new Float32Array(this.size);
    const scores = this.scratch;
    try {
      this.accumulate(queryWeights, scores);
      const ranked = topK(scores, k);
      return { ranked, scoresOf: positions().map((position) => scores[position] ?? 0) };
    } finally {
      scores.fill(0);
    }
  }

  /**
   * One ranking of a few terms, its result unused, so that the first question's runs compiled code:
   * the first ranking of a process ran the postings and top-k loops in the interpreter, about 15 ms
   * at 100k chunks against 3 ms after (profiled).
   */
  warm(): void {
    const terms = new Map<string, number>();
    for (const term of this.termIds.keys()) {
      if (terms.size === WARM_TERMS) break;
      terms.set(term, 1);
    }
    this.rank(terms, WARM_K, () => [0]);
  }

  /** Adds the query's BM25 scores to `scores`, term by term in the query's order (float32 sums depend on it). */
  private accumulate(queryWeights: ReadonlyMap<string, number>, scores: Float32Array): void {
    const { k1, bigramWeight } = this.params;
    for (const [term, queryWeight] of queryWeights) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const weight = queryWeight * this.idf(term) * (isBigramFeature(term) ? bigramWeight : 1);
      addPostings(scores, this.docs, this.tfs, this.norms, this.offsets[id]!, this.offsets[id + 1]!, weight, k1);
    }
  }
}

/**
 * Adds one term's BM25 contributions to `scores`. The hottest loop of a search (277k postings a
 * question on average, dev probes at 100k chunks), so it reads only the arrays handed to it, no
 * field through `this`. The arithmetic keeps its order, (weight · tf · (k1 + 1)) / (tf + norm), so
 * scores do not change.
 */
function addPostings(scores: Float32Array, docs: Int32Array, tfs: Uint16Array, norms: Float64Array, start: number, end: number, weight: number, k1: number): void {
  const k1Plus1 = k1 + 1;
  for (let i = start; i < end; i++) {
    const doc = docs[i]!;
    const tf = tfs[i]!;
    scores[doc]! += (weight * tf * k1Plus1) / (tf + norms[doc]!);
  }
}

/**
 * The k highest positive scores, best first (ties by position). One pass over the scores against
 * the k-th best so far: most chunks fail that single comparison. The k best are kept sorted in
 * typed arrays and ScoredIndex objects are made only for the result.
 */
export function topK(scores: Float32Array, k: number): ScoredIndex[] {
  if (k <= 0) return [];
  const bestScores = new Float32Array(k);
  const bestIndexes = new Int32Array(k);
  let count = 0;
  // Below k kept, any positive score enters; then only one above the k-th (an equal score comes
  // later in the array, so the tie goes to the earlier position already kept).
  let floor = 0;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (score <= floor) continue;
    count = insertSorted(bestScores, bestIndexes, count, score, i);
    if (count === k) floor = bestScores[k - 1]!;
  }
  return Array.from({ length: count }, (_, at) => ({ index: bestIndexes[at]!, score: bestScores[at]! }));
}

/**
 * Inserts (score, index) into the first `count` entries, sorted best first, after the equal scores
 * already there (they came earlier in the array); the last entry falls off when all k are taken.
 * Returns the new count.
 */
function insertSorted(bestScores: Float32Array, bestIndexes: Int32Array, count: number, score: number, index: number): number {
  const k = bestScores.length;
  let at = count < k ? count : k - 1;
  while (at > 0 && bestScores[at - 1]! < score) {
    bestScores[at] = bestScores[at - 1]!;
    bestIndexes[at] = bestIndexes[at - 1]!;
    at--;
  }
  bestScores[at] = score;
  bestIndexes[at] = index;
  return count < k ? count + 1 : k;
}
