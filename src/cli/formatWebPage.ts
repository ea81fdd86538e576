import { bookTitle } from '../answer/citationLine.ts';
import type { StoredWebDocument, WebPageReport } from '../service/webPages.ts';

function documentLines(heading: string, d: StoredWebDocument): string[] {
  const meta = [d.date ?? '日期不详', d.source].filter(Boolean).join(' · ');
  return [`${heading}${bookTitle(d.title)} · ${meta}`, `  文件：${d.file}`, `  网址：${d.url}`];
}

/** What `corpus add-url` stored, and each attachment it did not, with the reason. */
export function formatWebPageReport(report: WebPageReport): string {
  const lines = documentLines('已保存网页：', report.page);
  report.attachments.forEach((a, i) => lines.push(...documentLines(`附件 ${i + 1}：`, a)));
  if (report.refused.length) lines.push('未保存的附件：');
  for (const r of report.refused) lines.push(`  ${r.label || r.url}（${r.url}）：${r.reason}`);
  return `${lines.join('\n')}\n`;
}
