import { NATIONAL } from '../corpus/scope.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { passageText } from './rerank.ts';
import { coverage, type QueryTerm } from './terms.ts';

/** How much better another province's rule must cover the question than any national one. */
const LOCAL_POINT_MARGIN = 0.05;

/**
 * Whether what the question asks is a point only other provinces regulate (江苏的快递三轮车要上专用号牌吗:
 * 浙江's rule says, no national one does): the best passage of another province's rule covers the
 * question clearly better than every national passage retrieved. Asked about a province without
 * rules of its own, such a question is not answered by a national rule that shares some of its words.
 */
export function regulatedOnlyElsewhere(hits: readonly SearchHit[], terms: readonly QueryTerm[], places: readonly string[]): boolean {
  const best = (keep: (scope: string) => boolean) => Math.max(0, ...hits.filter((h) => keep(h.document.scope)).map((h) => coverage(terms, passageText(h))));
  const elsewhere = best((scope) => scope !== NATIONAL && !places.includes(scope));
  return elsewhere > best((scope) => scope === NATIONAL || places.includes(scope)) + LOCAL_POINT_MARGIN;
}
