import { lstat, mkdir, realpath, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CORPUS_EXTENSIONS } from '../corpus/load.ts';

/** A problem with an uploaded or removed file, phrased for the user. */
export class CorpusFileError extends Error {}

const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/iu;
const MAX_NAME_CHARS = 80;

/**
 * A safe file name for the corpus: the base name only (no folders, no `..`), NFKC-folded so
 * look-alike full-width characters become plain ones, letters, digits, - _ . only, a known
 * extension, not a device name, not hidden.
 */
export function sanitizeFileName(name: string): string {
  const base = name.normalize('NFKC').split(/[\\/]/u).at(-1) ?? '';
  const extension = path.extname(base).toLowerCase();
  if (!(CORPUS_EXTENSIONS as readonly string[]).includes(extension)) {
    throw new CorpusFileError(`只接受 ${CORPUS_EXTENSIONS.join('、')} 文件`);
  }
  const stem = base
    .slice(0, -extension.length)
    .replace(/[^\p{L}\p{N}_.-]+/gu, '_')
    .replace(/^[._-]+|[._-]+$/gu, '')
    .slice(0, MAX_NAME_CHARS);
  if (!stem || RESERVED.test(stem)) throw new CorpusFileError('文件名无效，请改用字母、数字或汉字命名');
  return `${stem}${extension}`;
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}

/** Writes an uploaded document into the corpus folder; refuses to overwrite unless `replace`. */
export async function addCorpusFile(corpusDir: string, name: string, bytes: Buffer, options: { replace: boolean; maxBytes: number }): Promise<string> {
  const fileName = sanitizeFileName(name);
  if (bytes.length === 0) throw new CorpusFileError('文件为空');
  if (bytes.length > options.maxBytes) throw new CorpusFileError(`文件过大（上限 ${Math.round(options.maxBytes / 1024)} KB）`);
  if (bytes.subarray(0, 8192).includes(0)) throw new CorpusFileError('不是文本文件');
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CorpusFileError('文件不是 UTF-8 编码，请转换后再上传');
  }
  await mkdir(corpusDir, { recursive: true });
  const target = path.join(await realpath(corpusDir), fileName);
  if (!options.replace && (await exists(target))) throw new CorpusFileError(`语料中已有 ${fileName}，如需覆盖请设置 replace:true`);
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
  throw new CorpusFileError(`语料中没有文档 ${docId}`);
}
