import type { SearchIndex } from '../index/loadIndex.ts';
import { hybridSearch, type SearchHit } from '../retrieve/hybrid.ts';
import { type ExpandedQuestion, expandQuestion } from '../text/features.ts';
import { normalize } from '../text/normalize.ts';
import { citeQuotes, closestDocuments, declineText, type Quote } from './citations.ts';
import { noticePoints } from './noticeSummary.ts';
import { isRegulationText, regulationPoints } from './regulationSummary.ts';
import { excerpt, summarySentences } from './summaryText.ts';
import { textRank } from './textrank.ts';
import { support } from './evidence.ts';
import { DEFAULT_ANSWER } from './options.ts';
import { validateQuestion } from './prepare.ts';
import { coverage, queryTerms } from './terms.ts';
import { UserFacingError } from '../userFacingError.ts';
import type { AnswerMode, Citation, ClosestDocument } from './types.ts';

export interface Summary {
  kind: 'document' | 'topic';
  /** The document id or the topic asked for. */
  target: string;
  /** What the adapters head the summary with: the document's title, or the topic as asked. */
  title: string;
  answered: boolean;
  /** Sentences from the corpus in reading order (or written by the model), each followed by its [n] marker. */
  summary: string;
  mode: AnswerMode;
  citations: Citation[];
  closest: ClosestDocument[];
  /** A short remark for the user, e.g. why the model's summary was replaced by the extractive one. */
  note?: string;
}

const TOPIC_POINT_CHARS = 100;
const MIN_TOPIC_COVERAGE = 0.3;

function compose(kind: Summary['kind'], target: string, title: string, picked: readonly Quote[]): Summary {
  // A document's points are an outline (purpose, scope, chapters, fines), one a line; a topic's read as one paragraph.
  const { text, citations } = citeQuotes(picked, kind === 'document' ? '\n' : '');
  return { kind, target, title, answered: true, summary: text, mode: 'extractive', citations, closest: [] };
}

/** Finds a document by id, else by (part of) its title in either script. */
export function findDocument(index: SearchIndex, ref: string): string {
  const wanted = ref.trim();
  if (index.documents.has(wanted)) return wanted;
  const norm = normalize(wanted).replace(/[《》\s]/gu, '');
  if (norm) {
    for (const d of index.documents.values())
      if (
        normalize(d.title)
          .replace(/[《》\s]/gu, '')
          .includes(norm)
      )
        return d.id;
  }
  throw new UserFacingError('unknown-document', `找不到文档“${wanted}”`);
}

/** The chunks of one document in reading order, shaped as search hits. */
export function documentPassages(index: SearchIndex, docId: string): SearchHit[] {
  const document = index.documents.get(docId)!;
  return index.chunks.ofDocument(docId).map((chunk) => ({ chunk, document, score: 0, lexical: 0, dense: 0 }));
}

/**
 * One document summarized as a reader outlines it, in reading order with citations: a regulation
 * by its structure (purpose, scope, each chapter's main obligation, range of fines), a notice or
 * meeting report by its lead and main requirements.
 */
export function summarizeDocument(index: SearchIndex, ref: string, sentences = 4): Summary {
  const docId = findDocument(index, ref);
  const passages = documentPassages(index, docId);
  const outline = isRegulationText(passages) ? regulationPoints(passages) : [];
  const points = outline.length ? outline : noticePoints(passages, sentences);
  return compose('document', docId, index.documents.get(docId)!.title, points);
}

/** What the corpus says about a topic: TextRank over the retrieved passages, leaning to the topic. */
export async function summarizeTopic(index: SearchIndex, rawTopic: string, sentences = 5): Promise<Summary> {
  return (await prepareTopicSummary(index, rawTopic, sentences)).extractive;
}

/** The retrieved passages of a topic and its extractive summary: what a model summary starts from and falls back to. */
export async function prepareTopicSummary(index: SearchIndex, rawTopic: string, sentences = 5): Promise<{ hits: SearchHit[]; extractive: Summary }> {
  const topic = validateQuestion(rawTopic);
  // Expanded once, for the search and for the summary's terms.
  const expanded = expandQuestion(normalize(topic), index.thesaurus);
  const hits = await hybridSearch(index, topic, { k: 8, expanded });
  return { hits, extractive: topicSummary(index, topic, expanded, hits, sentences) };
}

export type SummaryRequest = { document: string } | { topic: string };

/**
 * The passages a summary is made from and its extractive version: what the bot and the command
 * line both start from (a model summary is written from the passages and falls back to it).
 */
export async function prepareSummary(index: SearchIndex, request: SummaryRequest): Promise<{ hits: SearchHit[]; extractive: Summary }> {
  if ('topic' in request) return prepareTopicSummary(index, request.topic);
  const extractive = summarizeDocument(index, request.document);
  return { hits: documentPassages(index, extractive.target), extractive };
}

function topicSummary(index: SearchIndex, topic: string, expanded: ExpandedQuestion, hits: SearchHit[], sentences: number): Summary {
  const terms = queryTerms(expanded, index.bm25);
  if (terms.length === 0 || hits.length === 0 || support(hits, terms) < DEFAULT_ANSWER.minSupport) {
    const closest = closestDocuments(hits);
    const summary = declineText('语料中没有找到与该主题相关的内容。', closest);
    return { kind: 'topic', target: topic, title: topic, answered: false, summary, mode: 'extractive', citations: [], closest };
  }
  // Only sentences that are about the topic compete; TextRank then prefers the central ones.
  const candidates = summarySentences(hits);
  const about = candidates.filter((s) => coverage(terms, normalize(s.text)) >= MIN_TOPIC_COVERAGE);
  const all = about.length ? about : candidates;
  const relevance = all.map((s) => coverage(terms, normalize(s.text)) + 0.05);
  const scores = textRank(
    all.map((s) => s.words),
    relevance,
  );
  const perDocument = new Map<string, number>();
  const picked: Quote[] = [];
  for (const { s } of all.map((s, i) => ({ s, score: scores[i]! * relevance[i]! })).sort((a, b) => b.score - a.score)) {
    const n = perDocument.get(s.hit.chunk.docId) ?? 0;
    if (n >= 2) continue;
    perDocument.set(s.hit.chunk.docId, n + 1);
    picked.push({ ...s, text: excerpt(s.text, TOPIC_POINT_CHARS) });
    if (picked.length >= sentences) break;
  }
  return compose('topic', topic, topic, picked);
}
