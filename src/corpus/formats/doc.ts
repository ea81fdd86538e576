import type { Extracted } from './extracted.ts';

/**
 * A legacy .doc's text through word-extractor: the body, then footnotes and endnotes. An OLE2 file
 * that is not a Word document (.wps, .xls) fails here and is refused.
 */
export async function extractDoc(bytes: Buffer): Promise<Extracted> {
  // Imported on first use, as pdf.js is: startup should not pay for a format most corpora lack.
  const { default: WordExtractor } = await import('word-extractor');
  try {
    const document = await new WordExtractor().extract(bytes);
    const text = [document.getBody(), document.getFootnotes(), document.getEndnotes()]
      .join('\n')
      .split(/\r?\n/u)
      .map((line) => line.trim())
      .filter(Boolean)
      .join('\n');
    return text ? { text, warnings: [] } : { error: 'Word 文档没有文字' };
  } catch {
    return { error: '无法读取：不是 Word 97–2003 .doc 文件（WPS、Excel 等请另存为 .docx 或 PDF）' };
  }
}
