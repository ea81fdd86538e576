import type { DocumentMetadata } from '../corpus/types.ts';

const COLUMNS: [string, (d: DocumentMetadata) => string | null][] = [
  ['文档', (d) => d.id],
  ['标题', (d) => d.title],
  ['日期', (d) => d.date],
  ['施行', (d) => d.effectiveDate],
  ['发布机关', (d) => d.issuer],
  ['文号', (d) => d.documentNumber],
  ['来源', (d) => d.source],
  ['适用范围', (d) => d.scope],
];

/** A Markdown table cell: a `|` in a title would split the row, a line break would end it. */
function cell(value: string | null): string {
  return value ? value.replace(/\|/gu, '\\|').replace(/\s*\n\s*/gu, ' ') : '—';
}

/** The metadata read from each document, one Markdown table row per document, as README shows it. */
export function formatSourcesTable(documents: readonly DocumentMetadata[]): string {
  const rows = [`| ${COLUMNS.map(([name]) => name).join(' | ')} |`, `|${COLUMNS.map(() => '---|').join('')}`, ...documents.map((d) => `| ${COLUMNS.map(([, value]) => cell(value(d))).join(' | ')} |`)];
  return `${rows.join('\n')}\n`;
}
