import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

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
  vectors: 'vectors.f32',
  hnsw: 'hnsw.bin',
  bm25Terms: 'bm25-terms.txt',
  bm25: 'bm25.bin',
  synonyms: 'synonyms.txt',
} as const;

export async function currentGeneration(indexDir: string): Promise<string | null> {
  try {
    const name = (await readFile(path.join(indexDir, CURRENT_FILE), 'utf8')).trim();
    return name.startsWith(GENERATION_PREFIX) && !name.includes('/') ? path.join(indexDir, name) : null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
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
    entries
      .filter((e) => (e.startsWith(GENERATION_PREFIX) && path.join(indexDir, e) !== current) || e.endsWith('.tmp'))
      .map((e) => rm(path.join(indexDir, e), { recursive: true, force: true })),
  );
}
