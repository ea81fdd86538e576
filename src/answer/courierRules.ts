import type { ServedChunks } from '../index/servedChunks.ts';
import type { StoredChunk } from '../index/store.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { normalize } from '../text/normalize.ts';
import { ARTICLE_START } from './articleReference.ts';
import { chunkTable } from './chunkTable.ts';
import { ARTICLE } from './penaltyLinks.ts';

/**
 * A postal law or regulation names the rules on the post that bind courier firms too (邮政法第五十九条:
 * 本法第六条、第二十一条…关于邮政企业及其从业人员的规定，适用于快递企业及其从业人员；…第四十五条第二款
 * 关于邮件的损失赔偿的规定，适用于快件的损失赔偿). Its other articles on 邮政企业 and 邮件 (the
 * compensation owed for 给据邮件, the help owed to the post's delivery) bind the post alone.
 */
const EXTENDING = /适用于(?:快递|快件)/u;

/** The articles an extending provision applies to courier firms (第六条, 第四十五条), or none. */
export function articlesExtendedToCouriers(text: string): string[] {
  return normalize(text)
    .replace(ARTICLE_START, '')
    .split(/[；;。]/u)
    .filter((clause) => EXTENDING.test(clause))
    .flatMap((clause) => [...(clause.split('关于')[0] ?? '').matchAll(ARTICLE)].map(([article]) => article));
}

/** Document → the extending provisions it holds. */
const extendingOf = chunkTable('适用于快', (chunk) => (chunk.article && articlesExtendedToCouriers(chunk.text).length ? [chunk.docId] : []));

/** Each extending provision's articles, read once. */
const extendedBy = new WeakMap<StoredChunk, readonly string[]>();
function extended(provision: StoredChunk): readonly string[] {
  let articles = extendedBy.get(provision);
  if (!articles) extendedBy.set(provision, (articles = articlesExtendedToCouriers(provision.text)));
  return articles;
}

/**
 * The hits a courier firm is not bound by: articles of a document that names which of its rules
 * bind couriers, when this one is not among them.
 */
export function postOnlyHits(hits: readonly SearchHit[], chunks: ServedChunks): Set<SearchHit> {
  const extending = extendingOf(chunks);
  return new Set(
    hits.filter((hit) => {
      const provisions = extending.get(hit.chunk.docId);
      if (!provisions || !hit.chunk.article || provisions.some((p) => p.id === hit.chunk.id)) return false;
      return !provisions.some((p) => extended(p).includes(hit.chunk.article!));
    }),
  );
}
