import type { DocumentMetadata } from '../corpus/types.ts';
import type { ServedChunks } from '../index/servedChunks.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { normalize } from '../text/normalize.ts';
import { chunkTable } from './chunkTable.ts';

/**
 * Where the regulations define their terms (`本法所称快递，是指…`, `快递，是指在承诺的时限内…`,
 * `（二）邮件，是指…`): a question asking what a term means (快递到底指什么) is answered there, and a
 * definitions article shares little else with the question.
 */
const DEFINITION = /(?:^|[\s：:；;。（）()\d一二三四五六七八九十]|所称)([\p{Script=Han}A-Za-z]{2,12})[，,]?(?:是指|指的是)/gu;

/** The terms a text defines. */
export function definedTerms(text: string): string[] {
  return [...new Set([...normalize(text).matchAll(DEFINITION)].map((m) => m[1]!.replace(/^.*所称/u, '')))].filter((t) => [...t].length >= 2);
}

/** Whether a sentence defines a term the question names. */
export function definesAskedTerm(normalizedQuestion: string, normalizedSentence: string): boolean {
  return definedTerms(normalizedSentence).some((term) => normalizedQuestion.includes(term));
}

/** Term → the passages defining it; a definition says 是指 or 指的是. */
const definitionsOf = chunkTable('指', (chunk) => definedTerms(chunk.text));

/**
 * The passages defining a term the question names first (retrieved or not: a definitions article
 * shares few words with the question), then the other hits.
 */
export function withDefinitions(hits: readonly SearchHit[], normalizedQuestion: string, chunks: ServedChunks, documents: ReadonlyMap<string, DocumentMetadata>): SearchHit[] {
  const byId = new Map(hits.map((h) => [h.chunk.id, h]));
  const defining = new Map<string, SearchHit>();
  const score = hits[0]?.score ?? 0;
  for (const [term, passages] of definitionsOf(chunks)) {
    if (!normalizedQuestion.includes(term)) continue;
    for (const chunk of passages) {
      const document = documents.get(chunk.docId);
      if (document && !defining.has(chunk.id)) defining.set(chunk.id, byId.get(chunk.id) ?? { chunk, document, score, lexical: 0, dense: 0 });
    }
  }
  return [...defining.values(), ...hits.filter((h) => !defining.has(h.chunk.id))];
}
