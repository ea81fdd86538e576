import type { Bm25Index } from '../index/bm25.ts';
import { hanBigrams, searchTokens } from '../text/segment.ts';

export interface QueryTerm {
  term: string;
  weight: number;
  bigrams: string[];
}

/**
 * The informative words of a question with their IDF weight. Sub-words from jieba's search mode
 * are dropped when the whole word is also there, so 国家邮政局 is not counted three times.
 */
export function queryTerms(normalizedQuestion: string, bm25: Bm25Index): QueryTerm[] {
  const unique = [...new Set(searchTokens(normalizedQuestion))];
  const terms = unique.filter((t) => !unique.some((other) => other !== t && other.length > t.length && other.includes(t)));
  return terms.map((term) => ({ term, weight: bm25.idf(term), bigrams: hanBigrams(term) }));
}

/**
 * How much of the question's weight a passage covers: a word counts fully when it appears,
 * and partly when most of its character bigrams do (快递业务 vs 快递服务 does not; 实名收寄 vs 收寄实名 does).
 */
export function coverage(terms: readonly QueryTerm[], normalizedPassage: string): number {
  let total = 0;
  let covered = 0;
  for (const { term, weight, bigrams } of terms) {
    total += weight;
    if (normalizedPassage.includes(term)) covered += weight;
    else if (bigrams.length >= 2) covered += weight * 0.7 * (bigrams.filter((g) => normalizedPassage.includes(g)).length / bigrams.length);
  }
  return total > 0 ? covered / total : 0;
}
