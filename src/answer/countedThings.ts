import { ANSWER_NOUN, namesTerm, type QueryTerm } from './terms.ts';

/**
 * 多少举报奖励？, 有几个驿站: the words a 多少 or 几 counts, up to the end of the question. Not a unit
 * (多少天通知大家, 几天开门, 罚多少钱): a count of days or yuan is the whole answer.
 */
const COUNTED = /(?:多少|几)[个家件项条种名位]?(?![天日年月周小时分元块毛钱倍次趟回遍公斤千克吨米])(\p{Script=Han}{2,8}?)(?:[呢啊呀吧]*(?:[？?！!。，,；;]|$))/gu;

/**
 * The things the question counts (奖励 in 能拿到多少举报奖励) when the quotes name none of them: a
 * fine of 5万元 quoted for 多少举报奖励 holds a number, but not of what was asked. Empty when they
 * name one, or the question counts nothing the corpus has words for.
 */
export function uncountedThings(normalizedQuestion: string, terms: readonly QueryTerm[], normalizedQuotes: string): string[] {
  const counted = [...normalizedQuestion.matchAll(COUNTED)].map((m) => m[1]!);
  const things = terms.filter((t) => [...t.term].length >= 2 && t.matter && !t.unknown && !ANSWER_NOUN.test(t.term) && counted.some((run) => run.endsWith(t.term)));
  return things.some((t) => namesTerm(t, normalizedQuotes)) ? [] : things.map((t) => t.term);
}
