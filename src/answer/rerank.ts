import type { SearchHit } from '../retrieve/hybrid.ts';
import { scopeFactor } from '../retrieve/scope.ts';
import { normalize } from '../text/normalize.ts';
import { type AnswerKind, holdsKind, VALUE_KINDS } from './answerability.ts';
import { sanctionsStaff } from './staffSanctions.ts';
import { coverage, type QueryTerm } from './terms.ts';

/** Passages retrieved before reranking: everyday wording often puts the right one below the top five. */
export const RERANK_DEPTH = 20;
/** Reranked passages the answer reads its sentences from. */
export const PASSAGES_READ = 5;
/** Share of the rerank score kept for retrieval's own order (ties and near ties). */
const RETRIEVAL_SHARE = 0.15;
/** A passage without the sum, count or time limit the question asks for counts this much. */
const MISSING_VALUE_FACTOR = 0.8;
/** The article the question names by number (邮政法第48条) counts this much more: misremembered, it still loses to one that fits. */
const NAMED_ARTICLE_FACTOR = 1.5;
/** Asked what the employee himself is fined, a passage fining staff counts this much more. */
const STAFF_SANCTION_FACTOR = 1.3;
/** A passage of a document the question names (邮政法立法目的是啥) counts this much more. */
const NAMED_DOCUMENT_FACTOR = 1.2;

/** MISSING_VALUE_FACTOR when the text lacks a value kind the question asks for, else 1. */
export function valueFactor(kinds: readonly AnswerKind[], normalizedText: string): number {
  return kinds.every((k) => !VALUE_KINDS.includes(k) || holdsKind(k, normalizedText)) ? 1 : MISSING_VALUE_FACTOR;
}

/** A passage as the answerer reads it: title and headings, then the text (and the article it enforces), normalized. */
export const passageText = (hit: SearchHit) => normalize([hit.document.title, ...hit.chunk.context, hit.chunk.text, hit.enforces?.text ?? ''].join(' '));

/** What else the question singles out: the articles and documents it names, a sanction on staff. */
export interface RerankFocus {
  /** Chunk ids of the articles it names by number. */
  namedArticles: ReadonlySet<string>;
  /** Ids of the documents it names without an article. */
  namedDocuments: ReadonlySet<string>;
  /** It asks what the employee himself is fined (see staffSanctions.ts). */
  staffAsked: boolean;
}

/**
 * Retrieval ranks by shared features; the answerer needs the passage that covers the question's
 * weighted terms (thesaurus alternatives included) where the question's place applies and holding
 * the kind of value it asks for. The top passages are reordered by that coverage, retrieval's rank
 * breaking near ties.
 */
export function rerank(
  hits: readonly SearchHit[],
  terms: readonly QueryTerm[],
  places: readonly string[],
  kinds: readonly AnswerKind[],
  { namedArticles, namedDocuments, staffAsked }: RerankFocus,
): SearchHit[] {
  return hits
    .map((hit, rank) => {
      const text = passageText(hit);
      const fit =
        coverage(terms, text) *
        scopeFactor(hit.document.scope, places) *
        valueFactor(kinds, text) *
        (namedArticles.has(hit.chunk.id) ? NAMED_ARTICLE_FACTOR : 1) *
        (namedDocuments.has(hit.chunk.docId) ? NAMED_DOCUMENT_FACTOR : 1) *
        (staffAsked && sanctionsStaff(text) ? STAFF_SANCTION_FACTOR : 1);
      return { hit, score: (1 - RETRIEVAL_SHARE) * fit + RETRIEVAL_SHARE / (1 + rank) };
    })
    .sort((a, b) => b.score - a.score)
    .map(({ hit }) => hit);
}
