import type { DocumentMetadata } from '../corpus/types.ts';
import { inOrder, nounBefore, plainTitle, titleFit } from './articleReference.ts';

/**
 * A law or regulation the question names (数据安全法, 快递市场管理办法, 电子商务法) that no document of the
 * corpus is: what it says is not here, and a rule of the corpus on the same matter answers another
 * question — unless the quotes themselves name it (a rule applying 海关法).
 */

/**
 * Where a law's name ends: …法 (not 做法, 违法, 依法, nor 法院, 法律), …条例, …细则, or a rule-making 办法
 * (管理办法, 实施办法; not 解决办法).
 */
const NAME_END = /(?<![做说看用写违合犯非执守依立司办方想手算玩叫无设没])法(?![院律定人官庭典制治理]|规(?!定))|条例|细则|(?:管理|实施|暂行)办法/gu;
/** What stands before a law's name: punctuation, or a word introducing it (按, 根据, 对于, 的). */
const BEFORE_NAME = /(?:[^\p{Script=Han}]|[的对按和与及跟是了吗呢在从让给个那这])$|(?:根据|依据|依照|按照|对于|关于|就是|还是|以外|除了)$/u;
/** A name asked about (按什么法, 啥法) is no law named. */
const ASKING = /什么|啥|哪/u;
const SHORTEST_NAME = 3;
const NAME_SUFFIX = /(?:法|条例|细则|(?:管理|实施|暂行)办法)$/u;
const LONGEST_NAME = 16;

/** The name ending at `end`, as far back as the question's words run before an introducing word. */
function nameEndingAt(question: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < LONGEST_NAME && !BEFORE_NAME.test(question.slice(0, start))) start -= 1;
  return question.slice(start, end);
}

/** The laws a question names that no document title fits (快递条例 fits 快递暂行条例), each by its whole name. */
export function unheldLaws(normalizedQuestion: string, documents: ReadonlyMap<string, DocumentMetadata>): string[] {
  const titles = [...documents.values()].map(plainTitle);
  const names = [...normalizedQuestion.matchAll(NAME_END)]
    .map((m) => nameEndingAt(normalizedQuestion, m.index + m[0].length))
    .filter((name) => [...name].length >= SHORTEST_NAME && !ASKING.test(name));
  // An ending of the name fitting a title is that document, told with words before it (以外重庆邮政条例),
  // unless a noun before it continues the name (快递市场管理办法 is not 快递服务管理办法).
  const held = (name: string) => [...name].some((_, i) => name.length - i >= SHORTEST_NAME && titles.some((title) => titleFit(name.slice(i), title) > 0) && !nounBefore(name, i));
  // 快递法 is how people call 快递暂行条例: a name whose words (without 法 or 条例) a title holds in order is that title, loosely named.
  const looselyHeld = (name: string) => titles.some((title) => inOrder(name.replace(NAME_SUFFIX, ''), title));
  return [...new Set(names)].filter((name) => !held(name) && !looselyHeld(name));
}

/** Quotes name a law as it is titled or by its words alone (依法给予治安管理处罚 names 治安管理处罚法). */
export function namesLaw(normalizedQuotes: string, law: string): boolean {
  return normalizedQuotes.includes(law) || normalizedQuotes.includes(law.replace(NAME_SUFFIX, ''));
}
