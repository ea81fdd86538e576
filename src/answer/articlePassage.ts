import type { Chunk } from '../chunk/types.ts';

/** What the passage view shows: the headings above the passage and its whole text. */
export interface ArticlePassage {
  /** The chapter (and section) of an article: 第三章 快递服务; empty for prose, whose heading is its location. */
  divisions: string[];
  text: string;
}

const CONTINUED = /（续）$/u;

/**
 * The whole article a chunk belongs to, with its chapter: a long article is indexed in pieces
 * (see chunkArticle), and a reader pressing 查看原文 wants all of it. Prose passages are shown as they are.
 * The pieces are looked for among `documentChunks`, the chunks of the chunk's document.
 */
export function articlePassage(documentChunks: readonly Chunk[], chunk: Chunk): ArticlePassage {
  if (!chunk.article) return { divisions: [], text: chunk.text };
  const divisions = chunk.context.filter((c) => !CONTINUED.test(c));
  const same = (c: Chunk) => c.docId === chunk.docId && c.article === chunk.article && c.context[0] === chunk.context[0];
  const pieces = documentChunks.filter(same).sort((a, b) => a.ordinal - b.ordinal);
  // Only the run of consecutive pieces around this one: an annex may number its articles again.
  let first = pieces.indexOf(chunk);
  let last = first;
  while (first > 0 && pieces[first - 1]!.ordinal === pieces[first]!.ordinal - 1) first--;
  while (last < pieces.length - 1 && pieces[last + 1]!.ordinal === pieces[last]!.ordinal + 1) last++;
  const run = first < 0 ? [chunk] : pieces.slice(first, last + 1);
  return { divisions, text: run.map((c) => c.text).join('\n') };
}
