import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../userFacingError.ts';

/**
 * An index folder holds complete generations side by side and a CURRENT file naming the one in
 * service. A build writes a new generation, then replaces CURRENT with one rename, which is atomic:
 * readers see the old generation or the new one, never a half-written one.
 */
export const CURRENT_FILE = 'CURRENT';
const GENERATION_PREFIX = 'gen-';

export const FILES = {
  manifest: 'manifest.json',
  documents: 'documents.json',
  chunks: 'chunks.jsonl',
  /** The vectors in chunk order, as an hnswlib flat index (hnsw.ts): what a reindex reuses. */
  vectors: 'vectors.hnswlib',
  /** The same vectors dimension by dimension (Float32), as the scan reads them (vectorScan.ts). */
  vectorColumns: 'vector-columns.f32',
  bm25Terms: 'bm25-terms.txt',
  bm25: 'bm25.bin',
  synonyms: 'synonyms.txt',
} as const;

/**
 * A file where the index folder should be (EEXIST from mkdir), or above it (ENOTDIR), is said in
 * words instead of the system's error text: the configured index path is wrong. Any other error is
 * left as it is.
 */
function indexPathError(error: unknown, indexDir: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EEXIST' || code === 'ENOTDIR' ? new UserFacingError('invalid-config', `索引路径不是目录：${indexDir}`) : error;
}

export async function currentGeneration(indexDir: string): Promise<string | null> {
  try {
    const name = (await readFile(path.join(indexDir, CURRENT_FILE), 'utf8')).trim();
    return name.startsWith(GENERATION_PREFIX) && !name.includes('/') ? path.join(indexDir, name) : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw indexPathError(error, indexDir);
  }
}

/** Removes `dir`, then each parent up to `top`, stopping at the first folder that is not empty. */
async function removeEmptyFolders(dir: string, top: string): Promise<void> {
  for (let folder = dir; ; folder = path.dirname(folder)) {
    const removed = await rmdir(folder).then(
      () => true,
      () => false,
    );
    if (!removed || folder === top || folder === path.dirname(folder)) return;
  }
}

/**
 * Runs `work` (a reindex) with the index folder in place, creating it and its parents if need be.
 * When the work fails, the folders created here are removed again if it left them empty, so a
 * failed first build leaves no empty index folder behind; a folder holding anything stays.
 */
export async function withIndexFolder<T>(indexDir: string, work: () => Promise<T>): Promise<T> {
  const created = await mkdir(indexDir, { recursive: true }).catch((error: unknown) => {
    throw indexPathError(error, indexDir);
  });
  try {
    return await work();
  } catch (error) {
    if (created) await removeEmptyFolders(path.resolve(indexDir), path.resolve(created));
    throw error;
  }
}

export async function createGeneration(indexDir: string): Promise<string> {
  const name = `${GENERATION_PREFIX}${new Date().toISOString().replace(/[:.]/gu, '-')}-${randomBytes(3).toString('hex')}`;
  const dir = path.join(indexDir, name);
  await mkdir(dir, { recursive: true });
  return dir;
}

export async function publishGeneration(indexDir: string, generationDir: string): Promise<void> {
  const temp = path.join(indexDir, `${CURRENT_FILE}.${process.pid}.tmp`);
  await writeFile(temp, `${path.basename(generationDir)}\n`);
  await rename(temp, path.join(indexDir, CURRENT_FILE));
}

/** Removes every generation but the current one: superseded ones and those of interrupted builds. */
export async function removeStaleGenerations(indexDir: string): Promise<void> {
  const current = await currentGeneration(indexDir);
  const entries = await readdir(indexDir).catch(() => [] as string[]);
  await Promise.all(
    entries.filter((e) => (e.startsWith(GENERATION_PREFIX) && path.join(indexDir, e) !== current) || e.endsWith('.tmp')).map((e) => rm(path.join(indexDir, e), { recursive: true, force: true })),
  );
}
