import type { Bm25Index } from '../index/bm25.ts';
import { hanBigrams, searchTokens } from '../text/segment.ts';

export interface QueryTerm {
  term: string;
  weight: number;
  bigrams: string[];
  /** Next to the question word: what is being asked about (由谁**主持**). */
  focus: boolean;
}

/**
 * The informative words of a question with their IDF weight. Sub-words from jieba's search mode
 * are dropped when the whole word is also there, so 国家邮政局 is not counted three times.
 */
export function queryTerms(normalizedQuestion: string, bm25: Bm25Index): QueryTerm[] {
  const unique = [...new Set(searchTokens(normalizedQuestion))];
  const terms = unique.filter((t) => !unique.some((other) => other !== t && other.length > t.length && other.includes(t)));
  const focus = focusSpans(normalizedQuestion);
  const weighted = terms.map((term) => {
    const at = normalizedQuestion.indexOf(term);
    const nearQuestionWord = [...term].length >= 2 && focus.some(([start, end]) => at < end + FOCUS_REACH && at + term.length > start - FOCUS_REACH);
    return { term, weight: bm25.idf(term) * (nearQuestionWord ? FOCUS_BOOST : 1), bigrams: hanBigrams(term), focus: nearQuestionWord };
  });
  // A quoted name (“四个严防、两个确保”, 《快递暂行条例》) should appear as written, not word by word.
  const quoted = quotedSegments(normalizedQuestion).filter((q) => !terms.includes(q));
  const phraseWeight = weighted.reduce((sum, t) => sum + t.weight, 0) / Math.max(1, weighted.length);
  return [...weighted, ...quoted.map((term) => ({ term, weight: phraseWeight, bigrams: hanBigrams(term), focus: false }))];
}

const QUOTED = /[“"「『《]([^”"」』》]{2,40})[”"」』》]/gu;

function quotedSegments(question: string): string[] {
  return [...question.matchAll(QUOTED)].flatMap((m) => m[1]!.split(/[、，,;；\s]+/u)).filter((s) => [...s].length >= 2);
}

/**
 * The words right next to the question word carry what is asked (由谁**主持**, 达到**多少**,
 * 执行哪“**三项制度**”), so an answer sentence must contain them more than the rest.
 */
const QUESTION_WORD = /谁|什么|哪些|哪个|哪几|哪|多少|几|怎样|怎么|如何|何时/gu;
const FOCUS_REACH = 1;
const FOCUS_BOOST = 1.6;

function focusSpans(question: string): [number, number][] {
  return [...question.matchAll(QUESTION_WORD)].map((m) => [m.index, m.index + m[0].length]);
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
