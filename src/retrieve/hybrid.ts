import type { DocumentMetadata } from '../corpus/types.ts';
import { HashingEmbeddings } from '../embed/hashingEmbeddings.ts';
import type { SearchIndex } from '../index/loadIndex.ts';
import type { StoredChunk } from '../index/store.ts';
import { ProviderError } from '../providers/errors.ts';
import { type ExpandedQuestion, expandQuestion, queryFeatureWeights } from '../text/features.ts';
import { normalize } from '../text/normalize.ts';
import { placesIn, scopeFactor } from './scope.ts';

export interface SearchHit {
  chunk: StoredChunk;
  document: DocumentMetadata;
  /** Reciprocal-rank-fusion score. */
  score: number;
  /** BM25 score (0 when the chunk was not a lexical candidate). */
  lexical: number;
  /** Cosine similarity of the query and chunk vectors (0 when not a dense candidate). */
  dense: number;
  /**
   * The article this passage was brought in for (a penalty provision for the duty it enforces, see
   * answer/penaltyLinks.ts): that article's words describe what the passage is about.
   */
  enforces?: StoredChunk;
}

export interface HybridOptions {
  k: number;
  /** How deep each ranking is read before fusing. */
  candidates: number;
  /** RRF constant: larger flattens the difference between ranks. */
  rrfK: number;
  lexicalWeight: number;
  denseWeight: number;
}

// Measured on the dev sets (README): BM25 leads; the lexical hashed vectors help at half weight.
export const DEFAULT_HYBRID: Omit<HybridOptions, 'k'> = { candidates: 50, rrfK: 10, lexicalWeight: 1, denseWeight: 0.5 };

/**
 * BM25 over jieba words and bigrams, and the exact cosine scan over the hashed vectors, fused by
 * reciprocal rank. Query and passages are compared in normalized Simplified form, so a Traditional
 * question finds Simplified text and the other way round.
 */
export async function hybridSearch(
  index: SearchIndex,
  query: string,
  options: Partial<HybridOptions> & {
    k: number;
    onDenseUnavailable?: (error: ProviderError) => void;
    /** Statutory keywords a chat model gave for the question: BM25 looks for them as for thesaurus words. */
    keywords?: readonly string[];
    /** The query already expanded (expandQuestion of its normalized form), when the caller needs the expansion too. */
    expanded?: ExpandedQuestion;
  },
): Promise<SearchHit[]> {
  const { k, candidates, rrfK, lexicalWeight, denseWeight } = { ...DEFAULT_HYBRID, ...options };
  const normalized = normalize(query);
  const question = options.expanded ?? expandQuestion(normalized, index.thesaurus);
  if (question.normalized !== normalized) throw new Error(`hybridSearch: expanded question ${question.normalized} is not the query ${normalized}`);
  const features = queryFeatureWeights(question, options.keywords);
  if (features.size === 0 || index.chunks.length === 0) return [];
  // A chat model's keywords are BM25's alone: the query vector weighs what was typed and the thesaurus words.
  const vectorFeatures = () => (options.keywords?.length ? queryFeatureWeights(question) : features);
  const vector = await queryVector(index, query, vectorFeatures, options.onDenseUnavailable);
  // No await from here until the vector search's hits are in: another search must not start one meanwhile.
  const dense = vector ? index.vectorStore.startSearchPositions(vector, candidates) : () => [];
  // BM25 while the vector search runs (on the other core at 100k chunks), then the dense candidates' own BM25 scores.
  let denseRanked: { position: number; similarity: number }[] = [];
  const lexical = index.bm25.rank(features, candidates, () => {
    denseRanked = dense();
    return denseRanked.map((hit) => hit.position);
  });

  const fused = new Map<number, { score: number; lexical: number; dense: number; position: number }>();
  const entry = (position: number, lexicalScore: number) => {
    let e = fused.get(position);
    if (!e) fused.set(position, (e = { score: 0, lexical: lexicalScore, dense: 0, position }));
    return e;
  };
  lexical.ranked.forEach(({ index: position, score }, rank) => (entry(position, score).score += lexicalWeight / (rrfK + rank + 1)));
  denseRanked.forEach(({ position, similarity }, rank) => {
    const e = entry(position, lexical.scoresOf[rank]!);
    e.score += denseWeight / (rrfK + rank + 1);
    e.dense = similarity;
  });
  const places = placesIn(normalized);
  return [...fused.values()]
    .map(({ position, ...e }) => {
      const chunk = index.chunks.at(position);
      const document = index.documents.get(chunk.docId)!;
      return { position, hit: { chunk, document, ...e, score: e.score * scopeFactor(document.scope, places) } };
    })
    .sort((a, b) => b.hit.score - a.hit.score || a.position - b.position)
    .slice(0, k)
    .map(({ hit }) => hit);
}

/**
 * The question's vector; null when the embedding endpoint fails, so BM25 alone still answers. The
 * hashing embedder is handed the question's weighted features rather than expanding it again; a
 * remote model embeds the text.
 */
async function queryVector(index: SearchIndex, query: string, features: () => ReadonlyMap<string, number>, onUnavailable: ((error: ProviderError) => void) | undefined): Promise<number[] | null> {
  try {
    const embeddings = index.queryEmbeddings;
    const vector = embeddings instanceof HashingEmbeddings ? embeddings.embedQueryFeatures(query, features()) : await embeddings.embedQuery(query);
    const dimension = index.manifest.embedding.dimension;
    if (vector.length !== dimension) throw new ProviderError(`向量模型返回了 ${vector.length} 维向量，索引为 ${dimension} 维`, 'invalid');
    return vector;
  } catch (error) {
    if (!(error instanceof ProviderError)) throw error;
    onUnavailable?.(error);
    return null;
  }
}
