import { EmbedBuilder } from 'discord.js';
import { bookTitle } from '../../answer/citationLine.ts';
import type { StoredWebDocument, WebPageReport } from '../../service/webPages.ts';
import { escapeDiscord, maskedLink } from '../escape.ts';
import { truncate } from '../limits.ts';
import { COLORS } from './common.ts';

/** Room left for the reindex report that follows in the same message (6000 characters in all). */
const MAX_DESCRIPTION = 3000;

/** 《title》 linked to where it came from · date · publisher, then the file it was stored as. */
function documentLine(d: StoredWebDocument): string {
  const title = truncate(bookTitle(d.title), 100);
  const meta = escapeDiscord([d.date ?? '日期不详', d.source].filter(Boolean).join(' · '));
  // File names are sanitized to letters, digits, _ . - : safe inside backticks.
  return `${maskedLink(title, d.url) ?? escapeDiscord(title)} · ${meta} → \`${d.file}\``;
}

/** Whole lines up to `max` characters, so no link is cut in half; the rest is said to be left out. */
function fitLines(lines: readonly string[], max: number): string {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    size += [...line].length + 1;
    if (size > max) return [...kept, `…（其余 ${lines.length - kept.length} 行从略）`].join('\n');
    kept.push(line);
  }
  return kept.join('\n');
}

/** What /corpus add-url stored, and each attachment it did not, with the reason. */
export function webPageEmbed(report: WebPageReport): EmbedBuilder {
  const lines = ['**网页**', documentLine(report.page)];
  if (report.attachments.length) lines.push('', `**附件（${report.attachments.length}）**`, ...report.attachments.map((a) => `• ${documentLine(a)}`));
  if (report.refused.length) {
    lines.push('', `**未保存的附件（${report.refused.length}）**`);
    for (const r of report.refused) lines.push(`• ${maskedLink(truncate(r.label || r.url, 80), r.url) ?? escapeDiscord(truncate(r.url, 80))}：${escapeDiscord(r.reason)}`);
  }
  return new EmbedBuilder()
    .setColor(COLORS.summary)
    .setTitle(`已保存网页${report.attachments.length ? `及 ${report.attachments.length} 个附件` : ''}`)
    .setDescription(fitLines(lines, MAX_DESCRIPTION));
}
