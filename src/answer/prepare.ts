import type { SearchIndex } from '../index/loadIndex.ts';
import { hybridSearch, type SearchHit } from '../retrieve/hybrid.ts';
import { foreignPlacesIn, shortPlaceName } from '../corpus/scope.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import { placesIn } from '../retrieve/scope.ts';
import { expandQuestion } from '../text/features.ts';
import { readAsMandarin } from '../text/cantonese.ts';
import { SlipReader } from '../text/inputSlips.ts';
import { isDictionaryWord, taggedWords } from '../text/segment.ts';
import { normalize } from '../text/normalize.ts';
import { askingClause, askingSentence, clauseQuestions, subQuestions } from '../text/questionForm.ts';
import { UserFacingError } from '../userFacingError.ts';
import { askedKinds } from './answerability.ts';
import { type ArticleReference, articleReferences, namedArticleReply, withNamedArticles } from './articleReference.ts';
import { postOnlyHits } from './courierRules.ts';
import { declinedAnswer, relatedProvisions } from './decline.ts';
import { withDefinitions } from './definitionLinks.ts';
import { isNonChineseQuestion, isPostalQuestion } from './domain.ts';
import { type AnswerEvidence, type FailedCheck, support } from './evidence.ts';
import { DEFINITIONAL, DIRECTIVE, type Extraction, extract, type QuestionPart, yearsIn } from './extractive.ts';
import { regulatedOnlyElsewhere } from './localPoints.ts';
import { NOTES } from './notes.ts';
import { type AnswerOptions, DEFAULT_ANSWER } from './options.ts';
import { withPenalties } from './penaltyLinks.ts';
import { length } from './quoteClauses.ts';
import { PASSAGES_READ, passageText, RERANK_DEPTH, rerank } from './rerank.ts';
import { queryTerms, type QueryTerm } from './terms.ts';
import type { Answer, DeclineReason } from './types.ts';
import { namesLaw, unheldLaws } from './unheldLaws.ts';
import { asksPersonalSanction } from './staffSanctions.ts';
import { documentFactReply, namedDocuments, withFramingPassages } from './namedDocuments.ts';

export const MAX_QUESTION_CHARS = 500;

export function validateQuestion(question: string): string {
  const trimmed = question.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu, '').trim();
  if (!trimmed) throw new UserFacingError('invalid-request', '问题不能为空');
  if (length(trimmed) > MAX_QUESTION_CHARS) throw new UserFacingError('invalid-request', `问题太长（${length(trimmed)} 字），请控制在 ${MAX_QUESTION_CHARS} 字以内`);
  return trimmed;
}

/** A question retrieved and answered extractively: what a model-written answer starts from and falls back to. */
export interface PreparedAnswer {
  question: string;
  /** The retrieved passages, best first. */
  hits: SearchHit[];
  extractive: Answer;
  /** The reply should the answer be declined after all (a model finding nothing in the passages). */
  declined: Answer;
  /** Which check the quotes failed when the extractive answer declined (for logs and calibration). */
  failedCheck: FailedCheck | null;
  /** What the decision was based on: null when no passage was read, or when no threshold applied (an article asked whole, a fact of a named document). */
  evidence: AnswerEvidence | null;
}

/**
 * Extractive answer: the sentences of the top passages that cover the question best, in reading
 * order, each followed by its citation marker. Declines when no passage covers enough of the question.
 */
export async function answerQuestion(index: SearchIndex, rawQuestion: string, options: Partial<AnswerOptions> = {}): Promise<Answer> {
  return (await prepareAnswer(index, rawQuestion, options)).extractive;
}

const slipReaders = new WeakMap<SearchIndex, SlipReader>();

/** The question with its input-method slips mended (快第 → 快递; see inputSlips.ts). */
function withSlipsMended(index: SearchIndex, text: string): string {
  const known = (word: string) => isDictionaryWord(word) || index.bm25.documentFrequency(word) > 0;
  let reader = slipReaders.get(index);
  // A slip stands for a word of the domain as people say it (the thesaurus's), a word in its own right
  // rather than a phrase (找他, 买了保价), whose near-homophones are everyday words.
  if (!reader) slipReaders.set(index, (reader = new SlipReader([...index.thesaurus.words()].filter(known))));
  const normalized = normalize(text);
  if (normalized.length !== text.length) return text;
  const words: [number, number][] = [];
  let at = 0;
  for (const { word } of taggedWords(normalized, normalized)) {
    if (word.length > 1 && known(word)) words.push([at, at + word.length]);
    at += word.length;
  }
  return reader.read(text, known, words);
}

/**
 * Answering one question: the ranked passages, the reply should it be declined, the questions it
 * asks, and the extractive answer judged against them.
 */
export async function prepareAnswer(index: SearchIndex, rawQuestion: string, options: Partial<AnswerOptions> & { keywords?: readonly string[] } = {}): Promise<PreparedAnswer> {
  const question = validateQuestion(rawQuestion);
  // What the question says, read in Mandarin's words (the reply echoes it as typed).
  const read = readAsMandarin(question);
  const typed = await answerReading(index, question, read, options);
  if (typed.extractive.answered) return typed;
  // Declined as typed, it is read again with the input method's slips mended (快第 → 快递, 身份症):
  // mended first, everyday words sounding alike would be taken for others (值班是 → 值班室).
  const mended = withSlipsMended(index, read);
  if (mended === read) return typed;
  const reread = await answerReading(index, question, mended, options);
  return reread.extractive.answered ? reread : typed;
}

/** prepareAnswer for one reading of the question. */
async function answerReading(index: SearchIndex, question: string, read: string, options: Partial<AnswerOptions> & { keywords?: readonly string[] }): Promise<PreparedAnswer> {
  const normalized = normalize(read);
  if (isNonChineseQuestion(question)) {
    const declined = declinedAnswer(question, 'not-chinese', [], []);
    return { question, hits: [], extractive: declined, declined, failedCheck: null, evidence: null };
  }
  const ranked = await rankedPassages(index, read, normalized, options);
  const { hits, terms, references } = ranked;
  const postal = isPostalQuestion(normalized, index.thesaurus);
  const { declined, reason, unruled } = declineFor(index, question, normalized, ranked, postal);
  // 快递暂行条例第六十条 (no such article), 邮政法第15条说了啥 (the article is the answer).
  const articleReply = namedArticleReply(question, normalized, references, hits, declined.related, options.maxAnswerChars ?? DEFAULT_ANSWER.maxAnswerChars);
  if (articleReply) return { question, hits, extractive: articleReply, declined: articleReply.answered ? declined : articleReply, failedCheck: null, evidence: null };
  // 邮政法立法目的是啥, 快递条例哪年施行的: the document's framing sentence stating it is the answer.
  const factReply = documentFactReply(question, normalized, ranked.documents, index.chunks, options.maxAnswerChars ?? DEFAULT_ANSWER.maxAnswerChars);
  if (factReply) return { question, hits, extractive: factReply, declined, failedCheck: null, evidence: null };
  const parts = questionParts(index, read, normalized, terms, postal);
  const extracted = extract(parts, hits, postOnlyHits(hits, index.chunks), postal, { ...DEFAULT_ANSWER, ...options });
  // Asked about a province without rules, a point only other provinces regulate has no answer here.
  const localPoint = unruled.length > 0 && !('failed' in extracted) && regulatedOnlyElsewhere(hits, terms, ranked.places);
  // Asked what a law the corpus does not hold says (数据安全法对…有什么要求), quotes not naming it answer another question.
  const unheld = 'failed' in extracted ? [] : unheldLaws(normalized, index.documents).filter((law) => !namesLaw(normalize(extracted.answer.answer), law));
  const extraction: Extraction = localPoint ? { failed: 'place', evidence: extracted.evidence } : unheld.length ? { failed: 'focus', evidence: extracted.evidence, unnamed: unheld } : extracted;
  // A postal question declined for want of the thing asked about names it (one about another country
  // or a province without rules keeps its own reply).
  const unnamed = postal && reason === 'unsupported' && 'unnamed' in extraction ? declinedAnswer(question, 'unnamed', hits, declined.related, extraction.unnamed) : declined;
  const extractive = 'failed' in extraction ? unnamed : { ...extraction.answer, question };
  const failedCheck = 'failed' in extraction ? extraction.failed : null;
  return { question, hits, extractive: ranked.note ? { ...extractive, note: ranked.note } : extractive, declined, failedCheck, evidence: extraction.evidence };
}

interface RankedPassages {
  hits: SearchHit[];
  /** The question's terms, expanded once: the answer's terms and the search read the same expansion. */
  terms: QueryTerm[];
  places: string[];
  /** The articles the question names by number (邮政法第48条). */
  references: ArticleReference[];
  /** The documents it names without an article (邮政法立法目的是啥). */
  documents: DocumentMetadata[];
  /** Said with the answer (the dense index being unavailable). */
  note: string | undefined;
}

/** The passages searched for and reranked for the question, best first. */
async function rankedPassages(index: SearchIndex, read: string, normalized: string, options: Partial<AnswerOptions> & { keywords?: readonly string[] }): Promise<RankedPassages> {
  const expanded = expandQuestion(normalized, index.thesaurus);
  const terms = queryTerms(expanded, index.bm25);
  let note: string | undefined;
  const retrieved = await hybridSearch(index, read, {
    k: Math.max(options.k ?? DEFAULT_ANSWER.k, RERANK_DEPTH),
    onDenseUnavailable: () => (note = NOTES.denseUnavailable),
    keywords: options.keywords,
    expanded,
  });
  const kinds = askedKinds(normalized);
  // Asked for a penalty, the provisions enforcing the retrieved duties compete too; asked what a
  // term means, the passages defining it come first.
  const sanction = kinds.includes('penalty') || kinds.includes('consequence');
  const enforcing = sanction || kinds.includes('permission') ? withPenalties(retrieved, index.chunks, index.documents, sanction) : retrieved;
  const pool = kinds.some((k) => DEFINITIONAL.includes(k)) ? withDefinitions(enforcing, normalized, index.chunks, index.documents) : enforcing;
  // News of another year than the question names tells nothing about its event (2022年4月那次会): it does not take a passage's place.
  const years = yearsIn(normalized);
  const ofYear = pool.filter((hit) => hit.chunk.article !== null || years.every((year) => hit.document.date?.startsWith(year) || passageText(hit).includes(`${year}年`)));
  const places = placesIn(normalized);
  const references = articleReferences(normalized, index.documents, index.chunks);
  const namedArticles = new Set(references.flatMap((r) => r.chunks.map((c) => c.id)));
  // A document named without an article (邮政法立法目的是啥) is asked about as a whole, or about a point in it.
  const documents = references.length ? [] : namedDocuments(normalized, index.documents);
  const candidates = withFramingPassages(withNamedArticles(ofYear, references), documents, index.chunks);
  const focus = { namedArticles, namedDocuments: new Set(documents.map((d) => d.id)), staffAsked: asksPersonalSanction(normalized, kinds) };
  const hits = rerank(candidates, terms, places, kinds, focus).slice(0, Math.max(options.k ?? DEFAULT_ANSWER.k, PASSAGES_READ));
  return { hits, terms, places, references, documents, note };
}

/**
 * The reply should the question be declined, and why: about another country, about a province
 * without rules, or unsupported; off-topic (no provisions listed) when it is not in the domain.
 */
function declineFor(
  index: SearchIndex,
  question: string,
  normalized: string,
  { hits, terms, places }: RankedPassages,
  postal: boolean,
): { declined: Answer; reason: DeclineReason; unruled: string[] } {
  const foreign = foreignPlacesIn(normalized);
  // A province without rules of its own may still be in the news the corpus holds (内蒙古局 during the
  // epidemic): declined, such a question is not told the corpus has nothing on the province.
  const unruled = places.filter((place) => ![...index.documents.values()].some((d) => d.scope === place) && index.bm25.documentFrequency(shortPlaceName(place)) === 0);
  const [reason, named]: [DeclineReason, string[]] = foreign.length ? ['foreign', foreign] : unruled.length ? ['no-local-rule', unruled] : ['unsupported', []];
  // Directives are about more than parcels (meetings, epidemic measures), so a question without a
  // postal word is still in the domain when the news the corpus holds comes closest
  // (十九大那次会上谁通报的…); declined, one outside it gets no unrelated provisions.
  const inDomain = postal || (DIRECTIVE.test(normalized) && hits[0]?.chunk.article === null && support(hits.slice(0, 1), terms) >= DEFAULT_ANSWER.minSupport);
  const declined = inDomain ? declinedAnswer(question, reason, hits, relatedProvisions(hits, terms), named) : declinedAnswer(question, 'off-topic', [], []);
  return { declined, reason, unruled };
}

/**
 * The whole question first, then the questions it asks. A postal message asking two things is
 * answered when one of them is, and one asking a thing and telling why (能寄几瓶？我过年想寄一箱) when
 * that thing is; elsewhere (a list of civil-law questions) a short part matches too easily.
 */
function questionParts(index: SearchIndex, read: string, normalized: string, terms: QueryTerm[], postal: boolean): [QuestionPart, ...QuestionPart[]] {
  const split = postal ? subQuestions(read) : [];
  // A story told before the question it leads to: that question, judged alone, may decide too — a
  // sentence of its own, or the last clause of a long one when that clause is about the post itself
  // (a clause alone matches too easily: 保管合同…，如何确定损害赔偿责任).
  const postalClause = () => {
    const clause = askingClause(read);
    return clause && isPostalQuestion(normalize(clause), index.thesaurus) ? clause : undefined;
  };
  const sentence = postal && split.length === 0 ? (askingSentence(read) ?? postalClause()) : undefined;
  const asked = sentence ? [sentence] : split;
  const clauses = postal && asked.length === 0 ? clauseQuestions(read) : [];
  const questionPart = (text: string, decides: boolean): QuestionPart => ({
    question: normalize(text),
    asked: text,
    terms: queryTerms(expandQuestion(normalize(text), index.thesaurus), index.bm25),
    decides,
  });
  return [{ question: normalized, asked: read, terms, decides: true }, ...asked.map((p) => questionPart(p, true)), ...clauses.map((c) => questionPart(c, false))];
}
