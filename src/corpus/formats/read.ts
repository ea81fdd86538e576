import { decodeCorpusBytes } from '../decode.ts';
import { extractDoc } from './doc.ts';
import { extractDocx } from './docx.ts';
import type { Extracted } from './extracted.ts';
import { extractPdf } from './pdf.ts';
import { type BinaryFormat, sniffFormat } from './sniff.ts';

export type CorpusFormat = 'text' | BinaryFormat;

const TEXT_EXTENSIONS = ['.txt', '.md', '.html'] as const;
/** The extension a document format is stored under, whatever name it was uploaded with. */
export const FORMAT_EXTENSIONS: Record<BinaryFormat, string> = { pdf: '.pdf', docx: '.docx', doc: '.doc' };
export const CORPUS_EXTENSIONS: readonly string[] = [...TEXT_EXTENSIONS, ...Object.values(FORMAT_EXTENSIONS)];
export const ACCEPTED_FORMATS = CORPUS_EXTENSIONS.join('、');
/** Document formats a team may well drop into the folder: named in the report instead of passed over in silence. */
export const REFUSED_EXTENSIONS: readonly string[] = ['.wps', '.rtf', '.odt', '.xls', '.xlsx', '.ppt', '.pptx', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.gif', '.webp'];

const MB = 1024 * 1024;
/**
 * Largest file read, per format. Text over 5 MB is not a directive; PDFs and Word files carry
 * fonts and images besides their text, so they are allowed more.
 */
export const MAX_FORMAT_BYTES: Record<CorpusFormat, number> = { text: 5 * MB, pdf: 20 * MB, docx: 10 * MB, doc: 10 * MB };
export const MAX_CORPUS_FILE_BYTES = Math.max(...Object.values(MAX_FORMAT_BYTES));

export type ReadResult = { text: string; format: CorpusFormat; warnings: string[]; pages?: string[] } | { error: string };

const EXTRACTORS: Record<BinaryFormat, (bytes: Buffer) => Promise<Extracted>> = { pdf: extractPdf, docx: extractDocx, doc: extractDoc };

export function tooLarge(bytes: number, format: CorpusFormat): string | null {
  const limit = MAX_FORMAT_BYTES[format];
  return bytes > limit ? `文件过大（${(bytes / MB).toFixed(1)} MB，${format === 'text' ? '文本' : `${format.toUpperCase()} `}上限 ${limit / MB} MB）` : null;
}

/**
 * A corpus file's bytes → its text, by what the bytes are: a PDF named .txt is read as a PDF,
 * a .doc that is really a .docx as a .docx. A file named .pdf/.docx/.doc that holds none of
 * these is refused rather than decoded as text.
 */
export async function readCorpusBytes(bytes: Buffer, extension: string): Promise<ReadResult> {
  const format = bytes.length > 0 ? sniffFormat(bytes) : null;
  if (format && typeof format === 'object') return { error: `不支持的格式：${format.refused}；只接受 ${ACCEPTED_FORMATS}` };
  if (!format && Object.values(FORMAT_EXTENSIONS).includes(extension) && bytes.length > 0) return { error: `不是有效的 ${extension.slice(1).toUpperCase()} 文件` };
  const actual: CorpusFormat = format ?? 'text';
  const large = tooLarge(bytes.length, actual);
  if (large) return { error: large };
  if (format) {
    const extracted = await EXTRACTORS[format](bytes);
    return 'error' in extracted ? extracted : { ...extracted, format };
  }
  const decoded = decodeCorpusBytes(bytes);
  if ('error' in decoded) return { error: decoded.error.includes('二进制') ? `${decoded.error}；只接受 ${ACCEPTED_FORMATS}` : decoded.error };
  return { text: decoded.text, format: 'text', warnings: decoded.encoding === 'utf-8' ? [] : [`按 ${decoded.encoding} 解码`] };
}
