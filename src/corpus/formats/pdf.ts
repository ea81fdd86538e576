import { createRequire } from 'node:module';
import path from 'node:path';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import type { Extracted } from './extracted.ts';
import type { PdfTextItem } from './pdfLines.ts';
import { pdfText } from './pdfText.ts';

/**
 * The CMaps (STSong-Light and the other standard CJK fonts are only readable through them) and the
 * standard font data ship inside pdfjs-dist: read from there, never downloaded. pdf.js in Node
 * reads these "URLs" as file paths, and wants the trailing separator.
 */
const PDFJS_DIR = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
const RESOURCES = {
  cMapUrl: `${path.join(PDFJS_DIR, 'cmaps')}${path.sep}`,
  cMapPacked: true,
  standardFontDataUrl: `${path.join(PDFJS_DIR, 'standard_fonts')}${path.sep}`,
};

const READ_ERRORS: Record<string, string> = {
  PasswordException: 'PDF 已加密，需要密码，无法读取',
  InvalidPDFException: 'PDF 文件已损坏，无法读取',
};

function isTextItem(item: object): item is TextItem {
  return 'str' in item;
}

/** The text of a PDF's text layer, in reading order, one paragraph a line. */
export async function extractPdf(bytes: Buffer): Promise<Extracted> {
  // Imported on first use: pdf.js is large, and most corpora and most runs never meet a PDF.
  const { getDocument, VerbosityLevel } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // pdf.js takes ownership of (and detaches) the array it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(bytes), ...RESOURCES, isEvalSupported: false, verbosity: VerbosityLevel.ERRORS });
  try {
    const pdf = await task.promise;
    const pages: PdfTextItem[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push(content.items.filter(isTextItem).map((i) => ({ str: i.str, x: i.transform[4] as number, y: i.transform[5] as number, width: i.width, height: i.height })));
      page.cleanup();
    }
    return pdfText(pages);
  } catch (error) {
    return { error: READ_ERRORS[(error as Error).name] ?? `无法读取 PDF：${(error as Error).message}` };
  } finally {
    await task.destroy();
  }
}
