import type { DocumentMetadata } from '../corpus/types.ts';
import type { ServedChunks } from '../index/servedChunks.ts';
import type { StoredChunk } from '../index/store.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { normalize } from '../text/normalize.ts';
import { holdsKind } from './answerability.ts';
import { chunkTable } from './chunkTable.ts';

/**
 * Regulations state a duty in one article and its penalty in another that cites it by number
 * (第二十五条 禁止…污损邮政信筒; 第三十五条 违反本条例第二十五条第一、二、三项规定的，…处以五百元以上…罚款).
 * A question about the deed (往邮筒里塞垃圾，罚多少) matches the duty's words; the penalty shares none
 * of them. This module finds, for a retrieved duty article, the penalty provisions that enforce it.
 */

/** The clause citing what was breached: 违反本条例第十七条、第三十三条第二款的规定. */
const BREACH = /违反本(?:法|条例|办法|规定|细则|决定)((?:第[零〇一二三四五六七八九十百千]+条[^，,。；;：:]*?)+)(?:规定|的)/gu;
/** An article cited by number (第十七条), anywhere in a clause. */
export const ARTICLE = /第[零〇一二三四五六七八九十百千]+条/gu;

/** The articles a provision's breach clauses cite (第十七条, 第三十三条). */
export function enforcedArticles(text: string): string[] {
  const cited = new Set<string>();
  for (const [, articles] of normalize(text).matchAll(BREACH)) for (const [article] of articles!.matchAll(ARTICLE)) cited.add(article);
  return [...cited];
}

const key = (docId: string, article: string) => `${docId}\u0000${article}`;

/** Document and duty article → the provisions stating its penalty (they cite a breach: 违反本…). */
const penaltiesOf = chunkTable('违反本', (chunk) => (chunk.article && holdsKind('consequence', normalize(chunk.text)) ? enforcedArticles(chunk.text).map((article) => key(chunk.docId, article)) : []));

/**
 * The hits with, after each duty article, the provisions of the same document
 * that penalize breaching it, each marked with the article it enforces (a penalty retrieved on its
 * own is marked where it stands).
 */
export function withPenalties(hits: readonly SearchHit[], chunks: ServedChunks, documents: ReadonlyMap<string, DocumentMetadata>, addUnretrieved = true): SearchHit[] {
  const penalties = penaltiesOf(chunks);
  const retrieved = new Set(hits.map((h) => h.chunk.id));
  const enforced = new Map<string, StoredChunk>();
  const added = new Map<SearchHit, SearchHit[]>();
  for (const hit of hits) {
    if (!hit.chunk.article) continue;
    for (const chunk of penalties.get(key(hit.chunk.docId, hit.chunk.article)) ?? []) {
      if (enforced.has(chunk.id)) continue;
      enforced.set(chunk.id, hit.chunk);
      const document = documents.get(chunk.docId);
      if (addUnretrieved && !retrieved.has(chunk.id) && document) added.set(hit, [...(added.get(hit) ?? []), { chunk, document, score: hit.score, lexical: 0, dense: 0, enforces: hit.chunk }]);
    }
  }
  return hits.flatMap((hit) => [{ ...hit, enforces: hit.enforces ?? enforced.get(hit.chunk.id) }, ...(added.get(hit) ?? [])]);
}
