import { issuerIn, orderIn } from './issuer.ts';
import { parseDate } from './metadata.ts';

/**
 * What a promulgation text says about a rule: the parenthetical under a regulation's title
 * (`（中华人民共和国交通运输部令2018年第24号，2018年10月22日公布，自2019年1月1日起施行）`) or its
 * history lines (`2009年4月24日 第十一届全国人民代表大会常务委员会第八次会议修订`).
 */
export interface Promulgation {
  /** The latest date it was adopted, published, revised or amended. */
  date: string | null;
  effectiveDate: string | null;
  issuer: string | null;
  /** The order that published it (国务院令第697号), as written. */
  documentNumber: string | null;
}

const DATE = String.raw`\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日`;
/** A date and what happened on it; 施行 alone is when it took effect, not when it was made. */
const EVENT = new RegExp(`(${DATE})([^，,；;。()（）]*?)(通过|公布|发布|修订|修正|施行|实施)`, 'gu');
const EFFECTIVE = new RegExp(`自\\s*(${DATE})\\s*起\\s*(?:施行|实施|生效)`, 'u');

/** A line of its own in brackets that states how a rule was made: `（…令…号，…公布，自…起施行）`. */
export function isPromulgationLine(line: string): boolean {
  const m = /^[(（](.+)[)）]$/u.exec(line.trim());
  return m !== null && new RegExp(DATE, 'u').test(m[1]!) && /令|通过|公布|发布|修订|修正|施行/u.test(m[1]!);
}

/** Reads one or more promulgation texts (a parenthetical, history lines) together. */
export function readPromulgation(texts: readonly string[]): Promulgation {
  const made: string[] = [];
  let effectiveDate: string | null = null;
  let issuer: string | null = null;
  let documentNumber: string | null = null;
  for (const text of texts) {
    const plain = text.normalize('NFKC');
    const effective = EFFECTIVE.exec(plain);
    if (effective) effectiveDate ??= parseDate(effective[1]);
    for (const [, date, , action] of plain.matchAll(EVENT)) {
      const iso = parseDate(date);
      if (!iso) continue;
      if (action === '施行' || action === '实施') effectiveDate ??= iso;
      else made.push(iso);
    }
    const order = orderIn(plain);
    documentNumber ??= order?.number ?? null;
    issuer ??= issuerIn(plain);
  }
  return { date: made.sort().at(-1) ?? null, effectiveDate, issuer, documentNumber };
}

/** `第四十八条 本条例自2018年5月1日起施行。`: the closing article that says when a rule takes effect. */
const CLOSING_ARTICLE = /^第[一二三四五六七八九十百零〇\d]+条[\s\u3000]*本(?:法|条例|办法|规定|细则|实施细则|规则|决定|规范)自(.{1,20}?)起(?:施行|实施|生效)/u;

/** When a regulation takes effect, from its closing article; `自发布之日起` means its publication date. */
export function effectiveDateArticle(lines: readonly string[], published: string | null): string | null {
  for (let i = lines.length - 1; i >= 0; i--) {
    const m = CLOSING_ARTICLE.exec(lines[i]!.normalize('NFKC'));
    if (!m) continue;
    if (/^(?:公布|发布|印发)之日$/u.test(m[1]!)) return published;
    return parseDate(m[1]);
  }
  return null;
}
