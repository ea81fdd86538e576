import { normalize } from '../text/normalize.ts';
import { splitBalancedClauses, splitWholeSentences } from '../text/sentences.ts';
import { coverage, type QueryTerm } from './terms.ts';

export const length = (s: string) => [...s].length;

/** How long quotes are together, in characters. */
export const quotedLength = (quotes: readonly { text: string }[]) => quotes.reduce((sum, q) => sum + length(q.text), 0);

/** How much a run of clauses holding what was asked outweighs one covering more of the question's words. */
const HOLDING_BONUS = 0.15;

/** How much longer than the limit a quote may run to bring the clause holding what was asked. */
const GAPPED_QUOTE_ALLOWANCE = 1.2;

/** Punctuation that ends a clause: dropped where an ellipsis stands for the clauses left out. */
const CLAUSE_END = /[，,、；;：:\s]+$/u;

/**
 * The contiguous clauses of a long sentence that cover the question best, within the length limit.
 * Clauses never split inside quotation marks or brackets, so a quote cannot stop at 基本实现“ or
 * start inside a quoted name; an ellipsis stands only where clauses are left out.
 */
export function bestClauses(sentence: string, terms: readonly QueryTerm[], maxChars: number, holdsAsked?: (normalized: string) => boolean): string {
  const clauses = splitBalancedClauses(sentence);
  let best = { start: 0, end: 1, score: -1 };
  for (let start = 0; start < clauses.length; start++) {
    let text = '';
    for (let end = start + 1; end <= clauses.length; end++) {
      text += clauses[end - 1]!;
      if (length(text) > maxChars && end > start + 1) break;
      // Clauses holding what was asked (the date of 9月28日,…召开会议) are preferred to others covering a little more.
      const normalized = normalize(text);
      const holds = holdsAsked?.(normalized) ? HOLDING_BONUS : 0;
      const score = holds + coverage(terms, normalized) - length(text) / (maxChars * 20);
      if (score > best.score) best = { start, end, score };
    }
  }
  const picked = clauses.slice(best.start, best.end).join('').trim();
  // Still without what was asked (未取得…经营快递业务… and the fine three clauses on), the first later
  // clause holding it follows after an ellipsis, when both fit.
  const heldAt = holdsAsked && !holdsAsked(normalize(picked)) ? clauses.findIndex((c, i) => i >= best.end && holdsAsked(normalize(c))) : -1;
  if (heldAt >= 0 && length(picked) + length(clauses[heldAt]!) <= maxChars * GAPPED_QUOTE_ALLOWANCE) {
    const held = clauses[heldAt]!.trim();
    const cutAfter = heldAt < clauses.length - 1;
    return `${best.start > 0 ? '…' : ''}${picked.replace(CLAUSE_END, '')}…${cutAfter ? `${held.replace(CLAUSE_END, '')}…` : held}`;
  }
  const cutAfter = best.end < clauses.length;
  return `${best.start > 0 ? '…' : ''}${cutAfter ? picked.replace(CLAUSE_END, '') : picked}${cutAfter ? '…' : ''}`;
}

/** The sentence as is when it fits, else its best clauses (those holding what was asked, when some do). */
export function fitQuote(sentence: string, terms: readonly QueryTerm[], maxChars: number, holdsAsked?: (normalized: string) => boolean): string {
  return length(sentence) > maxChars ? bestClauses(sentence, terms, maxChars, holdsAsked) : sentence;
}

/** A list item's mark: （一）, (2). */
export const LIST_ITEM = /^[(（][\d一二三四五六七八九十]+[)）]/u;

/**
 * The sentence that introduces a list item (禁止寄递或者在邮件内夹带下列物品：): an item quoted
 * alone (（五）活的动物) says neither what is forbidden nor that it is.
 */
export function listLead(pieces: readonly string[], position: number, maxChars: number, terms: readonly QueryTerm[]): { position: number; text: string } | undefined {
  if (!LIST_ITEM.test(pieces[position]!)) return undefined;
  for (let at = position - 1; at >= 0; at--) {
    const piece = pieces[at]!;
    if (LIST_ITEM.test(piece)) continue;
    if (!/[：:]$/u.test(piece)) return undefined;
    return { position: at, text: fitQuote(piece, terms, maxChars) };
  }
  return undefined;
}

/** Someone who did what the paragraph before forbids (有前款规定的违法行为, 违反前款规定): not 载明前款规定, 前款物品. */
const REFERS_TO_DEED = /(?:有|违反)前款/u;

/**
 * The sentence a 前款 provision refers back to: the first of the paragraph before it. 从业人员有前款规定的
 * 违法行为的，处五千元以上一万元以下的罚款 names its deed (出售用户信息) only there.
 */
export function referredSentence(passage: string, sentence: string, maxChars: number, terms: readonly QueryTerm[]): string | undefined {
  if (!REFERS_TO_DEED.test(sentence)) return undefined;
  const paragraphs = passage.split('\n');
  const at = paragraphs.findIndex((p) => p.includes(sentence));
  const before = at > 0 ? splitWholeSentences(paragraphs[at - 1]!)[0] : undefined;
  return before && fitQuote(before, terms, maxChars);
}

/** The item a penalty cites of the duty it enforces: 违反本条例第十五条第一款第二项规定. */
const CITED_ITEM = /第[零〇一二三四五六七八九十百]+条(?:第[一二三四五六七八九十]+款)?第([一二三四五六七八九十]+)项/u;

/**
 * The item of the duty article a penalty names by number (违反本条例第十五条第一款第二项 → （二）佩戴安全头盔):
 * two paragraphs of one penalty article fine breaches of two items, and only the item's words tell
 * which one a question is about.
 */
export function citedItem(sentence: string, dutyText: string | undefined): string | undefined {
  const item = dutyText && CITED_ITEM.exec(normalize(sentence))?.[1];
  if (!item || !dutyText) return undefined;
  return dutyText.split('\n').find((line) => line.trim().startsWith(`（${item}）`) || line.trim().startsWith(`(${item})`));
}
