import type { Chunk } from '../chunk/types.ts';
import { implementsLaw, NATIONAL } from '../corpus/scope.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { scopeFactor } from '../retrieve/scope.ts';
import { bookTitle, citedPlace } from './citationLine.ts';
import type { Citation, ClosestDocument, RelatedProvision } from './types.ts';

/** A sentence quoted from a retrieved passage, with where it sits for reading order. */
export interface Quote {
  hit: SearchHit;
  hitRank: number;
  position: number;
  text: string;
}

/**
 * Quotes in reading order (passage rank, then position), each followed by the [n] of its passage;
 * passages are numbered in order of first citation and listed exactly once. The rules binding
 * where the question asks come first (`places` named, else national ones), and a law before its
 * implementing rules: a provincial or implementing quote reads as an addition to the rule it
 * follows. `separator` goes between quotes: a line break makes an outline of a document summary's
 * points.
 */
export function citeQuotes(quotes: readonly Quote[], separator = '', places: readonly string[] = []): { text: string; citations: Citation[] } {
  const binding = (q: Quote) => scopeFactor(q.hit.document.scope, places);
  // A law's implementing rules follow the law when both are quoted.
  const implementing = (q: Quote) => (quotes.some((other) => implementsLaw(q.hit.document, other.hit.document.title)) ? 1 : 0);
  const ordered = [...quotes].sort((a, b) => binding(b) - binding(a) || implementing(a) - implementing(b) || a.hitRank - b.hitRank || a.position - b.position);
  const numbers = new Map<string, number>();
  const cited: SearchHit[] = [];
  const parts = ordered.map((q) => {
    if (!numbers.has(q.hit.chunk.id)) {
      numbers.set(q.hit.chunk.id, numbers.size + 1);
      cited.push(q.hit);
    }
    return `${scopeLabel(q.hit.document.scope)}${q.text}[${numbers.get(q.hit.chunk.id)}]`;
  });
  return { text: parts.join(separator), citations: cited.map((hit, i) => citationFor(hit, i + 1)) };
}

/** `（浙江省）` before what a provincial rule says, so it is not read as national law. */
export function scopeLabel(scope: string): string {
  return scope === NATIONAL ? '' : `（${scope}）`;
}

/** One related provision as a line: where it applies, where it stands, and its quote. */
export function relatedLine(r: RelatedProvision): string {
  return `${scopeLabel(r.scope)}${citedPlace(r.title, r.location)}：${r.quote}`;
}

/** The reply when nothing supports an answer, naming the closest documents. */
export function declineText(reason: string, closest: readonly ClosestDocument[]): string {
  return `${reason}${closest.length ? `最接近的文档：${closest.map((d) => bookTitle(d.title)).join('、')}。` : ''}`;
}

/**
 * Where in its document a passage stands, without the title (citedPlace adds it once): the
 * article (第二十七条) of a regulation, the section heading (青海省邮政管理局) of prose.
 */
export function locationOf(hit: { chunk: Pick<Chunk, 'article' | 'context' | 'page'> }): string | null {
  const place = hit.chunk.article ?? hit.chunk.context.at(-1) ?? null;
  const page = hit.chunk.page ? `第${hit.chunk.page}页` : null;
  return place && page ? `${place} ${page}` : (place ?? page);
}

export function citationFor(hit: SearchHit, n: number): Citation {
  return {
    n,
    docId: hit.chunk.docId,
    title: hit.document.title,
    date: hit.document.date,
    source: hit.document.source,
    scope: hit.document.scope,
    chunkId: hit.chunk.id,
    text: hit.chunk.text,
    score: Number(hit.score.toFixed(6)),
    location: locationOf(hit),
    url: hit.document.sourceUrl,
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
