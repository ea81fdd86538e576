import { normalize } from '../text/normalize.ts';

/** Pure helpers that read document metadata out of cleaned lines. */

const CN_DATE = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const ISO_DATE = /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/u;

function isoDate(y: string, m: string, d: string): string | null {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const HAN_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 二〇二〇年三月五日, as signature blocks write dates. */
const HAN_DATE = /([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,2})\s*月\s*([一二三四五六七八九十]{1,3})\s*日/u;

/** 五 → 5, 十二 → 12, 二十三 → 23, 三十一 → 31. */
function hanNumber(text: string): string {
  const digit = (c: string) => HAN_DIGITS[c] ?? 0;
  const [tens, ones] = text.split('十');
  if (ones === undefined) return String(digit(text));
  return String((tens ? digit(tens) : 1) * 10 + (ones ? digit(ones) : 0));
}

/** A date written as 2017年09月29日, 2020-04-28, a YAML Date or an RFC 2822 string, as YYYY-MM-DD. */
export function parseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const cn = CN_DATE.exec(value);
  if (cn) return isoDate(cn[1]!, cn[2]!, cn[3]!);
  const han = HAN_DATE.exec(value);
  if (han) return isoDate([...han[1]!].map(hanNumber).join(''), hanNumber(han[2]!), hanNumber(han[3]!));
  const iso = ISO_DATE.exec(value);
  if (iso) return isoDate(iso[1]!, iso[2]!, iso[3]!);
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

/** An http(s) address as stored in front matter, normalised; anything else (javascript:, a typo) is null. */
export function webAddress(value: unknown): string | null {
  if (typeof value !== 'string' || !URL.canParse(value.trim())) return null;
  const url = new URL(value.trim());
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** `發布時間:2020-04-28`, `发布日期：…`, and `发布时间：2019-11-28　来源：交通运输部` lines, as web pages head an article. */
export function publicationDateLine(line: string): { date: string; source: string | null } | null {
  const m = /^(?:发布|发表|印发)(?:时间|日期)[:：]\s*(.+?)(?:\s*(?:来源|信息来源|发布机构)[:：]\s*(\S.*))?$/u.exec(normalize(line));
  const date = m ? parseDate(m[1]) : null;
  if (!date) return null;
  // The source as written (Traditional stays Traditional): cut from the original line at the same place.
  const label = /(?:[來来]源|發布機構|发布机构)[:：]\s*/u.exec(line);
  return { date, source: m?.[2] && label ? line.slice(label.index + label[0].length).trim() || null : null };
}

/** A body line that starts with its publication date, optionally followed by an empty 来源: label. */
export function leadingDate(line: string): { date: string; rest: string } | null {
  const m = /^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*(?:[來来]源[:：]\s*)?/u.exec(line);
  if (!m) return null;
  const date = parseDate(m[1]);
  return date ? { date, rest: line.slice(m[0].length) } : null;
}

/** `(本文來源:國家郵政局)` or `来源：新华社` as a line of its own. */
export function sourceLine(line: string): string | null {
  const m = /^[(（]?\s*(?:本文)?[來来]源[:：]\s*([^()（）]{2,40}?)\s*[)）]?$/u.exec(line.trim());
  return m ? m[1]!.trim() : null;
}

/** Regulation history lines: `2018年3月2日 中华人民共和国国务院令第697号公布`. */
export function historyLine(line: string): { date: string; text: string } | null {
  const m = /^(\d{4}年\d{1,2}月\d{1,2}日)\s+(.{2,160})$/u.exec(line.trim());
  if (!m || /[。；]$/u.test(m[2]!)) return null;
  const date = parseDate(m[1]);
  return date ? { date, text: m[2]! } : null;
}

/** A heading-like line: short, no sentence punctuation at its end. */
export function isHeadingLike(line: string): boolean {
  const length = [...line].length;
  return length > 0 && length <= 60 && !/[。；！？!?;，,：:]$/u.test(line) && !/^第.{1,6}条/u.test(line);
}
