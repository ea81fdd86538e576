import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_CHUNKING } from '../src/chunk/types.ts';
import { HashingEmbeddings } from '../src/embed/hashingEmbeddings.ts';
import { reindex, type ReindexOptions } from '../src/index/build.ts';
import { chunksFileText, ServedChunks } from '../src/index/servedChunks.ts';
import type { StoredChunk } from '../src/index/store.ts';

export const SEED_CORPUS = path.resolve('corpus');
export const FIXTURE_REGULATIONS = path.resolve('tests/fixtures/regulations');

export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export const testEmbeddings = () => new HashingEmbeddings({ dimension: 256 });

export function buildIndex(corpusDirs: string[], indexDir: string, extra: Partial<ReindexOptions> = {}) {
  const embeddings = extra.embeddings ?? testEmbeddings();
  return reindex({
    corpusDirs,
    indexDir,
    embeddings,
    embedding: (embeddings as HashingEmbeddings).identity,
    chunking: DEFAULT_CHUNKING,
    ...extra,
  });
}

/** Chunks as a served index holds them, from the file a build would write. */
export const servedChunks = (chunks: readonly StoredChunk[]) => new ServedChunks(Buffer.from(chunksFileText(chunks)), chunks.length);

/** Every served chunk in chunk order, parsing them all: what a test compares, never what serving does. */
export const allChunks = (chunks: ServedChunks): StoredChunk[] => Array.from({ length: chunks.length }, (_, i) => chunks.at(i));
