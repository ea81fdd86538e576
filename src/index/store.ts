import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Chunk } from '../chunk/types.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import { IndexError } from './errors.ts';
import { FILES } from './layout.ts';
import { type Manifest, manifestSchema } from './manifest.ts';

/** A chunk as stored: its lexical features are kept so loading never re-runs segmentation. */
export interface StoredChunk extends Chunk {
  features: string[];
  /** Its vector's label in the hnswlib graph: stable across incremental reindexes, unlike positions. */
  label: number;
}

export interface IndexData {
  manifest: Manifest;
  documents: DocumentMetadata[];
  chunks: StoredChunk[];
  /** One unit vector per chunk, in chunk order. */
  vectors: Float32Array[];
}

const documentsSchema = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    source: z.string().nullable(),
    path: z.string(),
    categories: z.array(z.string()),
  }),
);

export async function writeIndexData(dir: string, data: IndexData): Promise<void> {
  const dimension = data.manifest.embedding.dimension;
  const flat = new Float32Array(data.vectors.length * dimension);
  data.vectors.forEach((v, i) => flat.set(v, i * dimension));
  const chunkLines = data.chunks.map((c) => JSON.stringify({ ...c, features: c.features.join(' ') }));
  await Promise.all([
    writeFile(path.join(dir, FILES.documents), JSON.stringify(data.documents)),
    writeFile(path.join(dir, FILES.chunks), chunkLines.join('\n') + (chunkLines.length ? '\n' : '')),
    writeFile(path.join(dir, FILES.vectors), Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength)),
  ]);
  // The manifest goes last: a generation without one is incomplete and never loaded.
  await writeFile(path.join(dir, FILES.manifest), JSON.stringify(data.manifest, null, 2));
}

async function readText(dir: string, file: string): Promise<string> {
  try {
    return await readFile(path.join(dir, file), 'utf8');
  } catch (error) {
    throw new IndexError(`索引文件缺失：${file}（${(error as NodeJS.ErrnoException).code ?? 'unreadable'}），请重建索引`);
  }
}

export async function readManifest(dir: string): Promise<Manifest> {
  let json: unknown;
  try {
    json = JSON.parse(await readText(dir, FILES.manifest));
  } catch (error) {
    if (error instanceof IndexError) throw error;
    throw new IndexError('索引清单已损坏，请重建索引');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new IndexError('索引清单格式不符（可能来自旧版本），请重建索引');
  return parsed.data;
}

export async function readIndexData(dir: string, manifest: Manifest): Promise<IndexData> {
  const dimension = manifest.embedding.dimension;
  let documents: DocumentMetadata[];
  let chunks: StoredChunk[];
  try {
    documents = documentsSchema.parse(JSON.parse(await readText(dir, FILES.documents)));
    const lines = (await readText(dir, FILES.chunks)).split('\n').filter(Boolean);
    chunks = lines.map((line) => {
      const raw = JSON.parse(line) as Omit<StoredChunk, 'features'> & { features: string };
      return { ...raw, features: raw.features ? raw.features.split(' ') : [] };
    });
  } catch (error) {
    if (error instanceof IndexError) throw error;
    throw new IndexError('索引文本库已损坏，请重建索引');
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(dir, FILES.vectors));
  } catch {
    throw new IndexError(`索引文件缺失：${FILES.vectors}，请重建索引`);
  }
  if (chunks.length !== manifest.chunkCount || bytes.byteLength !== chunks.length * dimension * 4) {
    throw new IndexError('索引文件不完整（向量与文本块数量不符），请重建索引');
  }
  const flat = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const vectors = chunks.map((_, i) => flat.subarray(i * dimension, (i + 1) * dimension));
  return { manifest, documents, chunks, vectors };
}
