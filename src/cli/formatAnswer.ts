import type { Answer } from '../answer/types.ts';

/** Plain-text rendering of an answer for the terminal. */
export function formatAnswer(answer: Answer): string {
  const lines = [answer.answer];
  if (answer.citations.length) lines.push('', '来源：');
  for (const c of answer.citations) {
    const meta = [c.date ?? '日期不详', c.source].filter(Boolean).join('，');
    lines.push(`[${c.n}] 《${c.title}》${c.location && c.location !== `《${c.title}》` ? ` ${c.location}` : ''}（${meta}）`);
    lines.push(`    ${c.text.replace(/\n/gu, ' ').slice(0, 160)}${c.text.length > 160 ? '…' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
