import type { SearchHit } from './hybrid.ts';

/** The CLI/tooling shape of a search: `{"query", "results": [{"rank", "docId", "title", "chunkId", "text", "score"}]}`. */
export interface SearchResultJson {
  query: string;
  results: { rank: number; docId: string; title: string; chunkId: string; text: string; score: number }[];
}

export function searchResultJson(query: string, hits: readonly SearchHit[]): SearchResultJson {
  return {
    query,
    results: hits.map((h, i) => ({
      rank: i + 1,
      docId: h.chunk.docId,
      title: h.document.title,
      chunkId: h.chunk.id,
      text: h.chunk.text,
      score: Number(h.score.toFixed(6)),
    })),
  };
}
