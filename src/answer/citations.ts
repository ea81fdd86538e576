import type { SearchHit } from '../retrieve/hybrid.ts';
import type { Citation, ClosestDocument } from './types.ts';

/** 《快递暂行条例》第二十七条 for an article; the section heading (青海省邮政管理局) for prose. */
export function locationOf(hit: Pick<SearchHit, 'chunk' | 'document'>): string | null {
  if (hit.chunk.article) return `《${hit.document.title}》${hit.chunk.article}`;
  return hit.chunk.context.at(-1) ?? null;
}

export function citationFor(hit: SearchHit, n: number): Citation {
  return {
    n,
    docId: hit.chunk.docId,
    title: hit.document.title,
    date: hit.document.date,
    source: hit.document.source,
    chunkId: hit.chunk.id,
    text: hit.chunk.text,
    score: Number(hit.score.toFixed(6)),
    location: locationOf(hit),
  };
}

/** Distinct documents of the hits, best first. */
export function closestDocuments(hits: readonly SearchHit[], limit = 3): ClosestDocument[] {
  const seen = new Map<string, ClosestDocument>();
  for (const { document: d } of hits) {
    if (!seen.has(d.id)) seen.set(d.id, { docId: d.id, title: d.title, date: d.date, source: d.source });
  }
  return [...seen.values()].slice(0, limit);
}
