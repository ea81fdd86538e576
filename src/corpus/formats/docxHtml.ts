import { htmlToText } from '../clean/markup.ts';

/** Cells of one table row are set apart by an ideographic space, the way a row reads aloud. */
const CELL_SEPARATOR = '\u3000';

/** One table → one paragraph per row, its cells' text in order (a cell's own paragraphs run together). */
function tableRows(table: string): string {
  return table
    .replace(/<\/?p\b[^>]*>/giu, '')
    .replace(/<\/t[dh]>\s*<t[dh]\b[^>]*>/giu, CELL_SEPARATOR)
    .replace(/<tr\b[^>]*>/giu, '<p>')
    .replace(/<\/tr>/giu, '</p>')
    .replace(/<\/?(?:table|thead|tbody|tfoot|t[dh])\b[^>]*>/giu, '');
}

/**
 * The HTML mammoth writes for a .docx → text, one paragraph a line: headings stay lines of their
 * own (the regulation parser reads 第一章/第一条 from them), tables become one line per row, and
 * footnotes (listed at the end) are kept without their back-link arrows.
 */
export function docxHtmlToText(html: string): string {
  const flat = html.replace(/<table\b[\s\S]*?<\/table>/giu, tableRows);
  return htmlToText(flat)
    .replace(/\s*↑/gu, '')
    .split('\n')
    .map((line) => line.replace(/[ \t]+/gu, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
