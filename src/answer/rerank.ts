import type { SearchHit } from '../retrieve/hybrid.ts';
import { scopeFactor } from '../retrieve/scope.ts';
import { normalize } from '../text/normalize.ts';
import { coverage, type QueryTerm } from './terms.ts';

/** Passages retrieved before reranking: everyday wording often puts the right one below the top five. */
export const RERANK_DEPTH = 20;
/** Share of the rerank score kept for retrieval's own order (ties and near ties). */
const RETRIEVAL_SHARE = 0.15;

/** A passage as the answerer reads it: title and headings, then the text, normalized. */
export const passageText = (hit: SearchHit) => normalize([hit.document.title, ...hit.chunk.context, hit.chunk.text].join(' '));

/**
 * Retrieval ranks by shared features; the answerer needs the passage that covers the question's
 * weighted terms (thesaurus alternatives included) where the question's place applies. The top
 * passages are reordered by that coverage, retrieval's rank breaking near ties.
 */
export function rerank(hits: readonly SearchHit[], terms: readonly QueryTerm[], places: readonly string[]): SearchHit[] {
  return hits
    .map((hit, rank) => ({
      hit,
      score: (1 - RETRIEVAL_SHARE) * coverage(terms, passageText(hit)) * scopeFactor(hit.document.scope, places) + RETRIEVAL_SHARE / (1 + rank),
    }))
    .sort((a, b) => b.score - a.score)
    .map(({ hit }) => hit);
}
