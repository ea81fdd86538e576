import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { normalize } from '../text/normalize.ts';
import { BIGRAM_PREFIX, expandQuestion, isBigramFeature, lexicalFeatures, queryFeatureWeights } from '../text/features.ts';
import type { Thesaurus } from '../text/thesaurus.ts';
import { generalIdf } from '../text/segment.ts';
import type { TermCounts, Vocabulary } from '../text/vocabulary.ts';
import type { EmbeddingIdentity, IdentifiedEmbeddings } from './identity.ts';

export interface HashingEmbeddingsParams extends EmbeddingsParams {
  dimension: number;
  /** Inverse document frequency of a feature, applied to queries only (see class comment). */
  idf?: (feature: string) => number;
  /** Alternatives to the typed terms that queries also look for, at a lower weight. */
  thesaurus?: Thesaurus;
}

const BIGRAM_WEIGHT = 0.5;

/** FNV-1a, 32 bit: fast, stable across runs and platforms. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function toUnitLength(vector: Float32Array): Float32Array {
  let norm2 = 0;
  for (const v of vector) norm2 += v * v;
  if (norm2 > 0) {
    const inv = 1 / Math.sqrt(norm2);
    for (let i = 0; i < vector.length; i++) vector[i]! *= inv;
  }
  return vector;
}

/**
 * Offline, deterministic and lexical: signed feature hashing of jieba words and Han character
 * bigrams, weighted by sublinear term frequency times the IDF of jieba's general-language table.
 * It matches words, not meanings; semantic models come as optional providers. Documents are
 * embedded without statistics of this corpus (so unchanged chunks never need re-embedding);
 * queries may also carry the IDF the index measured over its own chunks.
 */
export class HashingEmbeddings extends Embeddings implements IdentifiedEmbeddings {
  readonly dimension: number;
  private readonly idf: ((feature: string) => number) | undefined;
  private readonly thesaurus: Thesaurus | undefined;

  constructor(params: HashingEmbeddingsParams) {
    super(params);
    this.dimension = params.dimension;
    this.idf = params.idf;
    this.thesaurus = params.thesaurus;
  }

  get identity(): EmbeddingIdentity {
    return { provider: 'local', model: 'hashing-tfidf-v1', dimension: this.dimension };
  }

  /** The embedder for an index's questions: its IDF, and the thesaurus expanding what users type. */
  forQueries(params: Pick<HashingEmbeddingsParams, 'idf' | 'thesaurus'>): HashingEmbeddings {
    return new HashingEmbeddings({ dimension: this.dimension, ...params });
  }

  vectorize(text: string, asQuery: boolean): Float32Array {
    const normalized = normalize(text);
    const expansion = asQuery && this.thesaurus ? queryFeatureWeights(expandQuestion(normalized, this.thesaurus)) : undefined;
    return this.vectorOf(normalized, asQuery, expansion);
  }

  /**
   * embedQuery's vector of a question whose weighted features (queryFeatureWeights, without keywords)
   * the caller has already: hybrid search computes them for BM25, and expanding the question a second
   * time here cost as much as all of BM25's scoring.
   */
  embedQueryFeatures(question: string, weights: ReadonlyMap<string, number>): number[] {
    return Array.from(this.vectorOf(normalize(question), true, weights));
  }

  /** The text's own features, then those of `expansion` the text lacks at their weight (a query's thesaurus words). */
  private vectorOf(normalized: string, asQuery: boolean, expansion: ReadonlyMap<string, number> | undefined): Float32Array {
    const counts = new Map<string, number>();
    for (const feature of lexicalFeatures(normalized)) counts.set(feature, (counts.get(feature) ?? 0) + 1);
    const vector = new Float32Array(this.dimension);
    const add = (feature: string, amount: number) => {
      const { bucket, weight } = this.slot(feature);
      vector[bucket]! += amount * weight * (asQuery && this.idf ? this.idf(feature) : 1);
    };
    for (const [feature, tf] of counts) add(feature, 1 + Math.log(tf));
    if (expansion) for (const [feature, weight] of expansion) if (!counts.has(feature)) add(feature, weight);
    return toUnitLength(vector);
  }

  /**
   * Document vectors of term counts over `vocabulary`, equal to vectorize() of the same text. Each
   * term is hashed and weighted once, however many chunks use it.
   */
  vectorizerFor(vocabulary: Vocabulary): (counts: TermCounts) => Float32Array {
    const slots: { bucket: number; weight: number }[] = [];
    return (counts) => {
      const vector = new Float32Array(this.dimension);
      for (let i = 0; i < counts.terms.length; i++) {
        const id = counts.terms[i]!;
        const { bucket, weight } = (slots[id] ??= this.slot(vocabulary.terms[id]!));
        vector[bucket]! += (1 + Math.log(counts.tfs[i]!)) * weight;
      }
      return toUnitLength(vector);
    };
  }

  /** Where a feature lands and its signed weight before term frequency: fixed for a feature. */
  private slot(feature: string): { bucket: number; weight: number } {
    const h = fnv1a(feature);
    const sign = (h & 0x80000000) === 0 ? 1 : -1;
    const prior = isBigramFeature(feature) ? BIGRAM_WEIGHT * generalIdf(feature.slice(BIGRAM_PREFIX.length)) : generalIdf(feature);
    return { bucket: h % this.dimension, weight: sign * prior };
  }

  override async embedDocuments(documents: string[]): Promise<number[][]> {
    return documents.map((d) => Array.from(this.vectorize(d, false)));
  }

  override async embedQuery(document: string): Promise<number[]> {
    return Array.from(this.vectorize(document, true));
  }
}
