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
