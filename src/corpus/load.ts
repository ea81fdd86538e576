import { createHash } from 'node:crypto';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import pLimit from 'p-limit';
import { UserFacingError } from '../userFacingError.ts';
import { decodeCorpusBytes } from './decode.ts';
import { ACCEPTED_FORMATS, CORPUS_EXTENSIONS, type CorpusFormat, MAX_CORPUS_FILE_BYTES, REFUSED_EXTENSIONS, readCorpusBytes } from './formats/read.ts';

/** A corpus folder's own synonyms (Solr format), read at reindex; never indexed as a document. */
export const SYNONYMS_FILE = 'synonyms.txt';

/** What a reindex compares before reading a file: the same size and mtime as last time mean unchanged. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** A corpus file found by listing, before it is read. */
export interface CorpusEntry extends FileStamp {
  id: string;
  path: string;
  extension: string;
}

export interface SourceFile extends CorpusEntry {
  /** What the bytes turned out to be; the text of a PDF or Word file is what was extracted from it. */
  format: CorpusFormat;
  text: string;
  /** sha256 of the file's bytes: what decides whether a file changed between reindexes. */
  hash: string;
  /** A PDF's page texts, so its chunks can cite their page. */
  pages?: string[];
}

export interface SynonymsFile {
  path: string;
  text: string;
}

interface Findings {
  /** The `synonyms.txt` at the top of each corpus folder that has one. */
  synonyms: SynonymsFile[];
  /** Files that were skipped or decoded specially, with the reason, for the reindex report. */
  warnings: { path: string; message: string }[];
}

export interface CorpusListing extends Findings {
  entries: CorpusEntry[];
}

export interface CorpusScan extends Findings {
  files: SourceFile[];
}

async function* walk(dir: string): AsyncGenerator<string> {
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

const STAT_CONCURRENCY = 32;

const extensionOf = (file: string) => path.extname(file).toLowerCase();

/** A corpus file's size and mtime, or why it is skipped (a symlink out of the folder, an unreadable file). */
async function stampOf(root: string, file: string): Promise<FileStamp | { skip: string }> {
  try {
    const link = await lstat(file);
    if (link.isSymbolicLink() && !isInside(root, await realpath(file))) return { skip: '符号链接指向语料目录之外，已跳过' };
    // A symlink's own size and mtime say nothing about its target's content.
    const target = link.isSymbolicLink() ? await stat(file) : link;
    return { size: target.size, mtimeMs: target.mtimeMs };
  } catch (error) {
    return { skip: `无法读取：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/**
 * Lists every .txt/.md/.html/.pdf/.docx/.doc file under the corpus folders with its size and mtime, without reading
 * it (the synonyms files excepted). Document id = path relative to its corpus folder without
 * extension. Nothing here throws for one bad file: it is skipped with a warning.
 */
export async function listCorpus(dirs: readonly string[]): Promise<CorpusListing> {
  const entries: CorpusEntry[] = [];
  const synonyms: SynonymsFile[] = [];
  const warnings: CorpusListing['warnings'] = [];
  const seen = new Map<string, string>();
  for (const dir of dirs) {
    const root = await realpath(dir).catch(() => {
      throw new UserFacingError('corpus-unavailable', `语料目录不存在：${dir}`);
    });
    if (!(await lstat(root)).isDirectory()) throw new UserFacingError('corpus-unavailable', `语料路径不是目录：${dir}`);
    const synonymsPath = path.join(dir, SYNONYMS_FILE);
    const files: string[] = [];
    for await (const file of walk(dir)) files.push(file);
    // Stamped side by side: each stat waits on the disk, not on this thread.
    const limit = pLimit(STAT_CONCURRENCY);
    const stamps = await Promise.all(files.map((file) => (CORPUS_EXTENSIONS.includes(extensionOf(file)) ? limit(() => stampOf(root, file)) : null)));
    for (const [i, file] of files.entries()) {
      if (file === synonymsPath) {
        // Decoded like any corpus file: a synonyms list saved as GBK must not become mojibake rules.
        const decoded = await readFile(file).then(decodeCorpusBytes, () => ({ error: '无法读取' }));
        if ('error' in decoded) warnings.push({ path: file, message: `同义词文件${decoded.error}，已跳过` });
        else synonyms.push({ path: file, text: decoded.text });
        continue;
      }
      const extension = extensionOf(file);
      const warn = (message: string) => warnings.push({ path: file, message });
      if (REFUSED_EXTENSIONS.includes(extension)) warn(`不支持的格式（${extension}），只接受 ${ACCEPTED_FORMATS}，已跳过`);
      const stamp = stamps[i];
      if (!stamp) continue;
      if ('skip' in stamp) {
        warn(stamp.skip);
        continue;
      }
      // Not even read past the largest limit of any format; under it, the format's own limit applies.
      if (stamp.size > MAX_CORPUS_FILE_BYTES) {
        warn(`文件过大（${(stamp.size / 1048576).toFixed(1)} MB，上限 ${MAX_CORPUS_FILE_BYTES / 1048576} MB），已跳过`);
        continue;
      }
      const id = path.relative(dir, file).slice(0, -extension.length).split(path.sep).join('/');
      const previous = seen.get(id);
      if (previous) {
        warn(`文档编号 ${id} 与 ${previous} 重复，已跳过`);
        continue;
      }
      seen.set(id, file);
      entries.push({ id, path: file, extension, ...stamp });
    }
  }
  return { entries, synonyms, warnings };
}

/** Reads, decodes (or extracts) and hashes one listed file; a file that cannot be used is a warning instead. */
export async function readCorpusFile(entry: CorpusEntry): Promise<{ file: SourceFile | null; warnings: string[] }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(entry.path);
  } catch (error) {
    return { file: null, warnings: [`无法读取：${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`] };
  }
  const read = await readCorpusBytes(bytes, entry.extension);
  if ('error' in read) return { file: null, warnings: [`${read.error}，已跳过`] };
  const hash = createHash('sha256').update(bytes).digest('hex');
  const file: SourceFile = { ...entry, format: read.format, text: read.text, hash, ...(read.pages && { pages: read.pages }) };
  return { file, warnings: read.warnings };
}

/** Lists and reads every corpus file (see listCorpus). */
export async function scanCorpus(dirs: readonly string[]): Promise<CorpusScan> {
  const { entries, synonyms, warnings } = await listCorpus(dirs);
  const files: SourceFile[] = [];
  for (const entry of entries) {
    const read = await readCorpusFile(entry);
    for (const message of read.warnings) warnings.push({ path: entry.path, message });
    if (read.file) files.push(read.file);
  }
  return { files, synonyms, warnings };
}
