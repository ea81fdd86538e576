import type { Summary } from '../answer/summarize.ts';
import type { Answer, Citation } from '../answer/types.ts';

/** Plain-text rendering of an answer for the terminal. */
export function formatAnswer(answer: Answer): string {
  return render(answer.answer, answer.citations, answer.note);
}

export function formatSummary(summary: Summary): string {
  return render(summary.summary, summary.citations, summary.note);
}

function render(body: string, citations: readonly Citation[], note: string | undefined): string {
  const lines = note ? [`（${note}）`, body] : [body];
  if (citations.length) lines.push('', '来源：');
  for (const c of citations) {
    const meta = [c.date ?? '日期不详', c.source].filter(Boolean).join('，');
    lines.push(`[${c.n}] 《${c.title}》${c.location && c.location !== `《${c.title}》` ? ` ${c.location}` : ''}（${meta}）`);
    lines.push(`    ${c.text.replace(/\n/gu, ' ').slice(0, 160)}${c.text.length > 160 ? '…' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
