import { CITY_PROVINCES } from '../corpus/cities.ts';
import { placesIn, shortPlaceName } from '../corpus/scope.ts';
import { kindSpans } from './answerability.ts';
import type { Bm25Index } from '../index/bm25.ts';
import { dictionaryWords, generalIdf, hanBigrams, isDictionaryWord, searchTokens, searchTokensOfEach, taggedWords } from '../text/segment.ts';
import { BIGRAM_PREFIX, type ExpandedQuestion } from '../text/features.ts';
import { clausesOf, quotedSegments, withoutIndefinites } from '../text/questionForm.ts';
import { STOPWORDS } from '../text/stopwords.ts';
import type { Expansion } from '../text/thesaurus.ts';
import { questionWordWeights, ROLE_WEIGHT, type TaggedWord } from '../text/wordRole.ts';

export interface QueryTerm {
  term: string;
  weight: number;
  bigrams: string[];
  /** Next to the question word: what is being asked about (由谁**主持**). */
  focus: boolean;
  /** Names a thing (a noun, a name, a thesaurus term, a quoted phrase) rather than telling or framing (see wordRole.ts). */
  matter: boolean;
  /** Only frames the question (有人, 一定, 这边, 之后; the 条件 of 什么条件): a pronoun, adverb, numeral, preposition, place or time word, or a noun naming the kind of answer. */
  frame: boolean;
  /** What the thesaurus also accepts in its place (快递柜: 智能快件箱, …). */
  alternatives: string[];
  /** Said only in the story the asker tells before asking (上周出差了，…), in no clause that asks. */
  told: boolean;
  /** A thesaurus phrase the question holds only with its words apart (打包卖给别人 for 包给别人): a guess. */
  loose: boolean;
  /** The weight before the question-word boost: how specific the word is in this corpus. */
  idf: number;
  /**
   * Neither the word nor any alternative occurs in the corpus, not even as its character pairs, and
   * it is rare in general Chinese (人格权, 业主委员会): something the corpus never mentions.
   */
  unknown: boolean;
}

/**
 * A word the corpus never uses is content when it is this rare in general Chinese (jieba's IDF:
 * 诉讼 7.4, 人格权 12.8) and filler when more common (门口 6.2, 结果 5.0, 不能 4.0).
 */
const UNKNOWN_CONTENT_IDF = 7;
/** jieba's IDF of its rarest words: a filler word's weight is scaled by its share of it. */
const RARE_GENERAL_IDF = 12;
const SINGLE_CHARACTER_WEIGHT = 0.5;
/** A passage holding an alternative instead of the typed word covers it this much. */
export const ALTERNATIVE_CREDIT = 0.85;

/** A text's search tokens (searchTokens), from those queryTerms had segmented together (see tokenizerFor). */
type Tokenizer = (normalized: string) => string[];

/**
 * The search tokens of the question and of the thesaurus alternatives the corpus does not use as
 * words (which termWeight looks into), from one call to the segmentation worker: a call each was
 * most of an answer's calls, and each costs tens of microseconds besides the segmentation. Any
 * other text is segmented when asked for.
 */
function tokenizerFor(asked: string, expansions: readonly Expansion[], bm25: Bm25Index): Tokenizer {
  const unindexed = expansions.flatMap((e) => e.alternatives).filter((a) => bm25.documentFrequency(a) === 0);
  const texts = [...new Set([modalApart(asked), ...unindexed])];
  const tokens = new Map(searchTokensOfEach(texts).map((segmented, i) => [texts[i]!, segmented]));
  return (text) => tokens.get(text) ?? searchTokens(text);
}

/**
 * How informative a word or phrase is in this corpus: its IDF when it is indexed as a word, else
 * that of its rarest known part (智能快件箱 → 快件箱); null when the corpus has none of it.
 */
function corpusIdf(phrase: string, bm25: Bm25Index, tokensOf: Tokenizer): number | null {
  if (bm25.documentFrequency(phrase) > 0) return bm25.idf(phrase);
  const known = tokensOf(phrase).filter((t) => bm25.documentFrequency(t) > 0);
  return known.length ? Math.max(...known.map((t) => bm25.idf(t))) : null;
}

/**
 * A term's weight: its own IDF when the corpus uses it, else the IDF of its most specific
 * alternative (an everyday word weighs what its statutory counterpart weighs); a word the corpus
 * never uses and the thesaurus does not know weighs as the rarest when it is rare in general
 * Chinese, and less the more common it is (filler such as 门口, 结果).
 */
function termWeight(term: string, alternatives: readonly string[], bm25: Bm25Index, tokensOf: Tokenizer): { idf: number; unknown: boolean } {
  if (bm25.documentFrequency(term) > 0) return { idf: bm25.idf(term), unknown: false };
  const known = alternatives.map((a) => corpusIdf(a, bm25, tokensOf)).filter((w): w is number => w !== null);
  if (known.length) return { idf: Math.max(...known), unknown: false };
  const general = generalIdf(term);
  // A word whose every character pair the corpus uses (依法查处: 依法, 法查, 查处) is said there in other cuts.
  const bigrams = hanBigrams(term);
  const spelledInCorpus = bigrams.length > 0 && bigrams.every((g) => bm25.documentFrequency(BIGRAM_PREFIX + g) > 0);
  return { idf: bm25.idf(term) * Math.min(1, general / RARE_GENERAL_IDF), unknown: [...term].length >= 2 && general >= UNKNOWN_CONTENT_IDF && !spelledInCorpus };
}

/**
 * Question words as the corpus can match them: compounds jieba's HMM guessed and neither the corpus
 * nor the dictionary knows (交寄后) are split into dictionary words (交寄, 后).
 */
function questionWords(normalizedQuestion: string, bm25: Bm25Index, thesaurusTerms: ReadonlySet<string>, tokensOf: Tokenizer): string[] {
  const tokens = tokensOf(modalApart(normalizedQuestion));
  const known = (token: string) => bm25.documentFrequency(token) > 0 || thesaurusTerms.has(token) || !/^\p{Script=Han}{2,}$/u.test(token);
  // 寄出去, 追回来, 批下来: the verb the text uses, with where the action goes, which the text does not
  // say; its pieces (寄出, 出去) go with it.
  const directed = tokens.filter((t) => !known(t) && DIRECTED.test(t));
  return tokens
    .filter((t) => !directed.some((d) => d !== t && d.includes(t)))
    .flatMap((token) => {
      if (known(token)) return [token];
      // 不查, 没到: the verb the text uses, negated; the negation is the question's, not a word to match
      // (取不了: nor is the particle). 被查 (got caught): the verb, in the passive.
      const negated = NEGATED_OR_PASSIVE.exec(token);
      if (negated) return STOPWORDS.has(negated[1]!) ? [] : [negated[1]!];
      if (directed.includes(token)) return [verbOf(token, bm25)];
      const bare = withoutParticle(token);
      if (bare !== undefined) return STOPWORDS.has(bare) ? [] : [bare];
      return isDictionaryWord(token) ? [token] : dictionaryWords(token);
    });
}

/**
 * 会 before 怎样 is "will" (没去领会怎样: did not collect — what happens?), 内 after a time (多久内能换,
 * 几天内能到) ends it, 时 before 说 is "when" (疫情时说的), and 才 after a count of days is "only then"
 * (多少天才给结果), 上 after 法律 is "in" (法律上算不算), and 信 of 平信 is the letter (平信用付邮费吗):
 * jieba joins each to the character next to it as a word (领会, 全会; 内能, "internal energy"; 时说;
 * 天才, "genius"; 上算, "worth it"; 信用, "credit"). Set apart, the verb is matched, not a word never asked.
 */
function modalApart(question: string): string {
  return question
    .replace(/(?<=\p{Script=Han})会(?=怎样|怎么样|咋样|怎么办|如何|有什么后果|有啥后果)/gu, ' 会')
    .replace(/(?<=[天日月年久周时])内(?=\p{Script=Han})/gu, '内 ')
    .replace(/(?<=\p{Script=Han})时(?=说|讲|提)/gu, '时 ')
    .replace(/(?<=(?:多少|几|[\d一二三四五六七八九十两])天)才/gu, ' 才')
    .replace(/(?<=平|寄|封|挂号)信(?=用)/gu, '信 ')
    .replace(/(?<=法律|规定|法理|程序)上(?=算)/gu, '上 ');
}

/** 追回来 → 追回 when the corpus uses 追回, else 寄出去 → 寄. */
function verbOf(directed: string, bm25: Bm25Index): string {
  const longer = directed.slice(0, -1);
  return bm25.documentFrequency(longer) > 0 ? longer : DIRECTED.exec(directed)![1]!;
}

const NEGATED_OR_PASSIVE = /^[不没未别被](\p{Script=Han})$/u;
const PARTICLED = /^([能想要会可]?)(\p{Script=Han}+?)([了的着过个给在来还到掉]?)$/u;

/**
 * 推给, 开个, 能开, 寄来, 赔到: a word with a particle, modal verb or result jieba joined to it, which the text never
 * writes together; the word is what to match (开 inside 开办), unless it is a stopword (提了).
 */
function withoutParticle(token: string): string | undefined {
  const [, modal, word, particle] = PARTICLED.exec(token) ?? [];
  return word && (modal || particle) ? word : undefined;
}

const DIRECTED = /^(\p{Script=Han}+?)(?:出去|出来|回来|回去|过来|过去|上来|上去|下来|下去|进来|进去|起来)$/u;

/**
 * How much each word the user typed counts, by what it contributes (see wordRole.ts): the thesaurus's
 * terms and quoted names count fully whatever their part of speech.
 */
function typedWordWeights(asked: string, expansions: readonly Expansion[]): (term: string) => number {
  const matter: [number, number][] = expansions.flatMap((e) => e.spans);
  for (const name of quotedSegments(asked)) {
    const at = asked.indexOf(name);
    if (at >= 0) matter.push([at, at + name.length]);
  }
  return questionWordWeights(asked, taggedWords(asked, asked).flatMap(withBoundsApart), matter);
}

/**
 * Bounds, totals and hedges (最多, 起码, 最快; 一共; 一般, 普通, 根本) say how far or how sure, not what about: an adverb,
 * whatever jieba tagged it (起码/n, 一般/a) or joined it with (最多罚/x: the 罚 keeps the tag).
 */
const BOUND = /^(?:最多|最少|至少|最起码|起码|顶多|最快|最慢|最早|最晚|最迟|最长|最短|最低|最高|一般|通常|普通|正常|根本|大概|大约|大致|一共|总共|共计|总计|合计)/u;

function withBoundsApart({ word, tag }: TaggedWord): TaggedWord[] {
  const bound = BOUND.exec(word)?.[0];
  if (bound === undefined || word.length > bound.length + 1) return [{ word, tag }];
  return [{ word: bound, tag: 'd' }, ...(word.length > bound.length ? [{ word: word.slice(bound.length), tag }] : [])];
}

/** Words holding a question word (多久, 哪家, 几趟) ask rather than say what the question is about. */
const asksSomething = (term: string) => ASKS.test(withoutIndefinites(term));

/**
 * The informative words of a question with their IDF weight. Sub-words from jieba's search mode
 * are dropped when the whole word is also there, so 国家邮政局 is not counted three times; a
 * thesaurus term found in the question (快递小哥) is one word with its alternatives. The question comes
 * expanded (expandQuestion), as hybrid search reads it: the same expansion serves both.
 */
export function queryTerms(question: ExpandedQuestion, bm25: Bm25Index): QueryTerm[] {
  const { normalized: normalizedQuestion, asked } = question;
  const expansions = question.expansions.filter((e) => !STOPWORDS.has(e.term) && !asksSomething(e.term));
  const alternativesOf = new Map(expansions.map((e) => [e.term, e.alternatives]));
  const tokensOf = tokenizerFor(asked, expansions, bm25);
  const words = questionWords(asked, bm25, new Set(alternativesOf.keys()), tokensOf).filter((t) => !asksSomething(t));
  const unique = [...new Set([...words, ...alternativesOf.keys()])];
  // Thesaurus terms stay even inside longer ones: 快递柜超时 is about a 快递柜 too.
  const terms = unique.filter((t) => alternativesOf.has(t) || !unique.some((other) => other !== t && other.length > t.length && other.includes(t)));
  const focus = focusSpans(normalizedQuestion);
  const kinds = kindSpans(normalizedQuestion);
  // 处理 of 会怎么处理, 罚 of 罚多少: a word asking for the kind of answer, as the noun of 什么条件 does.
  const insideKindSpan = (term: string, at: number) => at >= 0 && kinds.some(([start, end]) => at >= start && at + term.length <= end);
  const typed = typedWordWeights(asked, expansions);
  const asking = askingClauses(normalizedQuestion);
  const told = (term: string, at: number) => asking !== null && at >= 0 && !asking.some((clause) => clause.includes(term));
  // A word overlapping the question word is part of it (长时间 in 多长时间): it asks, like the question word.
  const overlapsQuestionWord = (term: string, at: number) => at >= 0 && focus.some(([start, end]) => at < end && at + term.length > start);
  // A learner's English beside the Chinese (someone pretend to be 邮政 worker 冒充邮政的名义): words the
  // corpus and the thesaurus do not know say again what the Chinese says, and frame it.
  const asidesInEnglish = (term: string) => HAN.test(normalizedQuestion) && LATIN_WORD.test(term) && bm25.documentFrequency(term) === 0 && !alternativesOf.has(term);
  // 公司 after the firm was named (快递网点偷拆包裹，公司会被罚多少): it points back, as a pronoun does.
  const pointsBackToFirm = (term: string, at: number) => {
    const before = normalizedQuestion.slice(0, at);
    return term === '公司' && FIRM_NAMED.test(before) && !FIRM_KIND_BEFORE.test(before);
  };
  const weighted = terms
    .filter((term) => !overlapsQuestionWord(term, normalizedQuestion.indexOf(term)))
    .map((term) => {
      const at = normalizedQuestion.indexOf(term);
      const near = [...term].length >= 2 && focus.some(([start, end]) => at < end + FOCUS_REACH && at + term.length > start - FOCUS_REACH);
      // 什么条件, 有啥要求: the noun names the kind of answer, which a passage states without the word,
      // so it frames the question rather than saying what it is about.
      const answerNoun = (near && ANSWER_NOUN.test(term)) || insideKindSpan(term, at);
      const role =
        KIN.test(term) || OWN.test(term) || (pointsBackToFirm(term, at) && !near) || WHEN_IT_HAPPENED.test(term) || POINTING_BACK.test(term) || MUTUAL.test(term) || asidesInEnglish(term)
          ? ROLE_WEIGHT.frame
          : typed(term);
      // A framing word next to the question word (一般多久, 最多罚多少) is not what is asked about, nor
      // is a place (浙江怎么规定): where a rule applies is its document's scope, not a word it must say.
      const nearQuestionWord = near && !answerNoun && role !== ROLE_WEIGHT.frame && placesIn(term).length === 0;
      const alternatives = alternativesOf.get(term) ?? provinceOf(term);
      const weighed = termWeight(term, alternatives, bm25, tokensOf);
      // One character matches inside many unrelated words (信 in 信息, 件 in 文件): it says little.
      const idf = weighed.idf * ([...term].length === 1 ? SINGLE_CHARACTER_WEIGHT : 1);
      return {
        term,
        weight: idf * role * (nearQuestionWord ? FOCUS_BOOST : 1),
        idf,
        unknown: weighed.unknown,
        bigrams: hanBigrams(term),
        focus: nearQuestionWord,
        matter: role === ROLE_WEIGHT.matter,
        frame: role === ROLE_WEIGHT.frame || answerNoun,
        alternatives,
        told: told(term, at),
        loose: at < 0,
      };
    });
  // A quoted name (“四个严防、两个确保”, 《快递暂行条例》) should also appear as written, not only word by word.
  const phrases = quotedSegments(normalizedQuestion).filter((q) => !terms.includes(q));
  const phraseWeight = weighted.reduce((sum, t) => sum + t.weight, 0) / Math.max(1, weighted.length);
  return [
    ...weighted,
    ...phrases.map((term) => ({
      term,
      weight: phraseWeight,
      idf: phraseWeight,
      unknown: false,
      bigrams: hanBigrams(term),
      focus: false,
      matter: true,
      frame: false,
      alternatives: [],
      told: false,
      loose: false,
    })),
  ];
}

/**
 * A city or district (青岛, 海淀区) is where its province's rule applies: the rule names the province
 * (山东省邮政条例), never each of its cities.
 */
function provinceOf(term: string): string[] {
  const province = CITY_PROVINCES.get(term.replace(/市$/u, ''));
  return province ? [shortPlaceName(province)] : [];
}

/**
 * The words right next to the question word carry what is asked (由谁**主持**, 达到**多少**,
 * 执行哪“**三项制度**”), so an answer sentence must contain them more than the rest.
 */
const HAN = /\p{Script=Han}/u;
const LATIN_WORD = /^[a-z][a-z'-]*$/u;
const QUESTION_WORD = /谁|什么|啥|哪些|哪个|哪几|哪一?[年天月位]|哪|多少|多久|多长|(?<!好)几|怎样|怎么|咋|如何|何时/gu;
const ASKS = new RegExp(QUESTION_WORD.source, 'u');
const FOCUS_REACH = 1;
/**
 * Nouns next to a question word that name the kind of answer (有啥区别, 什么要求, 什么特殊要求, 实现什么目标)
 * or where it is written (法律怎么说, 有什么政策), not its subject; 怎么处理 asks how a deed is dealt with,
 * which a provision says in its own verb (给予处分, 予以处罚).
 */
export const ANSWER_NOUN =
  /^(?:特殊|具体|相关|基本|主要|特别|额外|专门|前提)?(?:区别|不同|差别|差异|要求|规定|条件|标准|办法|措施|程序|手续|流程|责任|义务|后果|影响|作用|意思|含义|定义|概念|关系|情况|原因|理由|内容|范围|方式|途径|渠道|东西|事情|事儿|法律|法规|政策|说法|目标|任务|重点|举措|做法|原则|难题|难点|困难|量级|规模|限制|信息|事项|处理)$/u;
const FOCUS_BOOST = 1.6;
/**
 * Family and kin (俺妈, 闺女, 亲戚, 大爷): who the story is about, which no rule names — a rule says 收件人,
 * 寄件人 or 同住成年家属 whoever they are — so they frame the question as pronouns do.
 */
const KIN =
  /^(?:俺|我|他|她)?(?:亲戚|闺女|女儿|儿子|爹|娘|爸|妈|爸爸|妈妈|老爸|老妈|爷爷|奶奶|外婆|外公|姥姥|姥爷|婆婆|公公|老公|老婆|媳妇|丈夫|妻子|孩子|娃|表哥|表姐|表弟|表妹|堂哥|堂姐|哥哥|姐姐|弟弟|妹妹|大爷|大妈|大娘|老人家)$/u;
/**
 * The asker's own place or outfit (我们村, 我们公司, 咱们小区, 我们楼): where the story is, as a pronoun
 * says — a rule names 村, 企业 or 住宅小区 whoever's they are.
 */
const OWN = /^(?:我们|咱们|俺们|我家|咱|俺)(?:的)?(?:公司|单位|村|小区|楼|店|厂|学校)$/u;
const FIRM_KIND = '快递|物流|邮政|速递';
/** A firm of the trade named (快递公司, 快递网点, 驿站, 邮局): a later bare 公司 is that one. */
const FIRM_NAMED = new RegExp(`(?:${FIRM_KIND})(?:公司|企业)|网点|驿站|快递点|代收点|邮局`, 'u');
/** What makes 公司 part of a firm's name (快递公司), not a word of its own. */
const FIRM_KIND_BEFORE = new RegExp(`(?:${FIRM_KIND})$`, 'u');
/** What the story already named (这钱 for the remittance told of, 这笔钱, 这事): it points back, as a pronoun does. */
const POINTING_BACK = /^[这那](?:笔|些|个|件)?(?:钱|事|货)$/u;
/** Who with whom (彼此之间, 相互): the parties the question already named, as a pronoun does. */
const MUTUAL = /^(?:彼此|相互|互相)(?:之间)?$/u;
/** When a story happened (昨天早上, 上礼拜): a time, whatever jieba tagged it (昨天早上/nr, 礼拜/ns). */
const WHEN_IT_HAPPENED =
  /^(?:(?:大?前天|昨天|今天|明天|后天|[上这下](?:周|礼拜|星期)|礼拜[一二三四五六天日]?|星期[一二三四五六天日]?|周末)(?:早上|上午|中午|下午|晚上|傍晚|凌晨|夜里)?|早上|上午|中午|下午|晚上|傍晚|凌晨|夜里)$/u;

/**
 * The clauses that ask (a question word, 吗, A不A, a question mark) when the message also tells what
 * happened in others (网上买的锅被压坏了，…几天内必须处理？ 开发商一直没装信报箱，…谁来管？); null when it
 * tells nothing so (中国邮政车身上那个绿色，色号是多少: the first clause is what is asked about).
 */
function askingClauses(question: string): string[] | null {
  const clauses = clausesOf(question).filter((c) => c.length > 0);
  const asks = (clause: string) => /[？?]$|吗|呢|(\p{Script=Han})不\1/u.test(clause) || ASKS.test(withoutIndefinites(clause));
  const asking = clauses.filter(asks);
  return asking.length > 0 && clauses.some((c) => !asks(c) && HAPPENED.test(c)) ? asking : null;
}

/** Something happened or did not (了, not of 了解 or 为了; 没装, 一直, 已经), or is planned or wished (下周要寄, 打算, 想开个驿站; not 想问), or says who the asker is (我们是做淘宝女装的). */
const HAPPENED =
  /(?<!为|除|受不|少不|免不|得)了(?!解)|没有?(?=\p{Script=Han})|一直|已经|下周|下个月|明天|后天|打算|准备|想(?!问|知道|了解|请教|咨询|确认|查)|是做\p{Script=Han}+的|[我们]是[^，,。？?]*的(?=[，,])/u;

function focusSpans(question: string): [number, number][] {
  return [...withoutIndefinites(question).matchAll(QUESTION_WORD)].map((m) => {
    // 对快递小哥有什么要求, 对快递小哥提了啥要求: what the requirement is about stands before the verb.
    const verb = KIND_OF_ANSWER.test(question.slice(m.index + m[0].length)) ? (REQUIRING.exec(question.slice(0, m.index))?.[0] ?? '') : '';
    return [m.index - verb.length, m.index + m[0].length];
  });
}

/** The verb before 什么要求 (有, 提了, 提出): what stands before it is what the requirement is about. */
const REQUIRING = /(?:有|提了?|提出了?|作出了?|做了)$/u;

/** A noun naming the kind of answer right after the question word (什么要求, 啥规定). */
const KIND_OF_ANSWER = /^(?:特殊|具体|相关|特别)?(?:要求|规定|说法|政策|措施|部署|安排|办法)/u;

/**
 * How much of one term a passage holds: 1 when it appears, ALTERNATIVE_CREDIT for a thesaurus
 * alternative, and partly when most of its character bigrams do (快递业务 vs 快递服务 does not;
 * 实名收寄 vs 收寄实名 does).
 */
export function termCoverage({ term, bigrams, alternatives }: QueryTerm, normalizedPassage: string): number {
  if (normalizedPassage.includes(term)) return 1;
  if (alternatives.some((a) => normalizedPassage.includes(a))) return ALTERNATIVE_CREDIT;
  if (bigrams.length < 2) return 0;
  return 0.7 * (bigrams.filter((g) => normalizedPassage.includes(g)).length / bigrams.length);
}

/** The text names the term itself or a thesaurus alternative, not merely most of its character pairs. */
export function namesTerm(term: QueryTerm, normalizedText: string): boolean {
  return termCoverage(term, normalizedText) >= ALTERNATIVE_CREDIT;
}

/** How much of the question's weight a passage covers (see termCoverage). */
export function coverage(terms: readonly QueryTerm[], normalizedPassage: string): number {
  let total = 0;
  let covered = 0;
  for (const t of terms) {
    total += t.weight;
    covered += t.weight * termCoverage(t, normalizedPassage);
  }
  return total > 0 ? covered / total : 0;
}
