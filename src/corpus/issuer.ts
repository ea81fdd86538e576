import { normalize } from '../text/normalize.ts';
import { PROVINCES } from './scope.ts';

/**
 * Issuing bodies as the lines that state them write them: an order (国务院令第697号, 中华人民共和国交通运输部令),
 * a congress session (第十一届全国人民代表大会常务委员会第八次会议), or a body named outright. Each is
 * returned in its canonical name, without the session numbers or the 中华人民共和国 prefix.
 */

/** 常务员会 is a typo in a published text; the session and the province around it still name the body. */
const CONGRESS = new RegExp(`(全国|${PROVINCES.join('|')})?(?:第[一二三四五六七八九十]+届)?(全国)?人民代表大会(常务委?员?会)?`, 'u');
/**
 * `X令` names the body that signed the order: 国务院令, 交通运输部令, 国家邮政局令. The name starts
 * after a non-Han character or a date (…3月2日中华人民共和国国务院令), never with the date's 日.
 */
const ORDER = /(?<=^|[^\p{Script=Han}]|[年月日])(?![年月日])(?:中华人民共和国)?((\p{Script=Han}{2,12}?)令\s*(?:\d{4}\s*年\s*)?第\s*[\d一二三四五六七八九十百〇零]+\s*号)/u;
const NAMED_BODY =
  /国务院办公厅|国务院|最高人民法院|最高人民检察院|\p{Script=Han}{2,8}人民政府(?:办公厅)?|国家邮政局|\p{Script=Han}{2,6}邮政管理局|交通运输部|邮电部|商务部|公安部|国家发展和?改革委员会/u;

/** The order a line cites (国务院令第697号, without 中华人民共和国), and the body that issued it. */
export function orderIn(text: string): { number: string; issuer: string } | null {
  const m = ORDER.exec(text.normalize('NFKC'));
  if (!m) return null;
  return { number: m[1]!.replace(/\s+/gu, ''), issuer: m[2]! };
}

/** The body a promulgation or history text names: the lawmaker of a session, an order's signer, or a named body. */
export function issuerIn(written: string): string | null {
  // Matched in Simplified, full-width folded form: 全國人民代表大會 and ５ name the same.
  const text = normalize(written);
  const congress = CONGRESS.exec(text);
  if (congress?.[3]) return `${congress[1] ?? congress[2] ?? ''}人民代表大会常务委员会`;
  if (congress) return `${congress[1] ?? congress[2] ?? ''}人民代表大会`;
  const order = orderIn(text);
  if (order) return order.issuer;
  return NAMED_BODY.exec(text)?.[0] ?? null;
}

/**
 * A line that is nothing but the name of one or more bodies, as a signature block (落款) writes it:
 * 国家邮政局, 国家邮政局　商务部, 浙江省邮政管理局办公室.
 */
export function isBodyLine(line: string): boolean {
  const names = line.trim().split(/[\s\u3000]+/u);
  return names.every((name) => /^\p{Script=Han}{2,24}(?:局|部|委|委员会|院|政府|办公厅|办公室|厅|署|会|协会|公司|中心|集团)$/u.test(name));
}
