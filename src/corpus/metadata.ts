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

/** A date written as 2017年09月29日, 2020-04-28, a YAML Date or an RFC 2822 string, as YYYY-MM-DD. */
export function parseDate(value: unknown): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value !== 'string') return null;
  const cn = CN_DATE.exec(value);
  if (cn) return isoDate(cn[1]!, cn[2]!, cn[3]!);
  const iso = ISO_DATE.exec(value);
  if (iso) return isoDate(iso[1]!, iso[2]!, iso[3]!);
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

/** `發布時間:2020-04-28`, `发布日期：…` lines. */
export function publicationDateLine(line: string): string | null {
  const m = /^(?:发布|发表|印发)(?:时间|日期)[:：]\s*(.+)$/u.exec(normalize(line));
  return m ? parseDate(m[1]) : null;
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

const CONGRESS = /(全国|\p{Script=Han}{2,3}(?:省|市|自治区))?(?:第[一二三四五六七八九十]+届)?(全国)?人民代表大会常务委员会/u;
const OTHER_ISSUER = /国务院|最高人民法院|最高人民检察院|\p{Script=Han}{2,8}人民政府|国家邮政局|交通运输部/u;

/** The body that issued a regulation, read from its history lines, else the first line's text. */
export function issuer(history: readonly { text: string }[]): string | null {
  for (const { text } of history) {
    const congress = CONGRESS.exec(text);
    if (congress) return `${congress[1] ?? congress[2] ?? ''}人民代表大会常务委员会`;
    const other = OTHER_ISSUER.exec(text);
    if (other) return other[0];
  }
  return history[0]?.text ?? null;
}

/** A heading-like line: short, no sentence punctuation at its end. */
export function isHeadingLike(line: string): boolean {
  const length = [...line].length;
  return length > 0 && length <= 60 && !/[。；！？!?;，,：:]$/u.test(line) && !/^第.{1,6}条/u.test(line);
}
