import type { SearchHit } from '../retrieve/hybrid.ts';
import { normalize } from '../text/normalize.ts';
import type { Quote } from './citations.ts';
import { excerpt, type SummarySentence, summarySentences } from './summaryText.ts';
import { textRank } from './textrank.ts';

const POINT_CHARS = 100;
/** What a notice or a meeting asks for: 要求, 强调, 部署, 一是/二要 lists, 必须, 确保. */
const REQUIREMENT = /要求|强调|指出|部署|提出|决定|必须|务必|确保|[一二三四五六七八九十][是要]|^要/u;

/**
 * A notice or meeting report as who, when and what was required: its lead sentence (日前/4月27日,
 * 国家邮政局召开…会议) and then its requirement sentences, the most central first (TextRank), one
 * per section (the provincial bureaus of a round-up) before a second from any; other sentences
 * only when requirements run out.
 */
export function noticePoints(passages: readonly SearchHit[], points: number): Quote[] {
  const all = summarySentences(passages);
  if (all.length === 0) return [];
  const [lead, ...rest] = all;
  const ranks = textRank(rest.map((s) => s.words));
  // Requirements first, each group by centrality: what was reported matters less than what was asked.
  const required = (s: SummarySentence) => (REQUIREMENT.test(normalize(s.text)) ? 1 : 0);
  const ranked = rest
    .map((s, i) => ({ s, rank: ranks[i]! }))
    .sort((a, b) => required(b.s) - required(a.s) || b.rank - a.rank)
    .map(({ s }) => s);
  const section = (s: SummarySentence) => s.hit.chunk.context.at(-1) ?? '';
  const picked: SummarySentence[] = [];
  const sections = new Set<string>([section(lead!)]);
  for (const s of ranked) {
    if (picked.length >= points - 1) break;
    if (!required(s) || sections.has(section(s))) continue;
    sections.add(section(s));
    picked.push(s);
  }
  for (const s of ranked) if (picked.length < points - 1 && !picked.includes(s)) picked.push(s);
  return [lead!, ...picked].map((s) => ({ ...s, text: excerpt(s.text, POINT_CHARS) }));
}
