import type { PdfLine } from './pdfLines.ts';

/** `— 3 —`, `- 3 -`, `第 3 页`, `第3页 共10页`, `3 / 10`, `Page 3`, or a bare number. */
const PAGE_NUMBER = /^(?:[-—–－~～·\s]*\d{1,4}[-—–－~～·\s]*|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|page\s*\d{1,4}(?:\s*of\s*\d{1,4})?)$/iu;

/** How many lines at the top and at the bottom of a page can be a running header or footer. */
const EDGE_LINES = 2;

export function isPageNumber(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** A line with its digits folded, so `国家邮政局文件 2` and `国家邮政局文件 3` repeat. */
const shape = (text: string) => text.replace(/\s+/gu, '').replace(/\d+/gu, '#');

/**
 * Drops the running headers, footers and page numbers of each page. A page number is dropped
 * wherever it stands at a page's edge; another edge line only when the same line (digits aside)
 * stands at the edge of at least half of the pages — two pages at the least, since one page has
 * nothing to repeat and its first line is the title.
 */
export function removeRunningLines(pages: readonly PdfLine[][]): PdfLine[][] {
  const edges = (lines: readonly PdfLine[]) => [...lines.slice(0, EDGE_LINES), ...lines.slice(-EDGE_LINES)];
  const counts = new Map<string, number>();
  for (const lines of pages) {
    for (const key of new Set(edges(lines).map((l) => shape(l.text)))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = (text: string) => pages.length >= 2 && (counts.get(shape(text)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((lines) =>
    lines.filter((line, i) => {
      const atEdge = i < EDGE_LINES || i >= lines.length - EDGE_LINES;
      return !(atEdge && (isPageNumber(line.text) || repeated(line.text)));
    }),
  );
}
