import { docxHtmlToText } from './docxHtml.ts';
import type { Extracted } from './extracted.ts';

/** A .docx's text through mammoth: the HTML keeps headings, tables and footnotes apart. */
export async function extractDocx(bytes: Buffer): Promise<Extracted> {
  // Imported on first use, as pdf.js is: startup should not pay for a format most corpora lack.
  const { default: mammoth } = await import('mammoth');
  try {
    // Images are dropped: only text is indexed, and inlining them as data URIs costs memory.
    const result = await mammoth.convertToHtml({ buffer: bytes }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })), externalFileAccess: false });
    const text = docxHtmlToText(result.value);
    return text ? { text, warnings: [] } : { error: 'Word 文档没有文字' };
  } catch (error) {
    return { error: `无法读取 Word 文档：${(error as Error).message}` };
  }
}
