import type { DocumentMetadata } from '../corpus/types.ts';
import { MOJIBAKE_MARK } from '../corpus/clean/mojibake.ts';
import type { SearchIndex } from '../index/loadIndex.ts';
import { hybridSearch, type SearchHit } from '../retrieve/hybrid.ts';
import { foreignPlacesIn, implementsLaw, NATIONAL, ownRulesAsked, provincialBodiesIn, shortPlaceName } from '../corpus/scope.ts';
import { appliesIn, placesIn, scopeFactor } from '../retrieve/scope.ts';
import { expandQuestion } from '../text/features.ts';
import { readAsMandarin } from '../text/cantonese.ts';
import { normalize } from '../text/normalize.ts';
import { askingClause, askingSentence, clauseQuestions, subQuestions, tellsStory } from '../text/questionForm.ts';
import { splitSentences, splitWholeSentences } from '../text/sentences.ts';
import { citedItem, fitQuote, LIST_ITEM, length, listLead, quotedLength, referredSentence } from './quoteClauses.ts';
import {
  askedKinds,
  asksJobTerms,
  asksOwnQuarrel,
  asksPrivateDebt,
  asksForecast,
  asksPrivateDivision,
  asksInsideStandard,
  asksStatistic,
  countsInOtherMeasure,
  quotesOnlyTargets,
  asksAboutEnactment,
  holdsKind,
  isEnactmentLine,
  VALUE_KINDS,
  type AnswerKind,
} from './answerability.ts';
import { citeQuotes } from './citations.ts';
import { type Candidate, choose, continuation, ESCALATION, escalates, withItems, withLead, withRoomFor } from './quoteChoice.ts';
import { declinedAnswer, relatedProvisions } from './decline.ts';
import { isNonChineseQuestion, isPostalQuestion } from './domain.ts';
import { NOTES } from './notes.ts';
import { definesAskedTerm, withDefinitions } from './definitionLinks.ts';
import { withPenalties } from './penaltyLinks.ts';
import { postOnlyHits } from './courierRules.ts';
import { namesLaw, unheldLaws } from './unheldLaws.ts';
import { articleReferences, namedArticleReply, withNamedArticles } from './articleReference.ts';
import { nounPairs } from './nounPairs.ts';
import { characterTag, taggedWords } from '../text/segment.ts';
import { regulatedOnlyElsewhere } from './localPoints.ts';
import { PASSAGES_READ, passageText, RERANK_DEPTH, rerank, valueFactor } from './rerank.ts';
import { ANSWER_NOUN, coverage, namesTerm, queryTerms, termCoverage, type QueryTerm } from './terms.ts';
import { UserFacingError } from '../userFacingError.ts';
import type { Answer, DeclineReason } from './types.ts';
import { unsettledAlternatives, withoutOtherAlternatives } from './choice.ts';
import { uncountedThings } from './countedThings.ts';
import { bankingAskedAbout, companiesAskedAbout } from './companies.ts';
import { enumeratesAsked, spellsOutSlogan } from './enumerations.ts';

export interface AnswerOptions {
  /** Passages retrieved; the answer draws on the best few of them. */
  k: number;
  /** Below this share of the question's weight covered by the best passage, the bot declines. */
  minSupport: number;
  /**
   * Terms weighing at least this share of the question's heaviest term are its specific content;
   * the passage an answer quotes must hold at least minSpecific of their weight.
   */
  specificShare: number;
  minSpecific: number;
  /**
   * The same two thresholds for a question without any postal word: meeting and directive
   * questions need them, and so do the civil-law questions that share a few words with an article.
   */
  minSupportOther: number;
  minSpecificOther: number;
  /**
   * minSupport for a postal message long enough to tell a story (今天早上送孩子上学，在路口被…撞了，腿擦破了皮
   * 还去医院拍了片，这个钱应该找谁赔？): much of what it tells no article names.
   */
  minSupportStory: number;
  /** Longest answer, markers excluded. */
  maxAnswerChars: number;
  /** Sentences longer than this are cut down to their best clauses. */
  maxSentenceChars: number;
}

// Measured on the dev sets, the everyday dev half and STARD (README, Evaluation).
export const DEFAULT_ANSWER: AnswerOptions = {
  k: 5,
  minSupport: 0.45,
  specificShare: 0.6,
  minSpecific: 0.5,
  minSupportOther: 0.6,
  minSpecificOther: 0.8,
  minSupportStory: 0.35,
  maxAnswerChars: 200,
  maxSentenceChars: 110,
};
export const MAX_QUESTION_CHARS = 500;
const SANCTION_KINDS: readonly AnswerKind[] = ['penalty', 'consequence', 'amount'];
const MISSING_FOCUS_PENALTY = 0.3;
const UNDEFINED_TERM_FACTOR = 0.5;
/** Kinds a definition answers (什么是, 算不算): the passages defining the question's terms compete, and lead. */
const DEFINITIONAL: readonly AnswerKind[] = ['definition', 'classification'];
/** How much more a sentence listing what a 哪些 question asks about (有效证件包括…) weighs. */
const ENUMERATION_FACTOR = 2;
/** How much a word the corpus never uses counts among a postal question's specific words. */
const UNKNOWN_IN_POSTAL_QUESTION = 0.5;
/** How much a verb or other non-noun not next to the question word counts among them. */
const TELLING_IN_POSTAL_QUESTION = 0.5;
/** How much a word of the story before a postal question counts when the passage lacks it. */
const UNMATCHED_STORY_FACTOR = 0.5;
/** How much a thesaurus phrase matched only loosely counts when the passage lacks it (see QueryTerm.loose). */
const UNMATCHED_LOOSE_PHRASE = 0.7;
/** The share of the asking clauses' own words a passage must hold before the story counts less. */
const ASKING_CLAUSES_MIN_COVERAGE = 0.2;

export function validateQuestion(question: string): string {
  const trimmed = question.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/gu, '').trim();
  if (!trimmed) throw new UserFacingError('invalid-request', '问题不能为空');
  if (length(trimmed) > MAX_QUESTION_CHARS) throw new UserFacingError('invalid-request', `问题太长（${length(trimmed)} 字），请控制在 ${MAX_QUESTION_CHARS} 字以内`);
  return trimmed;
}

/** How well the best passages support an answer: the share of the question's weight they cover. */
export function support(hits: readonly SearchHit[], terms: readonly QueryTerm[]): number {
  return Math.max(0, ...hits.slice(0, PASSAGES_READ).map((h) => coverage(terms, passageText(h))));
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
  /** What the decision was based on (null when no passage was read). */
  evidence: AnswerEvidence | null;
}

/**
 * `support`: no passage covers enough of the question; `specific`: the best passage lacks what the
 * question is about; `focus`: the quotes never name the thing asked about (颜色 in 什么颜色); `kind`:
 * the quotes lack what it asks for (an amount, a duration…); `place`: the question is about another
 * country and the quotes never name it, or about a province without rules on a point only other
 * provinces regulate; `compound`: a question without a postal word whose compound
 * noun (政府信息) the quoted passages do not hold as written.
 */
export type FailedCheck = 'support' | 'specific' | 'compound' | 'focus' | 'kind' | 'place';

/**
 * Extractive answer: the sentences of the top passages that cover the question best, in reading
 * order, each followed by its citation marker. Declines when no passage covers enough of the question.
 */
export async function answerQuestion(index: SearchIndex, rawQuestion: string, options: Partial<AnswerOptions> = {}): Promise<Answer> {
  return (await prepareAnswer(index, rawQuestion, options)).extractive;
}

export async function prepareAnswer(index: SearchIndex, rawQuestion: string, options: Partial<AnswerOptions> & { keywords?: readonly string[] } = {}): Promise<PreparedAnswer> {
  const question = validateQuestion(rawQuestion);
  // What the question says, read in Mandarin's words (the reply echoes it as typed).
  const read = readAsMandarin(question);
  const normalized = normalize(read);
  if (isNonChineseQuestion(question)) {
    const declined = declinedAnswer(question, 'not-chinese', [], []);
    return { question, hits: [], extractive: declined, declined, failedCheck: null, evidence: null };
  }
  // Expanded once: the answer's terms and the search read the same expansion.
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
  const hits = rerank(withNamedArticles(ofYear, references), terms, places, kinds, namedArticles).slice(0, Math.max(options.k ?? DEFAULT_ANSWER.k, PASSAGES_READ));
  // Directives are about more than parcels (meetings, epidemic measures), so a question without a
  // postal word is still answered when the corpus supports it; declined, it gets no unrelated provisions.
  const postal = isPostalQuestion(normalized, index.thesaurus);
  const foreign = foreignPlacesIn(normalized);
  // A province without rules of its own may still be in the news the corpus holds (内蒙古局 during the
  // epidemic): declined, such a question is not told the corpus has nothing on the province.
  const unruled = places.filter((place) => ![...index.documents.values()].some((d) => d.scope === place) && index.bm25.documentFrequency(shortPlaceName(place)) === 0);
  const [reason, named]: [DeclineReason, string[]] = foreign.length ? ['foreign', foreign] : unruled.length ? ['no-local-rule', unruled] : ['unsupported', []];
  // A question about the bureau's meetings and directives may name nothing postal (十九大那次会上谁通报的…):
  // when the news the corpus holds comes closest, it is in the domain.
  const inDomain = postal || (DIRECTIVE.test(normalized) && hits[0]?.chunk.article === null && support(hits.slice(0, 1), terms) >= DEFAULT_ANSWER.minSupport);
  const declined = inDomain ? declinedAnswer(question, reason, hits, relatedProvisions(hits, terms), named) : declinedAnswer(question, 'off-topic', [], []);
  // 快递暂行条例第六十条 (no such article), 邮政法第15条说了啥 (the article is the answer).
  const articleReply = namedArticleReply(question, normalized, references, hits, declined.related, options.maxAnswerChars ?? DEFAULT_ANSWER.maxAnswerChars);
  if (articleReply) return { question, hits, extractive: articleReply, declined: articleReply.answered ? declined : articleReply, failedCheck: null, evidence: null };
  // A postal message asking two things is answered when one of them is, and one asking a thing and
  // telling why (能寄几瓶？我过年想寄一箱) when that thing is; elsewhere (a list of
  // civil-law questions) a short part matches too easily.
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
  const parts: [QuestionPart, ...QuestionPart[]] = [
    { question: normalized, asked: read, terms, decides: true },
    ...asked.map((p) => questionPart(p, true)),
    ...clauses.map((c) => questionPart(c, false)),
  ];
  const extracted = extract(parts, hits, postOnlyHits(hits, index.chunks), postal, { ...DEFAULT_ANSWER, ...options });
  // Asked about a province without rules, a point only other provinces regulate has no answer here.
  const localPoint = unruled.length > 0 && !('failed' in extracted) && regulatedOnlyElsewhere(hits, terms, places);
  // Asked what a law the corpus does not hold says (数据安全法对…有什么要求), quotes not naming it answer another question.
  const unheld = 'failed' in extracted ? [] : unheldLaws(normalized, index.documents).filter((law) => !namesLaw(normalize(extracted.answer.answer), law));
  const extraction: Extraction = localPoint ? { failed: 'place', evidence: extracted.evidence } : unheld.length ? { failed: 'focus', evidence: extracted.evidence, unnamed: unheld } : extracted;
  // A postal question declined for want of the thing asked about names it (one about another country
  // or a province without rules keeps its own reply).
  const unnamed = postal && reason === 'unsupported' && 'unnamed' in extraction ? declinedAnswer(question, 'unnamed', hits, declined.related, extraction.unnamed) : declined;
  const extractive = 'failed' in extraction ? unnamed : { ...extraction.answer, question };
  const failedCheck = 'failed' in extraction ? extraction.failed : null;
  return { question, hits, extractive: note ? { ...extractive, note } : extractive, declined, failedCheck, evidence: extraction.evidence };
}

/** The person, not the company (他个人, 快递员本人, 自己): not 个人信息. */
const PERSONAL = /(?:个人|本人|自己)(?!信息|隐私|资料|的信息)/u;
/** Who a provision fines or disciplines besides the company. */
const STAFF = /从业人员|直接负责的主管人员|直接责任人员|工作人员/u;
const STAFF_FACTOR = 1.5;
/**
 * Besides asking for a sanction (罚多少, 有什么后果, 担什么责任), a question naming a wrong (违法, 查处, 报警,
 * 会被怎么处理) may be answered by a provision punishing the deed. Without either, a penalty restating a
 * duty (未提前10日向社会公告 in a list of fines) answers less than the duty itself (应当提前10日向社会公告),
 * and 怎么办 asks what to do now (拆了别人的信怎么办: 重封签章后退还), not what the deed costs.
 */
const SANCTION_WORDS = /违法|犯法|犯罪|责任|查处|吊销|管不管|报警|被(?:怎么|怎样|如何|咋)?处理|会被?(?:怎样|怎么样|咋样)/u;
const UNASKED_SANCTION_FACTOR = 0.85;

/**
 * Kinds of settlement the rules set different service for (城市 six days a week, 乡、镇 five, 农村地区
 * three): cities, towns, the countryside.
 */
const SETTLEMENTS = [/城市|城区|市区/u, /乡、镇|乡镇|镇上|镇里/u, /农村|乡下|乡村|村里|村子|村邮站/u];
const OTHER_SETTLEMENT_FACTOR = 0.7;

/** A notice the bureau sent (发了什么通知): like a meeting, an event of its year. */
const NOTICE = /通知|发文|印发/u;

/** A year the question names (2022年4月那次会): news of another year is about another event. */
const YEAR = /((?:19|20)\d{2})\s*年/gu;
/** 22年4月, 17年那次会: a year of this century written short (not 工作了22年). */
const SHORT_YEAR = /(?<!\d)(\d{2})年(?=\d{1,2}月|那)/gu;
const yearsIn = (normalizedQuestion: string) => [...[...normalizedQuestion.matchAll(YEAR)].map((m) => m[1]!), ...[...normalizedQuestion.matchAll(SHORT_YEAR)].map((m) => `20${m[1]!}`)];

/** Words of meetings and directives (会上, 那次会, 部署, 局长, 安保), not of a shareholders' or residents' meeting. */
const DIRECTIVE = /(?<![股东董事业主职工代表社大])会上|开会|(?<!代表)会议|(?:那|这|上)(?:次|个|场)会|(?:生产|电话|视频|专题|动员|部署|推进)会|讲话|强调|部署|动员|通报|督导|局长|安保/u;

/** Counts and dates (三个, 几件, 2022) say how much or when, not what the question is about. */
const QUANTITY = /^[\d.%几一二三四五六七八九十两百千万]+[个件项条种类大次年月日号]?$/u;

/**
 * What the question is about: the words the corpus never mentions (no passage can hold them, so
 * they lower what any passage covers), and of the others those heavy enough (see
 * AnswerOptions.specificShare); never counts or dates.
 */
function specificTerms(terms: readonly QueryTerm[], share: number): QueryTerm[] {
  const content = terms.filter((t) => length(t.term) >= 2 && !QUANTITY.test(t.term));
  const known = content.filter((t) => !t.unknown);
  const heaviest = Math.max(0, ...known.map((t) => t.idf));
  return content.filter((t) => t.unknown || t.idf >= heaviest * share);
}

/** What decides whether the quoted passages answer the question (see AnswerOptions). */
export interface AnswerEvidence {
  /** Share of the question's weight the quoted passages cover. */
  support: number;
  /** Share of the specific terms' weight they cover. */
  specific: number;
  /** The question has a postal word (see isPostalQuestion): the looser thresholds apply. */
  postal: boolean;
  /** The message tells a story (see tellsStory): the loosest support threshold applies. */
  story: boolean;
}

/**
 * A passage's sentences and the clauses a ； ends, each with the whole sentence it is part of
 * (undefined when it is one). Text cut out as mojibake splits a sentence; the clean fragments
 * around it still count, alone.
 */
function sentencePieces(text: string): { text: string; whole: string | undefined }[] {
  return splitWholeSentences(text).flatMap((whole) => {
    const clauses = splitSentences(whole).flatMap((s) => s.split(MOJIBAKE_MARK).filter((p) => length(p) >= 6));
    return clauses.map((clause) => ({ text: clause, whole: clauses.length > 1 && !whole.includes(MOJIBAKE_MARK) ? whole : undefined }));
  });
}

/**
 * Asked about the post office (邮局, 邮递员, 挂号信), a provision on courier firms alone (快件, 经营快递业务的
 * 企业) binds another trade.
 */
const COURIER_RULE_FOR_POST_OFFICE = 0.9;
/**
 * Asked about couriers alone (快递, 驿站), a rule on the post binds them where its law extends it to
 * courier firms (邮政法第五十九条); the others (its compensation for 给据邮件, see courierRules.ts) bind
 * another trade.
 */
const POST_RULE_FOR_COURIER = 0.7;
const POST_OFFICE_ASKED = /邮局|邮政(?!管理|局)|邮递员|邮差|挂号|平信|邮件/u;
const COURIER_ASKED = /快递|快件|驿站|小哥|揽收|派件/u;
const COURIER_ONLY = /快件|快递/u;
const POST_OFFICE = /邮政企业|邮件|邮局|邮政工作人员/u;

/** Each sentence of the top passages scored against the question, best first. */
function scoreSentences(normalizedQuestion: string, terms: readonly QueryTerm[], hits: readonly SearchHit[], postOnlyHits: ReadonlySet<SearchHit>, opts: AnswerOptions): Candidate[] {
  const focus = terms.filter((t) => t.focus);
  const places = placesIn(normalizedQuestion);
  const ownRules = ownRulesAsked(normalizedQuestion);
  const bodies = provincialBodiesIn(normalizedQuestion);
  const enactmentAsked = asksAboutEnactment(normalizedQuestion);
  const yearsMeeting = yearsIn(normalizedQuestion).length > 0 && (DIRECTIVE.test(normalizedQuestion) || NOTICE.test(normalizedQuestion)) && !enactmentAsked;
  const kinds = askedKinds(normalizedQuestion);
  const personalSanction = kinds.some((k) => SANCTION_KINDS.includes(k)) && PERSONAL.test(normalizedQuestion);
  const sanctionUnasked = !kinds.some((k) => SANCTION_KINDS.includes(k) || k === 'liability') && !SANCTION_WORDS.test(normalizedQuestion);
  const postOfficeAsked = POST_OFFICE_ASKED.test(normalizedQuestion) && !COURIER_ASKED.test(normalizedQuestion);
  const courierAsked = COURIER_ASKED.test(normalizedQuestion) && !POST_OFFICE_ASKED.test(normalizedQuestion);
  const settlementsNamed = SETTLEMENTS.filter((kind) => kind.test(normalizedQuestion));
  const settlementAsked = settlementsNamed.length === 1 ? settlementsNamed[0] : undefined;
  const values = kinds.filter((k) => VALUE_KINDS.includes(k));
  const valueAsked = values.length ? (text: string) => values.every((k) => holdsKind(k, text)) : undefined;
  const candidates: Candidate[] = [];
  hits.slice(0, PASSAGES_READ).forEach((hit, hitRank) => {
    // Asked about 湖北, a 河南 rule answers nothing: it binds elsewhere. Asked for 湖北's own rules, neither does a national one.
    if (!appliesIn(hit.document.scope, places) || (ownRules.length && !ownRules.includes(hit.document.scope))) return;
    const passage = passageText(hit);
    // Asked what 陕西省邮政管理局 did or 青海省邮政管理局 said, only a passage naming the province tells
    // it: a national rule, or another province's section of a news item on several bureaus, does not.
    if (!bodies.every((place) => passage.includes(place))) return;
    // Asked about 2023年's meeting (news of another year is out of the hits already), no article tells it.
    if (hit.chunk.article !== null && yearsMeeting) return;
    const context = normalize([hit.document.title, ...hit.chunk.context, hit.enforces?.text ?? ''].join(' '));
    const place = scopeFactor(hit.document.scope, places);
    const pieces = sentencePieces(hit.chunk.text);
    const texts = pieces.map((p) => p.text);
    pieces.forEach(({ text: sentence, whole }, position) => {
      if (!enactmentAsked && isEnactmentLine(normalize(sentence))) return;
      const clauseLead = listLead(texts, position, opts.maxSentenceChars, terms);
      // A lead that is the last clause of its sentence (情节严重的，处…：) needs the clauses before it
      // (可以处1万元以下的罚款；): the whole sentence leads when it fits.
      const leadWhole = clauseLead && pieces[clauseLead.position]!.whole;
      const lead = clauseLead && leadWhole && length(leadWhole) <= opts.maxSentenceChars ? { ...clauseLead, text: leadWhole } : clauseLead;
      // A clause is scored as it is, but quoted in its whole sentence when that is short: what
      // follows a ； depends on what precedes it (应当事先声明；…可以要求保价), and the other way round.
      const text = fitQuote(sentence, terms, opts.maxSentenceChars, valueAsked);
      // A raised penalty (情节严重的，处…) is read with the penalty it raises.
      const raised = position > 0 && ESCALATION.test(normalize(sentence)) ? `${fitQuote(pieces[position - 1]!.text, terms, opts.maxSentenceChars)}${text}` : text;
      const quoted = whole && length(whole) <= opts.maxSentenceChars ? whole : raised;
      const norm = normalize(text);
      // A provision citing 前款 is about the deed named there: it is read, and covers the question, with it.
      const referred = referredSentence(hit.chunk.text, sentence, opts.maxSentenceChars, terms) ?? citedItem(sentence, hit.enforces?.text);
      const withReferred = referred ? `${normalize(referred)}${norm}` : norm;
      const own = coverage(terms, withReferred);
      // A list item is read under its lead: （一）开办快递末端网点未备案 is fined by the 可以处1万元以下的罚款： above it.
      const read = lead ? `${normalize(lead.text)}${norm}` : withReferred;
      const withContext = coverage(terms, `${context} ${read}`);
      // A sentence without the asked-about word (主持 in 由谁主持) cannot answer the question.
      const answersFocus = focus.length === 0 || focus.some((t) => namesTerm(t, read));
      // Earlier passages win ties: retrieval already judged them more relevant.
      // Asked what a term means, the sentence defining it (快递，是指…) is the answer.
      const defines = !kinds.some((k) => DEFINITIONAL.includes(k)) || definesAskedTerm(normalizedQuestion, norm) ? 1 : UNDEFINED_TERM_FACTOR;
      // Asked which ones (哪些证件, 三个优先), the sentence listing them (有效证件包括…; 优先…，优先…，优先…) is the answer.
      const lists = (kinds.includes('list') && enumeratesAsked(focus, norm)) || spellsOutSlogan(normalizedQuestion, norm) ? ENUMERATION_FACTOR : 1;
      // Asked what the employee himself is fined (他个人罚多少), the paragraph fining staff is the answer (not a duty naming them).
      const staff = personalSanction && STAFF.test(read) && holdsKind('penalty', read) ? STAFF_FACTOR : 1;
      // Asked about the countryside, the sentence on cities (or towns) answers another question.
      const settlement = settlementAsked && !settlementAsked.test(norm) && SETTLEMENTS.some((other) => other.test(norm)) ? OTHER_SETTLEMENT_FACTOR : 1;
      const unasked = sanctionUnasked && holdsKind('penalty', read) ? UNASKED_SANCTION_FACTOR : 1;
      const postOnly = courierAsked && postOnlyHits.has(hit) && POST_OFFICE.test(read) && !COURIER_ONLY.test(read);
      const trade = postOfficeAsked && COURIER_ONLY.test(read) && !POST_OFFICE.test(read) ? COURIER_RULE_FOR_POST_OFFICE : postOnly ? POST_RULE_FOR_COURIER : 1;
      const score =
        (0.7 * own + 0.3 * withContext) * (1 - hitRank * 0.05) * place * valueFactor(kinds, read) * defines * lists * staff * settlement * unasked * trade * (answersFocus ? 1 : MISSING_FOCUS_PENALTY);
      // Quoted whole, the sentence is followed by the next one, not by its own next clause.
      const next = (quoted === whole ? pieces.slice(position + 1).find((p) => p.whole !== whole) : pieces[position + 1])?.text;
      candidates.push({ hit, hitRank, position, text: quoted, score, next, passage, lead: lead && { hit, hitRank, ...lead } });
    });
  });
  return candidates.sort((a, b) => b.score - a.score);
}

/** How much of the question a passage covers: all its words, and its specific ones (see failedCheck). */
export function evidenceFor(terms: readonly QueryTerm[], passage: string, postal: boolean, opts: AnswerOptions, story = false): AnswerEvidence {
  // In a postal question an unfamiliar word is often an example a general rule covers (金项链 for
  // 贵重物品) or the way someone tells what happened (塞进, 问过): it counts, but less.
  // A phrase the question holds only with its words apart is a guess: lacking it counts less.
  const plain = terms.map((t) => {
    const unknown = t.unknown && postal ? UNKNOWN_IN_POSTAL_QUESTION : 1;
    const guessed = t.loose && termCoverage(t, passage) === 0 ? UNMATCHED_LOOSE_PHRASE : 1;
    return unknown * guessed === 1 ? t : { ...t, weight: t.weight * unknown * guessed };
  });
  // The story told before a postal question (腿擦破了皮还去医院拍了片) is mostly detail no article
  // names: what it says that the passage lacks counts less — once the passage answers what is asked.
  // An asking clause that only frames (现在该怎么处理才合适) leaves the story to say what it is about.
  const asking = plain.filter((t) => !t.told && !t.frame);
  const answersAsking = postal && (asking.length === 0 || coverage(asking, passage) >= ASKING_CLAUSES_MIN_COVERAGE);
  const weighed = answersAsking ? plain.map((t) => (t.told && termCoverage(t, passage) === 0 ? { ...t, weight: t.weight * UNMATCHED_STORY_FACTOR } : t)) : plain;
  // How someone tells what happened (交给, 才能, 提到) is rarely what a postal question is about, and
  // how they frame it (一定, 这边, 有人) never is; the verb next to the question word (由谁主持) is.
  // Nor is a word of the story no text knows (茶具, 杯子, 租户), though one in the asking clause
  // (关税起征点是多少) is: nothing here states it. Elsewhere a framing word stays: a civil-law
  // question shares too few other words with an article.
  const specific = specificTerms(postal ? weighed.filter((t) => !t.frame && !(t.unknown && t.told)) : weighed, opts.specificShare).map((t) =>
    postal && !t.matter && !t.focus ? { ...t, weight: t.weight * TELLING_IN_POSTAL_QUESTION } : t,
  );
  return {
    support: coverage(weighed, passage),
    specific: coverage(specific, passage),
    postal,
    story,
  };
}

/**
 * The check the quoted passages fail, if any. A question without a postal word must be matched
 * more closely: it is a directive's own wording, or a question about something else entirely.
 */
export function failedCheck(evidence: AnswerEvidence, opts: AnswerOptions): FailedCheck | null {
  const [minSupport, minSpecific] = evidence.postal ? [evidence.story ? opts.minSupportStory : opts.minSupport, opts.minSpecific] : [opts.minSupportOther, opts.minSpecificOther];
  if (evidence.support < minSupport) return 'support';
  if (evidence.specific < minSpecific) return 'specific';
  return null;
}

/**
 * Whether the quotes from the best passage hold every kind of content the question asks for: an
 * amount quoted from another passage (a compensation cap) does not answer 保管费收多少.
 */
function holdsAsked(kinds: readonly AnswerKind[], chosen: readonly Candidate[]): boolean {
  const best = chosen[0];
  const text = normalize(
    chosen
      .filter((c) => best && sameMatter(c.hit, best.hit))
      .map((c) => c.text)
      .join(''),
  );
  return kinds.every((k) => holdsKind(k, text));
}

/**
 * The best-scoring other sentence of the best passage, or of the provision stating its penalty,
 * that holds what the quotes lack (the time limit of an article whose first sentence matched the
 * question's words best; the fine for breaching it), if any.
 */
function sentenceHolding(kinds: readonly AnswerKind[], chosen: readonly Candidate[], candidates: readonly Candidate[]): Candidate | undefined {
  const best = chosen[0];
  const quoted = new Set(chosen.map((c) => c.text));
  return candidates.find((c) => best && sameMatter(c.hit, best.hit) && !quoted.has(c.text) && holdsAsked(kinds, [...chosen, c]));
}

/** A part of the message the quotes cover this much is answered by them. */
const PART_COVERED = 0.5;
/** A sentence answering another part must score this share of the best one for the whole message… */
const OTHER_PART_SHARE = 0.5;
/** …and cover this much of the part on its own (with its list's lead). */
const OTHER_PART_COVERAGE = 0.4;

/**
 * A message asking two things (过多久会退回？取的时候带什么) gets a quote for each: a sentence covering a
 * part the quotes leave out, from those the whole message scored well enough or from a passage
 * already quoted (要办营业执照吗？要去哪备案: the article's short 无需办理营业执照 shares little with the
 * message as a whole).
 */
function withOtherParts(chosen: Candidate[], best: Candidate, candidates: readonly Candidate[], parts: readonly QuestionPart[], opts: AnswerOptions): Candidate[] {
  let quotes = chosen;
  for (const part of parts.slice(1)) {
    const quoted = normalize(quotes.map((c) => c.text).join(''));
    // Covered as a whole, in its heaviest words and in the value it asks for: 开驿站 quoted does not
    // answer 要办营业执照吗, nor 监控 quoted 没装监控罚多少.
    const kinds = askedKinds(part.question).filter((k) => VALUE_KINDS.includes(k));
    const holds = (text: string) => kinds.every((k) => holdsKind(k, text));
    const specific = specificTerms(
      part.terms.filter((t) => !t.frame),
      opts.specificShare,
    );
    // The value must come with the part's own words: 一年内 of 上缴国库 does not say 几天内去取.
    const valueQuoted = kinds.length === 0 || quotes.some((q) => holds(normalize(q.text)) && coverage(part.terms, normalize(q.text)) >= OTHER_PART_COVERAGE);
    if (coverage(part.terms, quoted) >= PART_COVERED && (specific.length === 0 || coverage(specific, quoted) >= PART_COVERED) && valueQuoted) continue;
    // Not a clause of a sentence already quoted whole.
    const answers = (c: Candidate) => {
      const read = normalize(`${c.lead?.text ?? ''}${c.text}`);
      return !quoted.includes(normalize(c.text)) && coverage(part.terms, read) >= OTHER_PART_COVERAGE && holds(read);
    };
    const other = candidates.find((c) => quotes.some((q) => q.hit === c.hit) && answers(c)) ?? candidates.find((c) => c.score >= best.score * OTHER_PART_SHARE && answers(c));
    if (other) quotes = withRoomFor(quotes, { ...other }, opts.maxAnswerChars);
  }
  return quotes;
}

/** How far below the best sentence the named province's own sentence may score and still be quoted (see withOwnRule). */
const OWN_RULE_SHARE = 0.25;

/**
 * Asked about a named province (北京新建小区多久开始投递), quotes of national rules alone are joined by
 * the province's own sentence holding the value asked (在二个月内安排投递 beside the national 九十日内): where
 * the question is, its own rule is the one that binds.
 */
function withOwnRule(chosen: Candidate[], best: Candidate, candidates: readonly Candidate[], normalizedQuestion: string, kinds: readonly AnswerKind[], opts: AnswerOptions): Candidate[] {
  const places = placesIn(normalizedQuestion);
  const values = kinds.filter((k) => VALUE_KINDS.includes(k));
  if (!places.length || !values.length || chosen.some((c) => places.includes(c.hit.document.scope))) return chosen;
  const own = candidates.find((c) => places.includes(c.hit.document.scope) && c.score >= best.score * OWN_RULE_SHARE && holdsAsked(values, withLead(c)));
  return own ? withRoomFor(chosen, { ...own }, opts.maxAnswerChars) : chosen;
}

/** How far below the best sentence a higher rule's may score and still lead the answer (see withHigherRule). */
const HIGHER_RULE_SHARE = 0.7;

/**
 * How a rule of `document` binds above every quoted one, if it does: as a national rule above
 * provincial ones when the question names no place (it binds everywhere, they only in their
 * province), or as a law above the rules implementing it, which yield to it where both speak.
 */
function outranks(document: DocumentMetadata, quoted: readonly DocumentMetadata[], placeNamed: boolean): 'national' | 'law' | null {
  if (document.scope !== NATIONAL) return null;
  if (quoted.every((d) => implementsLaw(d, document.title))) return 'law';
  return !placeNamed && quoted.every((d) => d.scope !== NATIONAL) ? 'national' : null;
}

/**
 * Quotes of lower rules alone (a province's, or a law's implementing rules) are led by the higher
 * rule's best sentence when it scores near them and holds what is asked (上门投递 under 快递暂行条例第二十五条
 * before 浙江's detailed steps; 邮政法's 义务兵 letters before its 实施细则's).
 */
function withHigherRule(chosen: Candidate[], best: Candidate, candidates: readonly Candidate[], normalizedQuestion: string, kinds: readonly AnswerKind[], opts: AnswerOptions): Candidate[] {
  const quoted = chosen.map((c) => c.hit.document);
  const placeNamed = placesIn(normalizedQuestion).length > 0;
  const higher = candidates.find((c) => c.hit.chunk.article !== null && c.score >= best.score * HIGHER_RULE_SHARE && outranks(c.hit.document, quoted, placeNamed) && holdsAsked(kinds, withLead(c)));
  if (!higher) return chosen;
  const led = withLead(higher).map((c) => ({ ...c }));
  // Lower quotes make room, weakest first, the best one always staying as the addition. Implementing
  // rules keep their best passage whole: it holds their detail (有效证件包括…), which the law leaves to them.
  const overLaw = outranks(higher.hit.document, quoted, placeNamed) === 'law';
  const keeps = (c: Candidate) => c === chosen[0] || (overLaw && c.hit === best.hit);
  const quotes = [...led, ...chosen];
  for (let i = quotes.length - 1; i >= led.length && quotedLength(quotes) > opts.maxAnswerChars; i--) if (!keeps(quotes[i]!)) quotes.splice(i, 1);
  return quotedLength(quotes) > opts.maxAnswerChars ? chosen : quotes;
}

/** Below this many characters an answer reads as a fragment: the sentence next to its best quote joins it. */
const SHORT_ANSWER = 50;

/**
 * A short answer with the sentence before or after its best quote that shares the question's words
 * (对实名举报的，…告知举报人 after 为举报人保密; 用户拒绝开拆的，不予收寄 after 可以要求用户开拆): an
 * article's sentences finish each other's thought. Never another item of a list, nor a sentence
 * holding another value of the kind asked (the company's fine next to the employee's).
 */
function withNeighbour(chosen: Candidate[], best: Candidate, candidates: readonly Candidate[], kinds: readonly AnswerKind[], opts: AnswerOptions): Candidate[] {
  const used = quotedLength(chosen);
  if (used >= SHORT_ANSWER || LIST_ITEM.test(best.text.trim())) return chosen;
  const quoted = chosen.map((c) => normalize(c.text));
  const values = kinds.filter((k) => VALUE_KINDS.includes(k));
  const neighbour = candidates.find((c) => {
    const text = normalize(c.text);
    return (
      c.hit === best.hit &&
      Math.abs(c.position - best.position) === 1 &&
      c.score > 0 &&
      !LIST_ITEM.test(c.text.trim()) &&
      !values.some((k) => holdsKind(k, text)) &&
      !quoted.some((q) => q.includes(text) || text.includes(q))
    );
  });
  return neighbour && used + length(neighbour.text) <= opts.maxAnswerChars ? [...chosen, { ...neighbour }] : chosen;
}

/**
 * Quotes that never name what the question asks (its focus: 主持 in 是谁主持的; the thing asked about when
 * it names one, 人员 of 返沪人员有啥安排, as unnamedAskedThings requires) get the best sentence of the same
 * passage or news item that does: a meeting's chair is told in one short line of its report, which
 * shares few of a long question's words.
 */
function withFocusNamed(chosen: Candidate[], best: Candidate, candidates: readonly Candidate[], focus: readonly QueryTerm[], opts: AnswerOptions): Candidate[] {
  const things = askedThings(focus);
  const wanted = things.length ? things : focus;
  const names = (text: string) => wanted.some((t) => namesTerm(t, normalize(text)));
  if (wanted.length === 0 || names(chosen.map((c) => c.text).join(''))) return chosen;
  const sameItem = (c: Candidate) => sameMatter(c.hit, best.hit) || (best.hit.chunk.article === null && c.hit.document === best.hit.document);
  const naming = candidates.find((c) => sameItem(c) && names(c.text));
  return naming ? withRoomFor(chosen, { ...naming }, opts.maxAnswerChars) : chosen;
}

/**
 * Quotes from a passage that also lists what the question asks about (带什么证件 → 有效证件包括居民身份证、
 * 户口簿) get that list when it fits: it shares little else with the question, so it rarely scores
 * among the best.
 */
function withEnumeration(chosen: Candidate[], best: Candidate, candidates: readonly Candidate[], focus: readonly QueryTerm[], opts: AnswerOptions): Candidate[] {
  const lists = (c: Candidate) => enumeratesAsked(focus, normalize(c.text));
  if (focus.length === 0 || chosen.some(lists)) return chosen;
  const listing = candidates.find((c) => sameMatter(c.hit, best.hit) && lists(c));
  const fits = listing && quotedLength([...chosen, listing]) <= opts.maxAnswerChars;
  return fits ? [...chosen, { ...listing }] : chosen;
}

/** The same passage, or a duty article and the provision stating its penalty (see penaltyLinks.ts). */
function sameMatter(a: SearchHit, b: SearchHit): boolean {
  return a === b || a.enforces?.id === b.chunk.id || b.enforces?.id === a.chunk.id;
}

/**
 * The things the question asks about — nouns next to the question word (什么颜色, 叫什么名字) — when
 * the quotes name none of them, itself or as a thesaurus alternative: a passage about the same
 * vehicle or company that never names its colour or its name does not answer (the nouns come from
 * jieba's tags, which call some nouns verbs: 保费). Empty when they name one (or the question asks about no such thing).
 */
function unnamedAskedThings(terms: readonly QueryTerm[], quotes: string): string[] {
  const asked = askedThings(terms);
  return asked.some((t) => namesTerm(t, quotes)) ? [] : asked.map((t) => t.term);
}

/** The nouns next to the question word (颜色 of 什么颜色, 人员 of 返沪人员有啥安排): the things asked about. */
function askedThings(terms: readonly QueryTerm[]): QueryTerm[] {
  // A state (坏了, 丢了) tells what happened to the thing, and a time (疫情期间怎么解决) when: neither is a thing.
  return terms.filter((t) => t.focus && t.matter && !ANSWER_NOUN.test(t.term) && !t.term.endsWith('了') && !TIME_PHRASE.test(t.term));
}

const TIME_PHRASE = /(?:期间|时期|时候|阶段|那会儿?|那阵子?)$/u;

/** A question and its weighted terms: the whole question, or one of the questions it asks. */
interface QuestionPart {
  /** Normalized, as matched. */
  question: string;
  /** As typed, as shown. */
  asked: string;
  terms: QueryTerm[];
  /** Whether the part's coverage may decide the answer (a question of its own), or only what it quotes (a clause). */
  decides: boolean;
}

/**
 * The part of the question the quoted passages answer best: the whole, or, when it asks two
 * questions, one of them. Judged by the weaker of the two coverages, so no threshold picks it.
 */
function answeredPart(parts: readonly [QuestionPart, ...QuestionPart[]], passages: string, postal: boolean, opts: AnswerOptions): { part: QuestionPart; evidence: AnswerEvidence } {
  const story = tellsStory(parts[0].question);
  return parts
    .filter((part) => part.decides)
    .map((part) => ({ part, evidence: evidenceFor(withoutOtherAlternatives(part.question, part.terms, passages), passages, postal, opts, story) }))
    .reduce((a, b) => (Math.min(b.evidence.support, b.evidence.specific) > Math.min(a.evidence.support, a.evidence.specific) ? b : a));
}

type Extraction = { answer: Omit<Answer, 'question'>; evidence: AnswerEvidence } | { failed: FailedCheck; evidence: AnswerEvidence | null; unnamed?: string[] };

/**
 * How far below the best sentence one that holds what was asked may score and still lead the
 * answer, when the best one's passage does not hold it (a national rule leaving 时速 and 载重 to
 * local rules, a province's rule stating them).
 */
const HOLDING_LEAD_SHARE = 0.4;
/** The share of the question's specific words its passage must hold (AnswerOptions.minSpecific is looser). */
const HOLDING_LEAD_MIN_SPECIFIC = 0.7;

/** The answer, or the check that failed when the corpus does not support one. */
function extract(parts: readonly [QuestionPart, ...QuestionPart[]], hits: SearchHit[], postOnly: ReadonlySet<SearchHit>, postal: boolean, opts: AnswerOptions): Extraction {
  const { question: normalizedQuestion, terms } = parts[0];
  if (terms.length === 0 || hits.length === 0) return { failed: 'support', evidence: null };
  const candidates = scoreSentences(normalizedQuestion, terms, hits, postOnly, opts);
  const best = candidates[0];
  if (!best || best.score <= 0) return { failed: 'support', evidence: null };
  const first = answerFrom(best, candidates, parts, postal, opts);
  const kinds = askedKinds(normalizedQuestion);
  // Only a value (a sum, a time limit, a penalty) or a liability (承担什么责任: the sanction of a duty
  // that matched best) singles a passage out: nearly every article permits, forbids or names a body.
  // Without a postal word the question must be matched closely.
  if (!('failed' in first) || first.failed !== 'kind' || !postal || !kinds.some((k) => VALUE_KINDS.includes(k) || k === 'liability')) return first;
  // Its own passage must support the answer, and closely: the best one's would make any sentence
  // holding a sum look supported, and a second choice is a guess (24小时值班 for 会开了多长时间).
  const story = tellsStory(normalizedQuestion);
  const supported = (c: Candidate) => {
    const evidence = evidenceFor(terms, c.passage, postal, opts, story);
    return !failedCheck(evidence, opts) && evidence.specific >= HOLDING_LEAD_MIN_SPECIFIC;
  };
  const holding = candidates.find((c) => c.hit !== best.hit && c.score >= best.score * HOLDING_LEAD_SHARE && holdsAsked(kinds, withLead(c)) && supported(c));
  if (!holding) return first;
  const second = answerFrom(holding, candidates, parts, postal, opts);
  return 'failed' in second ? first : second;
}

/** The answer quoting what `best` leads, or the check it fails. */
function answerFrom(best: Candidate, candidates: readonly Candidate[], parts: readonly [QuestionPart, ...QuestionPart[]], postal: boolean, opts: AnswerOptions): Extraction {
  const { question: normalizedQuestion, terms } = parts[0];
  const asksSanction = askedKinds(normalizedQuestion).some((k) => SANCTION_KINDS.includes(k));
  const picked = choose(best, candidates, terms, asksSanction, opts);
  // What the quoted passages hold together (a national rule and a provincial addition) is the evidence.
  const quoted = [...new Set(picked.map((c) => c.passage))].join(' ');
  const { part, evidence } = answeredPart(parts, quoted, postal, opts);
  const failed = failedCheck(evidence, opts);
  if (failed) return { failed, evidence };
  // Without a postal word the question is a directive's own wording or about something else: its
  // compound nouns must be there as written.
  // Punctuation inside a compound is no break in it (十九大”安保, 口罩、消毒液).
  const unpunctuated = quoted.replace(/[\p{P}\s]/gu, '');
  if (!postal && !nounPairs(taggedWords(part.question, part.question), characterTag).every((pair) => unpunctuated.includes(pair))) return { failed: 'compound', evidence };
  if (!foreignPlacesIn(part.question).every((place) => quoted.toLowerCase().includes(place))) return { failed: 'place', evidence };
  const kinds = askedKinds(part.question);
  const holding = holdsAsked(kinds, picked) ? undefined : sentenceHolding(kinds, picked, candidates);
  const quote = holding && { ...holding };
  if (quote && asksSanction && escalates(quote)) quote.text += continuation(quote, new Set(picked.map((c) => normalize(c.text))), terms, opts);
  // The sentence holding what was asked makes room for itself.
  // A list's lead so added (任何单位和个人不得有下列行为：) brings its best item, as a chosen one does.
  const held = quote ? withItems(withRoomFor(picked, quote, opts.maxAnswerChars), candidates, opts) : picked;
  const focus = part.terms.filter((t) => t.focus);
  const completed = withEnumeration(withFocusNamed(held, best, candidates, focus, opts), best, candidates, focus, opts);
  // Room made for another part's answer never costs the quote holding what the whole asks.
  const extended = withOtherParts(
    withNeighbour(withHigherRule(withOwnRule(completed, best, candidates, normalizedQuestion, kinds, opts), best, candidates, normalizedQuestion, kinds, opts), best, candidates, kinds, opts),
    best,
    candidates,
    parts,
    opts,
  );
  const chosen = holdsAsked(kinds, extended) || !holdsAsked(kinds, completed) ? extended : completed;
  const quotes = normalize(chosen.map((c) => c.text).join(''));
  if (
    !holdsAsked(kinds, chosen) ||
    quotesOnlyTargets(
      part.question,
      chosen.map((c) => normalize(c.text)),
    ) ||
    // A regulation's article states rules, never statistics.
    (asksStatistic(part.question) && chosen.every((c) => c.hit.chunk.article !== null)) ||
    asksInsideStandard(
      part.question,
      chosen.map((c) => c.hit.document.title),
    ) ||
    countsInOtherMeasure(part.question, quotes) ||
    asksPrivateDivision(part.question, quotes) ||
    asksOwnQuarrel(normalizedQuestion) ||
    asksJobTerms(normalizedQuestion, quotes) ||
    asksPrivateDebt(normalizedQuestion) ||
    asksForecast(normalizedQuestion) ||
    // Asked what a term outside the post means or covers (哪些行为算行政处罚), only a definition of it
    // answers: a rule merely naming it (违法实施行政处罚的) does not.
    (!postal && kinds.some((k) => DEFINITIONAL.includes(k)) && !chosen.some((c) => definesAskedTerm(part.question, normalize(c.text))))
  )
    return { failed: 'kind', evidence };
  const companies = [...companiesAskedAbout(part.question), ...bankingAskedAbout(part.question)].filter((company) => !quotes.toLowerCase().includes(company));
  // The thing asked about may be named by the heading the quotes stand under (内蒙古自治区邮政管理局 above its section).
  const headings = normalize([...new Set(chosen.flatMap((c) => [c.hit.document.title, ...c.hit.chunk.context]))].join(' '));
  const unnamed = [
    ...unnamedAskedThings(part.terms, `${quotes} ${headings}`),
    ...unsettledAlternatives(part.question, part.terms, quotes),
    ...uncountedThings(part.question, part.terms, quotes),
    ...companies,
  ];
  if (unnamed.length) return { failed: 'focus', evidence, unnamed };
  const { text, citations } = citeQuotes(chosen, '', placesIn(part.question));
  const answer: Omit<Answer, 'question'> = { answered: true, answer: text, mode: 'extractive', citations, closest: [], declined: null, related: [] };
  return { answer: part === parts[0] ? answer : { ...answer, answeredPart: part.asked }, evidence };
}
