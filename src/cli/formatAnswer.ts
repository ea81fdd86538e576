import type { Summary } from '../answer/summarize.ts';
import { bookTitle, citationLine } from '../answer/citationLine.ts';
import { relatedLine } from '../answer/citations.ts';
import { joinNotes, partialAnswerNote } from '../answer/notes.ts';
import { type Answer, type Citation, RELATED_HEADING } from '../answer/types.ts';

/** Plain-text rendering of an answer for the terminal. */
export function formatAnswer(answer: Answer): string {
  if (answer.answered) return render(answer.answer, answer.citations, joinNotes(answer.note, answer.answeredPart && partialAnswerNote(answer.answeredPart)));
  return render(`${answer.answer}${declineHelp(answer)}`, [], answer.note);
}

/** What a declined answer can still offer: the closest provisions, else the closest documents. */
function declineHelp({ related, closest }: Answer): string {
  if (related.length) {
    const lines = related.map((r) => `  · ${relatedLine(r)}`);
    return `\n\n${RELATED_HEADING}（不是答案，仅供查阅）：\n${lines.join('\n')}`;
  }
  return closest.length ? `\n最接近的文档：${closest.map((d) => bookTitle(d.title)).join('、')}。` : '';
}

export function formatSummary(summary: Summary): string {
  return render(summary.summary, summary.citations, summary.note);
}

function render(body: string, citations: readonly Citation[], note: string | undefined): string {
  const lines = note ? [`（${note}）`, body] : [body];
  if (citations.length) lines.push('', '来源：');
  for (const c of citations) {
    lines.push(`[${c.n}] ${citationLine(c)}`);
    if (c.url) lines.push(`    原文网址：${c.url}`);
    lines.push(`    ${c.text.replace(/\n/gu, ' ').slice(0, 160)}${c.text.length > 160 ? '…' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
