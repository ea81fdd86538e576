import { lstat, mkdir, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ACCEPTED_FORMATS, CORPUS_EXTENSIONS, FORMAT_EXTENSIONS, readCorpusBytes } from '../corpus/formats/read.ts';
import { sniffFormat } from '../corpus/formats/sniff.ts';
import { UserFacingError } from '../userFacingError.ts';

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/iu;
const MAX_NAME_CHARS = 80;
const TEXT_EXTENSIONS = CORPUS_EXTENSIONS.filter((e) => !Object.values(FORMAT_EXTENSIONS).includes(e));

/**
 * A safe file name for the corpus: the base name only (no folders, no `..`), NFKC-folded so
 * look-alike full-width characters become plain ones, letters, digits, - _ . only, not a device
 * name, not hidden. `extension` is the one the bytes call for (a PDF is stored as .pdf whatever it
 * was called); without it, the name must carry a text extension.
 */
export function sanitizeFileName(name: string, extension?: string): string {
  const base = name.normalize('NFKC').split(/[\\/]/u).at(-1) ?? '';
  const own = path.extname(base).toLowerCase();
  if (!extension && !TEXT_EXTENSIONS.includes(own)) throw new UserFacingError('unsupported-format', `只接受 ${ACCEPTED_FORMATS} 文件`);
  const stem = base
    .slice(0, base.length - own.length)
    .replace(/[^\p{L}\p{N}_.-]+/gu, '_')
    .replace(/^[._-]+|[._-]+$/gu, '')
    .slice(0, MAX_NAME_CHARS);
  if (!stem || RESERVED.test(stem)) throw new UserFacingError('invalid-file-name', '文件名无效，请改用字母、数字或汉字命名');
  return `${stem}${extension ?? own}`;
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

export interface AddOptions {
  replace: boolean;
  /** Largest text file accepted. */
  maxBytes: number;
  /** Largest PDF or Word file accepted. */
  maxDocumentBytes: number;
}

/**
 * Writes an uploaded document into the corpus folder; refuses to overwrite unless `replace`. What
 * the file is comes from its bytes, not its name or the attachment's content type; it is read
 * before it is stored, so a scan without text or a damaged file is refused here, with the reason.
 */
export async function addCorpusFile(corpusDir: string, name: string, bytes: Buffer, options: AddOptions): Promise<string> {
  if (bytes.length === 0) throw new UserFacingError('unreadable-file', '文件为空');
  const format = sniffFormat(bytes);
  if (format && typeof format === 'object') throw new UserFacingError('unsupported-format', `不支持的格式：${format.refused}；只接受 ${ACCEPTED_FORMATS}`);
  const fileName = sanitizeFileName(name, format ? FORMAT_EXTENSIONS[format] : undefined);
  const maxBytes = format ? options.maxDocumentBytes : options.maxBytes;
  if (bytes.length > maxBytes) throw new UserFacingError('file-too-large', `文件过大（上限 ${Math.round(maxBytes / 1024)} KB）`);
  if (!format) {
    if (bytes.subarray(0, 8192).includes(0)) throw new UserFacingError('unsupported-format', `不是文本文件；只接受 ${ACCEPTED_FORMATS}`);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new UserFacingError('unsupported-format', '文件不是 UTF-8 编码，请转换后再上传');
    }
  }
  const read = await readCorpusBytes(bytes, path.extname(fileName));
  if ('error' in read) throw new UserFacingError('unreadable-file', read.error);
  await mkdir(corpusDir, { recursive: true });
  const root = await realpath(corpusDir);
  const target = path.join(root, fileName);
  if (!options.replace && (await exists(target))) throw new UserFacingError('document-exists', `语料中已有 ${fileName}`);
  // Another extension under the same stem is the same document id: the reindex would skip one of them.
  const stem = fileName.slice(0, -path.extname(fileName).length);
  for (const extension of CORPUS_EXTENSIONS) {
    const other = `${stem}${extension}`;
    if (other !== fileName && (await exists(path.join(root, other)))) throw new UserFacingError('invalid-file-name', `语料中已有同名文档 ${other}，请先删除它或改名后再上传`);
  }
  await writeFile(target, bytes);
  return fileName;
}

/** Deletes the file of a document id (path relative to the corpus folder, without extension). */
export async function removeCorpusFile(corpusDir: string, docId: string): Promise<string> {
  const root = await realpath(corpusDir);
  for (const extension of CORPUS_EXTENSIONS) {
    const file = path.resolve(root, `${docId}${extension}`);
    if (!file.startsWith(root + path.sep)) break;
    if (await exists(file)) {
      await rm(file);
      return path.relative(root, file);
    }
  }
  throw new UserFacingError('unknown-document', `语料中没有文档 ${docId}`);
}
