import type { Answer } from '../../src/answer/types.ts';
import { removePinyinGlosses } from '../../src/corpus/clean/pinyin.ts';
import type { SearchHit } from '../../src/retrieve/hybrid.ts';
import { normalizeCompact } from '../../src/text/normalize.ts';
import type { EvalQuestion } from './questions.ts';

/** Answers longer than this (markers excluded) are passage dumps and earn no phrase recall. */
export const MAX_CONCISE_CHARS = 250;

export interface QuestionResult {
  id: string;
  negative: boolean;
  /** 1-based rank of the first cited or retrieved passage from the gold document containing the evidence. */
  hitRank: number | null;
  answered: boolean;
  citationSupports: boolean;
  /** Declined, but listing the provision that answers it among the related ones (a decline that still helps). */
  relatedSupports: boolean;
  answerRecall: number;
  answerChars: number;
}

export interface EvalSummary {
  questions: number;
  answerable: number;
  negatives: number;
  hitAt1: number;
  hitAt5: number;
  mrr: number;
  answerRecall: number;
  citationSupport: number;
  /** Of the answerable questions declined, the share whose related provisions include the answering one. */
  helpfulDeclines: number;
  negativesDeclined: number;
  answeredWrongly: number;
  medianAnswerChars: number;
}

const compare = (text: string) => normalizeCompact(removePinyinGlosses(text));

export function stripMarkers(answer: string): string {
  return answer.replace(/\[\d+\]/gu, '');
}

function isGoldPassage(q: EvalQuestion, docId: string, text: string): boolean {
  const gold = Array.isArray(q.doc) ? q.doc : q.doc ? [q.doc] : [];
  return gold.includes(docId) && (!q.evidence || compare(text).includes(compare(q.evidence)));
}

export function scoreQuestion(q: EvalQuestion, hits: readonly SearchHit[], answer: Answer): QuestionResult {
  const negative = q.negative === true || !q.doc;
  // The answer's own ranking: what it cites first, then the rest of what retrieval returned.
  const cited = new Set(answer.citations.map((c) => c.chunkId));
  const ranked = [...answer.citations.map((c) => ({ docId: c.docId, text: c.text })), ...hits.filter((h) => !cited.has(h.chunk.id)).map((h) => ({ docId: h.chunk.docId, text: h.chunk.text }))];
  const rank = ranked.findIndex((p) => isGoldPassage(q, p.docId, p.text));
  const plain = stripMarkers(answer.answer);
  const chars = [...plain].length;
  const phrases = q.answer ?? [];
  const found = phrases.filter((p) => compare(plain).includes(compare(p))).length;
  return {
    id: q.id,
    negative,
    hitRank: rank >= 0 ? rank + 1 : null,
    answered: answer.answered,
    citationSupports: answer.citations.some((c) => isGoldPassage(q, c.docId, c.text)),
    relatedSupports: !answer.answered && answer.related.some((r) => hits.some((h) => h.chunk.id === r.chunkId && isGoldPassage(q, r.docId, h.chunk.text))),
    answerRecall: answer.answered && phrases.length && chars <= MAX_CONCISE_CHARS ? found / phrases.length : 0,
    answerChars: answer.answered ? chars : 0,
  };
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);
const round = (x: number) => Number(x.toFixed(3));

export function summarize(results: readonly QuestionResult[]): EvalSummary {
  const positives = results.filter((r) => !r.negative);
  const negatives = results.filter((r) => r.negative);
  const lengths = positives
    .filter((r) => r.answered)
    .map((r) => r.answerChars)
    .sort((a, b) => a - b);
  return {
    questions: results.length,
    answerable: positives.length,
    negatives: negatives.length,
    hitAt1: round(mean(positives.map((r) => (r.hitRank === 1 ? 1 : 0)))),
    hitAt5: round(mean(positives.map((r) => (r.hitRank !== null && r.hitRank <= 5 ? 1 : 0)))),
    mrr: round(mean(positives.map((r) => (r.hitRank ? 1 / r.hitRank : 0)))),
    answerRecall: round(mean(positives.map((r) => r.answerRecall))),
    citationSupport: round(mean(positives.map((r) => (r.citationSupports ? 1 : 0)))),
    helpfulDeclines: round(mean(positives.filter((r) => !r.answered).map((r) => (r.relatedSupports ? 1 : 0)))),
    negativesDeclined: round(negatives.length ? mean(negatives.map((r) => (r.answered ? 0 : 1))) : 1),
    answeredWrongly: negatives.filter((r) => r.answered).length,
    medianAnswerChars: lengths.length ? lengths[Math.floor(lengths.length / 2)]! : 0,
  };
}
