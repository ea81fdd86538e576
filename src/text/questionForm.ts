import { normalize } from './normalize.ts';

/** Asking in so many words whether something is right (合不合规矩, 有没有道理): a frame, and permission asked. */
export const IS_IT_RIGHT = /合不合(?:规矩|规定|[规法理适])|有没有道理|有道理(?:吗|么|不)(?![\p{Script=Han}])|讲不讲道?理/u;

/**
 * Frames of a spoken question (能不能, 要不要, 会不会, 有没有, 可不可以, 合规吗, 合理吗, 合不合规, 算不算违法,
 * 多少钱, 满足什么条件; 按规定, 这是规定吗; 被查到 before 罚多少): they say the question wants a yes or no or an amount, or
 * that someone is caught, not what it is about, so they are not searched for.
 */
const FRAMES = new RegExp(
  [
    /(?:被(?:查到|查出来?|查|发现|抓到|抓住|抓|逮到|逮住)|查到|查出来)了?(?=[，,]?(?:会|要|能|一般|最多|大概|该|怎么){0,2}(?:罚|处罚|处理|怎么样|怎样|有什么后果|有啥后果))/u,
    IS_IT_RIGHT,
    // Checking what one believes (…，真的假的？ …只赔运费对吧？): yes or no, about what the rest says.
    /(?:真的假的|是不是真的|是真的吗|真的吗|对吧|对不对)(?=[？?。，,！!\s]|$)/u,
    /违不违[规法]|(\p{Script=Han})不\1|可不可以|有没有|是否|(?:多少|几[毛块]?)钱|(?:满足|具备|符合|达到)(?=(?:哪些|什么|啥|哪几个?)(?:条件|要求|标准))|(?:这样|这么做|这种做法)?(?:算)?(?:合规|合法|违法|违规|合理)(?:吗|么|不)?(?=[?？。，,]|$)|(?:这个?|那个?)是(?:有)?(?=(?:国家|法律|法规)?的?规定)|(?<![不没未有])(?:按|按照|依照|根据)(?:法律|法规|国家)?(?:的)?规定(?![的操])/u,
  ]
    .map((part) => part.source)
    .join('|'),
  'gu',
);

export function stripQuestionFrames(normalizedQuestion: string): string {
  return normalizedQuestion.replace(FRAMES, ' ');
}

const YES_NO = /吗|(\p{Script=Han})不\1/u;

/** Measure words of things one counts (几张, 几家): told before a question, so many, not how many. */
const COUNTED_THINGS = '[张本件封包箱盒袋瓶斤块台双条家]';
const SO_MANY_THINGS = new RegExp(`几(?=${COUNTED_THINGS})`, 'gu');
/** So many things a clause goes on about (帮几家快递代收): the count is not where the clause ends. */
const SO_MANY_THINGS_TOLD = new RegExp(`几(?=${COUNTED_THINGS}\\p{Script=Han})`, 'gu');

/**
 * Question words that ask nothing: 几 meaning "a few" (好几天, 前几天, 这几年, 过几天, 每天几百单, and 寄了几包,
 * 才给几毛, 只有几斤 in a clause the question goes on after), 多少 meaning "somewhat" (多少有点贵),
 * 谁 meaning "anyone" (谁都能, 不管谁), and any 几 of a yes-no question or a statement (几家公司能不能
 * 合用, 寄几本书要登记吗, 想停几天不派件。: Chinese asks no number inside 吗 or A不A). Replaced
 * character for character, so positions in the question stay where they were.
 */
export function withoutIndefinites(normalizedQuestion: string): string {
  const clauses = clausesOf(normalizedQuestion);
  // A message ending in a yes-no question (…寄来几张回信券，能换成钱吗).
  const endsYesNo = YES_NO.test(clauses.at(-1) ?? '');
  return clauses
    .map((clause, i) => {
      const fewTimes = clause
        .replace(/(好|(?<!提)前|这|那|(?<![超经通度不])过|隔|近|最近)几(?=[天日年月周次回个封件包箱张家本位条种遍趟])/gu, '$1些')
        .replace(/几(?=[十百千万]+[单件封包箱])/gu, '些')
        // 几千个学生, 和几件衣服 told before the question: so many, not how many.
        .replace(/几(?=[十百千万]+个)|(?<=[和跟与及])几(?=[件个本张封包箱])/gu, (m) => (i < clauses.length - 1 && !/[？?吗呢]/u.test(clause) ? '些' : m))
        // 送了几次都没人, 打了几回也不接: so many times, not how many.
        .replace(/几(?=[次回趟遍天个家][都也])/gu, '些')
        .replace(/多少(?=有点|有些|知道|懂|了解|会|能|也|还)/gu, '多些')
        .replace(/谁(?=都|也)|(?<=不管|无论|随便)谁/gu, '人');
      if (YES_NO.test(clause) || /[。！!]$/u.test(clause)) return fewTimes.replace(/几(?![点])/gu, '些');
      // So many things (几张, 几本) told before a yes-no question are no number asked; 几天内 may still be one.
      if (i < clauses.length - 1 && endsYesNo && !/[？?]/u.test(clause)) return fewTimes.replace(SO_MANY_THINGS, '些');
      // A clause the question goes on after: 寄了几包, 才给几毛, and so many things the clause goes on
      // about (帮几家快递代收, 里面是几张老照片) are told, not asked; 能寄几件， ends its clause asking.
      return i < clauses.length - 1 && !/[？?吗呢]/u.test(clause)
        ? fewTimes.replace(/(\p{Script=Han}了|(?<![超经通度不])\p{Script=Han}过|才|只|只有|才给|只给)几(?=\p{Script=Han})/gu, '$1些').replace(SO_MANY_THINGS_TOLD, '些')
        : fewTimes;
    })
    .join('');
}

/**
 * After a clause's punctuation, or after the spaces that stand for it between two clauses typed
 * without punctuation (邮局说不赔 有没有道理): nothing is removed, so the clauses join back to the message.
 */
const CLAUSE_END = /(?<=[，,。；;！!？?])|(?<=\p{Script=Han}\s+)(?=\p{Script=Han})/u;

/** The clauses of a message, each with the punctuation (or space) that ends it. */
export function clausesOf(normalizedQuestion: string): string[] {
  return normalizedQuestion.split(CLAUSE_END);
}

const QUOTED = /[“"「『《]([^”"」』》]{2,40})[”"」』》]/gu;

/** Names the question quotes (“四个严防、两个确保”, 《快递暂行条例》), split at enumeration marks. */
export function quotedSegments(normalizedQuestion: string): string[] {
  return [...normalizedQuestion.matchAll(QUOTED)].flatMap((m) => m[1]!.split(/[、，,;；\s]+/u)).filter((s) => [...s].length >= 2);
}

/**
 * The clauses of one question that each ask (几天内去取，过期了怎么办); none when fewer than two do.
 * Short, they match too easily to decide whether the message is answered; they say what to answer.
 */
export function clauseQuestions(normalizedQuestion: string): string[] {
  const clauses = normalizedQuestion.split(/[，,；;]/u).map((c) => c.replace(/[？?。！!]+$/u, '').trim());
  const plain = withoutIndefinites(normalizedQuestion).split(/[，,；;]/u);
  return clauses.length > 1 && plain.every((clause) => ASKING_WORD.test(clause)) && clauses.every((c) => [...c].length >= 4) ? clauses : [];
}

const ASKING_WORD = /谁|什么|啥|哪|多少|多久|多[长重大快高远宽]|几|怎样|怎么|咋|如何|何时|吗|呢|(\p{Script=Han})[不没]\1/u;

/**
 * The sentence asking, after sentences telling what happened (…三个多月了还没到。上海寄到国外的邮件多久
 * 之内能查询？); none when the message is one sentence. It is the question the story leads to.
 */
export function askingSentence(question: string): string | undefined {
  const sentences = piecesOf(question, /(?<=[。！!])/u);
  return sentences.length > 1 ? asksAlone(sentences.at(-1)) : undefined;
}

/**
 * The last clause of a long one-sentence story when it asks (…丢了，网点老板说总部不管，我能直接找总部赔吗):
 * the question the story leads to, as askingSentence's is.
 */
export function askingClause(question: string): string | undefined {
  const clauses = piecesOf(question, /(?<=[，,；;])/u);
  return tellsStory(question) && clauses.length >= 3 ? asksAlone(clauses.at(-1)) : undefined;
}

/** A message this long tells what happened before it asks; shorter, it is a question with its context. */
export function tellsStory(question: string): boolean {
  return [...question].length >= LONG_STORY_MIN;
}

const LONG_STORY_MIN = 40;
/** Shorter, a sentence or clause matches too easily alone (这合理吗？, 该怎么办？). */
const ASKING_ALONE_MIN = 8;

const piecesOf = (text: string, boundary: RegExp) =>
  text
    .split(boundary)
    .map((piece) => piece.trim())
    .filter((piece) => piece.length > 0);

/** Whether a piece of a message, as typed, asks something (a question word that asks, 吗, A不A). */
const asks = (piece: string) => ASKING_WORD.test(withoutIndefinites(normalize(piece)));

/** The piece, when it asks and is long enough to be judged alone. */
function asksAlone(piece: string | undefined): string | undefined {
  return piece !== undefined && [...piece].length >= ASKING_ALONE_MIN && asks(piece) ? piece : undefined;
}

/**
 * The questions of a message a question mark cuts in pieces: both of 包裹丢了找谁？几天内要答复？, or
 * the one of 能寄几瓶？我过年想给客户寄一箱, whose other piece tells why it is asked. None when the
 * message is one piece.
 */
export function subQuestions(question: string): string[] {
  const pieces = question
    .split(/[？?]/u)
    .map((p) => p.trim())
    .filter((p) => [...p].length >= 4);
  return pieces.length > 1 ? pieces.filter(asks) : [];
}
