import type { DocumentMetadata } from '../corpus/types.ts';
import { MOJIBAKE_MARK } from '../corpus/clean/mojibake.ts';
import type { SearchHit } from '../retrieve/hybrid.ts';
import { foreignPlacesIn, implementsLaw, NATIONAL, ownRulesAsked, provincialBodiesIn } from '../corpus/scope.ts';
import { appliesIn, placesIn, scopeFactor } from '../retrieve/scope.ts';
import { normalize } from '../text/normalize.ts';
import { tellsStory } from '../text/questionForm.ts';
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
  asksThisYearsNews,
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
import { definesAskedTerm } from './definitionLinks.ts';
import { nounPairs } from './nounPairs.ts';
import { characterTag, taggedWords } from '../text/segment.ts';
import { PASSAGES_READ, passageText, valueFactor } from './rerank.ts';
import { ANSWER_NOUN, coverage, namesTerm, type QueryTerm } from './terms.ts';
import type { Answer } from './types.ts';
import { type AnswerEvidence, evidenceFor, type FailedCheck, failedCheck, specificTerms } from './evidence.ts';
import type { AnswerOptions } from './options.ts';
import { unsettledAlternatives, withoutOtherAlternatives } from './choice.ts';
import { uncountedThings } from './countedThings.ts';
import { productsAskedAbout, companiesAskedAbout } from './companies.ts';
import { enumeratesAsked, spellsOutSlogan } from './enumerations.ts';
import { asksPersonalSanction, SANCTION_KINDS, sanctionsStaff } from './staffSanctions.ts';

const MISSING_FOCUS_PENALTY = 0.3;
const UNDEFINED_TERM_FACTOR = 0.5;
/** Kinds a definition answers (什么是, 算不算): the passages defining the question's terms compete, and lead. */
export const DEFINITIONAL: readonly AnswerKind[] = ['definition', 'classification'];
/** How much more a sentence listing what a 哪些 question asks about (有效证件包括…) weighs. */
const ENUMERATION_FACTOR = 2;

/** How much more a sentence fining staff counts when the employee's own fine is asked (see staffSanctions.ts). */
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
export const yearsIn = (normalizedQuestion: string) => [...[...normalizedQuestion.matchAll(YEAR)].map((m) => m[1]!), ...[...normalizedQuestion.matchAll(SHORT_YEAR)].map((m) => `20${m[1]!}`)];

/** Words of meetings and directives (会上, 那次会, 部署, 局长, 安保), not of a shareholders' or residents' meeting. */
export const DIRECTIVE = /(?<![股东董事业主职工代表社大])会上|开会|(?<!代表)会议|(?:那|这|上)(?:次|个|场)会|(?:生产|电话|视频|专题|动员|部署|推进)会|讲话|强调|部署|动员|通报|督导|局长|安保/u;

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
  const personalSanction = asksPersonalSanction(normalizedQuestion, kinds);
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
      const staff = personalSanction && sanctionsStaff(read) ? STAFF_FACTOR : 1;
      // Asked about the countryside, the sentence on cities (or towns) answers another question.
      const settlement = settlementAsked && !settlementAsked.test(norm) && SETTLEMENTS.some((other) => other.test(norm)) ? OTHER_SETTLEMENT_FACTOR : 1;
      const unasked = sanctionUnasked && holdsKind('penalty', read) ? UNASKED_SANCTION_FACTOR : 1;
      // Asked about couriers alone (快递, 驿站), a rule on the post binds them where its law extends it to
      // courier firms (邮政法第五十九条); the others (its compensation for 给据邮件, see courierRules.ts)
      // bind another trade and answer nothing.
      // A clause is judged with the sentence it is quoted in (挂号信件… after 未保价的给据邮件…；).
      const bound = quoted === text ? read : `${read}${normalize(quoted)}`;
      if (courierAsked && postOnlyHits.has(hit) && POST_OFFICE.test(bound) && !COURIER_ONLY.test(bound)) return;
      const trade = postOfficeAsked && COURIER_ONLY.test(bound) && !POST_OFFICE.test(bound) ? COURIER_RULE_FOR_POST_OFFICE : 1;
      const score =
        (0.7 * own + 0.3 * withContext) * (1 - hitRank * 0.05) * place * valueFactor(kinds, read) * defines * lists * staff * settlement * unasked * trade * (answersFocus ? 1 : MISSING_FOCUS_PENALTY);
      // Quoted whole, the sentence is followed by the next one, not by its own next clause.
      const next = (quoted === whole ? pieces.slice(position + 1).find((p) => p.whole !== whole) : pieces[position + 1])?.text;
      candidates.push({ hit, hitRank, position, text: quoted, score, next, passage, lead: lead && { hit, hitRank, ...lead } });
    });
  });
  return candidates.sort((a, b) => b.score - a.score);
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
export interface QuestionPart {
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

export type Extraction = { answer: Omit<Answer, 'question'>; evidence: AnswerEvidence } | { failed: FailedCheck; evidence: AnswerEvidence | null; unnamed?: string[] };

/**
 * How far below the best sentence one that holds what was asked may score and still lead the
 * answer, when the best one's passage does not hold it (a national rule leaving 时速 and 载重 to
 * local rules, a province's rule stating them).
 */
const HOLDING_LEAD_SHARE = 0.4;
/** The share of the question's specific words its passage must hold (AnswerOptions.minSpecific is looser). */
const HOLDING_LEAD_MIN_SPECIFIC = 0.7;

/** The answer, or the check that failed when the corpus does not support one. */
export function extract(parts: readonly [QuestionPart, ...QuestionPart[]], hits: SearchHit[], postOnly: ReadonlySet<SearchHit>, postal: boolean, opts: AnswerOptions): Extraction {
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
  // The rule of the place the question names binds there: it need only pass the usual checks.
  const story = tellsStory(normalizedQuestion);
  const places = placesIn(normalizedQuestion);
  const supported = (c: Candidate) => {
    const evidence = evidenceFor(terms, c.passage, postal, opts, story);
    return !failedCheck(evidence, opts) && (places.includes(c.hit.document.scope) || evidence.specific >= HOLDING_LEAD_MIN_SPECIFIC);
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
    // A regulation's article states rules, never statistics or this year's news.
    ((asksStatistic(part.question) || asksThisYearsNews(part.question, kinds)) && chosen.every((c) => c.hit.chunk.article !== null)) ||
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
  const companies = [...companiesAskedAbout(part.question), ...productsAskedAbout(part.question)].filter((company) => !quotes.toLowerCase().includes(company));
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
