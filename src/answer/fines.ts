import { normalize } from '../text/normalize.ts';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 五千 → 5000, 十 → 10, 二十五 → 25, 1.5 → 1.5 (below 万, which the caller multiplies). */
function numberOf(text: string): number {
  if (/^[\d.]+$/u.test(text)) return Number(text);
  let total = 0;
  let digit = 0;
  for (const char of text) {
    if (char in DIGITS) digit = DIGITS[char]!;
    else {
      total += (digit || 1) * UNITS[char]!;
      digit = 0;
    }
  }
  return total + digit;
}

const AMOUNT = /([\d.]+|[零〇一二两三四五六七八九十百千]+)(万)?元/gu;

/** The amounts in yuan a text states: 1万元 → 10000, 五千元 → 5000. */
export function amountsIn(text: string): number[] {
  return [...normalize(text).matchAll(AMOUNT)].map((m) => numberOf(m[1]!) * (m[2] ? 10_000 : 1)).filter((n) => n > 0);
}

/**
 * The fine amounts a sentence states (处1万元以上5万元以下的罚款 → 10000, 50000). Only a sentence
 * about 罚款 counts: a regulation also states fees and compensation in yuan.
 */
export function fineAmounts(sentence: string): number[] {
  return normalize(sentence).includes('罚款') ? amountsIn(sentence) : [];
}
