import type { Extracted } from './extracted.ts';
import { type PdfTextItem, pageLines } from './pdfLines.ts';
import { paragraphs } from './pdfParagraphs.ts';
import { removeRunningLines } from './pdfRunningLines.ts';

export const NEEDS_OCR = 'PDF 没有文字层（可能是扫描件），需要先做文字识别（OCR）后再加入语料';

/** Positioned text of every page → the document text; a scan (no text anywhere) is refused. */
export function pdfText(pages: readonly PdfTextItem[][]): Extracted {
  const lines = pages.map(pageLines);
  const blank = lines.flatMap((l, i) => (l.length === 0 ? [i + 1] : []));
  if (blank.length === pages.length) return { error: NEEDS_OCR };
  const warnings = blank.length > 0 ? [`第 ${blank.join('、')} 页没有文字层（可能是扫描页），这些页未索引，需要 OCR`] : [];
  const body = removeRunningLines(lines);
  return { text: paragraphs(body).join('\n'), warnings, pages: body.map((page) => page.map((line) => line.text).join('')) };
}
