import { MOJIBAKE_MARK } from '../corpus/clean/mojibake.ts';
import type { SearchIndex } from '../index/loadIndex.ts';
import { hybridSearch, type SearchHit } from '../retrieve/hybrid.ts';
import { normalize } from '../text/normalize.ts';
import { splitClauses, splitSentences } from '../text/sentences.ts';
import { citeQuotes, closestDocuments, declineText, type Quote } from './citations.ts';
import { coverage, queryTerms, type QueryTerm } from './terms.ts';
import { NOTES } from './notes.ts';
import { type Answer, QuestionError } from './types.ts';

export interface AnswerOptions {
  /** Passages retrieved; the answer draws on the best few of them. */
  k: number;
  /** Below this share of the question's weight covered by the best passage, the bot declines. */
  minSupport: number;
  /** Longest answer, markers excluded. */
  maxAnswerChars: number;
  /** Sentences longer than this are cut down to their best clauses. */
  maxSentenceChars: number;
}

// minSupport measured on the dev positives and negatives plus a STARD sample (README).
export const DEFAULT_ANSWER: AnswerOptions = { k: 5, minSupport: 0.42, maxAnswerChars: 200, maxSentenceChars: 110 };
export const MAX_QUESTION_CHARS = 500;
const PASSAGES_READ = 5;
const MAX_SENTENCES = 3;
const SHORT_SENTENCE = 30;
const MISSING_FOCUS_PENALTY = 0.3;

interface Candidate extends Quote {
  score: number;
  /** The sentence after this one in the passage: a short lead-in (三是加快实施…工程。) needs it. */
  next: string | undefined;
}

const length = (s: string) => [...s].length;

/** The contiguous clauses of a long sentence that cover the question best, within the length limit. */
function bestClauses(sentence: string, terms: readonly QueryTerm[], maxChars: number): string {
  const clauses = splitClauses(sentence);
  let best = { start: 0, end: 1, score: -1 };
  for (let start = 0; start < clauses.length; start++) {
    let text = '';
    for (let end = start + 1; end <= clauses.length; end++) {
      text += clauses[end - 1]!;
      if (length(text) > maxChars && end > start + 1) break;
      const score = coverage(terms, normalize(text)) - length(text) / (maxChars * 20);
      if (score > best.score) best = { start, end, score };
    }
  }
  const picked = clauses.slice(best.start, best.end).join('').replace(/[，,：:]$/u, '');
  return `${best.start > 0 ? '…' : ''}${picked}${best.end < clauses.length ? '…' : ''}`;
}

export function validateQuestion(question: string): string {
  const trimmed = question.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu, '').trim();
  if (!trimmed) throw new QuestionError('问题不能为空');
  if (length(trimmed) > MAX_QUESTION_CHARS) throw new QuestionError(`问题太长（${length(trimmed)} 字），请控制在 ${MAX_QUESTION_CHARS} 字以内`);
  return trimmed;
}

/** How well the best passages support an answer: the share of the question's weight they cover. */
export function support(hits: readonly SearchHit[], terms: readonly QueryTerm[]): number {
  return Math.max(
    0,
    ...hits.slice(0, PASSAGES_READ).map((h) => coverage(terms, normalize([h.document.title, ...h.chunk.context, h.chunk.text].join(' ')))),
  );
}

/** A question retrieved and answered extractively: what a model-written answer starts from and falls back to. */
export interface PreparedAnswer {
  question: string;
  /** The retrieved passages, best first. */
  hits: SearchHit[];
  extractive: Answer;
}

/** The reply when the corpus does not answer a question. */
export function declinedAnswer(question: string, hits: readonly SearchHit[], mode: Answer['mode'] = 'extractive'): Answer {
  const closest = closestDocuments(hits);
  return { question, answered: false, answer: declineText('语料中没有找到能回答这个问题的内容。', closest), mode, citations: [], closest };
}

/**
 * Extractive answer: the sentences of the top passages that cover the question best, in reading
 * order, each followed by its citation marker. Declines when no passage covers enough of the question.
 */
export async function answerQuestion(index: SearchIndex, rawQuestion: string, options: Partial<AnswerOptions> = {}): Promise<Answer> {
  return (await prepareAnswer(index, rawQuestion, options)).extractive;
}

export async function prepareAnswer(index: SearchIndex, rawQuestion: string, options: Partial<AnswerOptions> = {}): Promise<PreparedAnswer> {
  const question = validateQuestion(rawQuestion);
  let note: string | undefined;
  const hits = await hybridSearch(index, question, {
    k: Math.max(options.k ?? DEFAULT_ANSWER.k, PASSAGES_READ),
    onDenseUnavailable: () => (note = NOTES.denseUnavailable),
  });
  const extractive = extract(index, question, hits, { ...DEFAULT_ANSWER, ...options });
  return { question, hits, extractive: note ? { ...extractive, note } : extractive };
}

function extract(index: SearchIndex, question: string, hits: SearchHit[], opts: AnswerOptions): Answer {
  const terms = queryTerms(normalize(question), index.bm25);
  const declined = () => declinedAnswer(question, hits);
  if (terms.length === 0 || hits.length === 0 || support(hits, terms) < opts.minSupport) return declined();

  const focus = terms.filter((t) => t.focus);
  const candidates: Candidate[] = [];
  hits.slice(0, PASSAGES_READ).forEach((hit, hitRank) => {
    const context = normalize([hit.document.title, ...hit.chunk.context].join(' '));
    // Text cut out as mojibake splits a sentence; the clean fragments around it still count.
    const pieces = splitSentences(hit.chunk.text).flatMap((s) => s.split(MOJIBAKE_MARK).filter((p) => length(p) >= 6));
    pieces.forEach((sentence, position) => {
      const text = length(sentence) > opts.maxSentenceChars ? bestClauses(sentence, terms, opts.maxSentenceChars) : sentence;
      const norm = normalize(text);
      const own = coverage(terms, norm);
      const withContext = coverage(terms, `${context} ${norm}`);
      // A sentence without the asked-about word (主持 in 由谁主持) cannot answer the question.
      const answersFocus = focus.length === 0 || focus.some((t) => norm.includes(t.term));
      // Earlier passages win ties: retrieval already judged them more relevant.
      const score = (0.7 * own + 0.3 * withContext) * (1 - hitRank * 0.05) * (answersFocus ? 1 : MISSING_FOCUS_PENALTY);
      candidates.push({ hit, hitRank, position, text, score, next: pieces[position + 1] });
    });
  });
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0];
  if (!best || best.score <= 0) return declined();

  const chosen: Candidate[] = [];
  const seen = new Set<string>();
  let used = 0;
  for (const c of candidates) {
    if (chosen.length >= MAX_SENTENCES || c.score < best.score * 0.75) break;
    const key = normalize(c.text);
    if (seen.has(key) || used + length(c.text) > opts.maxAnswerChars) continue;
    seen.add(key);
    if (length(c.text) < SHORT_SENTENCE && c.next && !seen.has(normalize(c.next))) {
      const next = length(c.next) > opts.maxSentenceChars ? bestClauses(c.next, terms, opts.maxSentenceChars) : c.next;
      seen.add(normalize(c.next));
      c.text += next;
    }
    chosen.push(c);
    used += length(c.text);
  }
  const { text, citations } = citeQuotes(chosen);
  return { question, answered: true, answer: text, mode: 'extractive', citations, closest: [] };
}
