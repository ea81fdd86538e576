import { namesTerm, type QueryTerm } from './terms.ts';

/**
 * A sentence listing what a thing comprises (有效证件包括居民身份证、户口簿、工作证): the subject, then
 * at least two items. Not a definition (国内报刊发行业务是指…报纸、杂志的业务): it says what a thing is.
 */
const ENUMERATION = /(\p{Script=Han}{2,10}?)(?:包括|包含|分为)[：:]?[^。；;]*?、/u;

/**
 * Whether the sentence enumerates what a 哪些 question asks about (哪些证件 → 有效证件包括…): its
 * subject names one of the question's focus words. A list question is answered by such a sentence
 * even when it shares no other word with the question.
 */
export function enumeratesAsked(focus: readonly QueryTerm[], normalizedSentence: string): boolean {
  const subject = ENUMERATION.exec(normalizedSentence)?.[1];
  return subject !== undefined && focus.some((t) => namesTerm(t, subject));
}

const SLOGAN = /([二三四五六七八九十两])个\s*[“"「『]?(\p{Script=Han}{2})/u;
/** A slogan counted in items (三项制度, 两条底线): not 大, which 十九大 holds. */
const ITEMS_SLOGAN = /([二三四五六七八九十两])([项条种])\s*[“"「『]?(\p{Script=Han}{2})/u;
const COUNT: Readonly<Record<string, number>> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * Whether the sentence spells out a numbered slogan the question asks about: it says the slogan's
 * word as many times as the slogan counts (三个优先是什么 → 优先处理…，优先包容…，优先…), or lists
 * that many items right before naming it (100%收寄验视、100%实名收寄、100%过机安检“三项制度”). The
 * sentence merely naming the slogan (做到“四个确保”“三个优先”) does neither.
 */
export function spellsOutSlogan(normalizedQuestion: string, normalizedSentence: string): boolean {
  const [, count, word] = SLOGAN.exec(normalizedQuestion) ?? [];
  if (count && word && normalizedSentence.split(word).length - 1 >= COUNT[count]!) return true;
  const [, itemCount, measure, itemWord] = ITEMS_SLOGAN.exec(normalizedQuestion) ?? [];
  if (!itemCount || !measure || !itemWord) return false;
  const at = normalizedSentence.indexOf(`${itemCount}${measure}${itemWord}`);
  const listed =
    normalizedSentence
      .slice(0, Math.max(at, 0))
      .split(/[，,。；;：:]/u)
      .at(-1) ?? '';
  return at >= 0 && listed.split('、').length >= COUNT[itemCount]!;
}
