import { bigramFeatureOf } from './features.ts';

/**
 * One chunk's lexical features counted over a shared vocabulary: term ids in order of first
 * occurrence with their frequencies, and how many features there were (BM25's document length).
 */
export interface TermCounts {
  readonly terms: Int32Array;
  readonly tfs: Uint16Array;
  readonly length: number;
}

const MAX_TF = 0xffff;

/**
 * Feature strings numbered once per reindex, so that counting, BM25 postings and hashing work on
 * integers: a feature is looked up once where it occurs and never stored or hashed as text again.
 * Per-chunk string maps and arrays of feature strings made garbage collection a large share of
 * indexing time at 100k chunks.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** Ids of bigram features by their numbers (lexicalFeatureCodesOfEach), filled as numbers are met. */
  private readonly codeIds = new Map<number, number>();
  private readonly list: string[] = [];
  /** Scratch counts by term id, all zero between calls to count(). */
  private scratch = new Int32Array(1 << 12);

  /** A vocabulary numbering `terms` 0, 1, 2, … (distinct terms, such as a stored BM25 term list). */
  static of(terms: readonly string[]): Vocabulary {
    const vocabulary = new Vocabulary();
    for (const term of terms) vocabulary.id(term);
    if (vocabulary.size !== terms.length) throw new Error('vocabulary terms must be distinct');
    return vocabulary;
  }

  get size(): number {
    return this.list.length;
  }

  /** The terms by id. */
  get terms(): readonly string[] {
    return this.list;
  }

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.list.length;
      this.ids.set(term, id);
      this.list.push(term);
    }
    return id;
  }

  /** The id of the bigram feature a number stands for (lexicalFeatureCodesOfEach). */
  private codeId(code: number): number {
    let id = this.codeIds.get(code);
    if (id === undefined) {
      id = this.id(bigramFeatureOf(code));
      this.codeIds.set(code, id);
    }
    return id;
  }

  /** Counts features given as strings, or as numbers for bigrams (lexicalFeatureCodesOfEach). */
  count(features: readonly (string | number)[]): TermCounts {
    // All zero between calls, so a bigger scratch array needs nothing copied into it.
    if (this.scratch.length < this.size + features.length) this.scratch = new Int32Array(Math.max(this.scratch.length * 2, this.size + features.length));
    const order: number[] = [];
    for (const feature of features) {
      const id = typeof feature === 'number' ? this.codeId(feature) : this.id(feature);
      if (this.scratch[id]!++ === 0) order.push(id);
    }
    const terms = Int32Array.from(order);
    const tfs = new Uint16Array(order.length);
    order.forEach((id, i) => {
      tfs[i] = Math.min(this.scratch[id]!, MAX_TF);
      this.scratch[id] = 0;
    });
    return { terms, tfs, length: features.length };
  }
}
