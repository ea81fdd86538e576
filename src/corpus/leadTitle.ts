import { normalize } from '../text/normalize.ts';
import { taggedWords } from '../text/segment.ts';
import { splitBalancedClauses, splitSentences } from '../text/sentences.ts';

/** A citation or autocomplete label stays readable at about this length. */
const LEAD_TITLE_MAX_CHARS = 30;
/** A clause is only continued into when this much of it fits: a word or two says nothing. */
const MIN_CONTINUATION_CHARS = 6;

/** Openings that say when or where a report came from, not who did what (in either script). */
const PREAMBLE = [
  /^(?:日前|近日|近期|目前|近年[来來]|今年以[来來]|昨天|今天|昨日|今日|\d{4}年|\d{1,2}月\d{1,2}日)(?:上午|下午|晚上)?[,，\s]*/u,
  /^(?:[据據][^，,]{1,24}(?:[报報]道|消息|[获獲]悉)|[^，,]{1,24}(?:[网網]站)?消息|本[报報][讯訊]|[^，,]{1,24}[讯訊]|[记記]者[^，,]{1,24}(?:[获獲]悉|了解到))[,，:：\s]+/u,
  /^(?:新[华華]社|中新社)[^，,]{0,12}[电電][,，\s]*/u,
];

function dropPreamble(sentence: string): string {
  let text = sentence;
  for (let changed = true; changed; ) {
    const before = text;
    for (const re of PREAMBLE) text = text.replace(re, '');
    changed = text !== before && text !== '';
  }
  return text || sentence;
}

/**
 * The subject of a report in a few words: a list of places keeps its first two
 * (上海、湖南、重庆…等省(区、市) → 上海、湖南等地), bracketed asides and 分别 go.
 */
function shortenSubject(clause: string): string {
  return clause
    .replace(/((?:\p{Script=Han}{2,6}、){2,}\p{Script=Han}{2,6}?)等/u, (_, list: string) => `${list.split('、').slice(0, 2).join('、')}等`)
    .replace(/[(（][^()（）]*[)）]/gu, '')
    .replace(/等(?:省份?|地区?|省区市)/u, '等地')
    .replace(/分别/u, '');
}

/**
 * The longest start of `text` of at most `max` characters that ends where a reader can stop:
 * before a verb (国家邮政局 | 召开) and not inside a 的 phrase (召开的邮政业 | 贯彻 is not), else
 * after any word when `anyWordAllowed`; empty when there is no such place.
 */
function cutAtWord(text: string, max: number, anyWordAllowed: boolean): string {
  let kept = '';
  let best = '';
  let anyWord = '';
  let insideDe = false;
  for (const { word, tag } of taggedWords(text, normalize(text))) {
    if ([...kept].length > max) break;
    if (tag.startsWith('v') && !insideDe && kept) best = kept;
    if (kept) anyWord = kept;
    if (tag.startsWith('v')) insideDe = false;
    if (tag === 'uj') insideDe = true;
    kept += word;
  }
  if ([...kept].length <= max) return kept;
  return best || (anyWordAllowed ? anyWord : '');
}

/**
 * A short title for a document that has none, from its lead: who did what (日前,上海、湖南…邮政管理局
 * 分别召开会议,贯彻落实… → 上海、湖南等地邮政管理局召开会议), at most 30 characters: the first clause,
 * and the next one when it fits or can be cut before a verb, with an ellipsis where words were left out.
 */
export function leadTitle(lead: string): string {
  const sentence = dropPreamble((splitSentences(lead)[0] ?? '').replace(/[。；！？!?;]+$/u, ''));
  const [first = '', ...rest] = splitBalancedClauses(sentence).map((c) => c.replace(/[，,：:]+$/u, ''));
  const subject = shortenSubject(first);
  if ([...subject].length > LEAD_TITLE_MAX_CHARS) return `${cutAtWord(subject, LEAD_TITLE_MAX_CHARS - 1, true)}…`;
  const next = rest[0];
  if (next === undefined) return subject;
  const room = LEAD_TITLE_MAX_CHARS - [...subject].length - 1;
  if ([...next].length <= room) return `${subject}，${next}${rest.length > 1 ? '…' : ''}`;
  const part = cutAtWord(next, room - 1, false);
  return [...part].length >= MIN_CONTINUATION_CHARS ? `${subject}，${part}…` : subject;
}
