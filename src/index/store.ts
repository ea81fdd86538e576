import { stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Chunk } from '../chunk/types.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import { UserFacingError } from '../userFacingError.ts';
import { Bm25Index } from './bm25.ts';
import { readVectorStore, writeVectorStore } from './hnsw.ts';
import { FILES } from './layout.ts';
import { readWhole } from './readWhole.ts';
import { type Manifest, manifestSchema } from './manifest.ts';
import { chunksFileText, ServedChunks } from './servedChunks.ts';
import { VectorScan } from './vectorScan.ts';

/** A chunk as stored, in chunk order: its position is its place in the BM25 postings, the vector store and the scan. */
export type StoredChunk = Chunk;

/** Everything a generation holds, as a reindex reads it to reuse unchanged chunks. */
export interface IndexData {
  manifest: Manifest;
  documents: DocumentMetadata[];
  chunks: StoredChunk[];
  /** BM25 over the chunks, in chunk order; it also holds each chunk's term counts for the next reindex. */
  bm25: Bm25Index;
  /** One unit vector per chunk, in chunk order. */
  vectors: Float32Array[];
  /** The corpus's own synonym rules (its synonyms.txt files and the definitions in its text), Solr format. */
  synonyms: string;
}

/** What serving questions needs: no term counts, and the vectors by dimension for the scan. */
export type ServedData = Pick<IndexData, 'documents' | 'bm25' | 'synonyms'> & {
  chunks: ServedChunks;
  scan: VectorScan;
};

const documentsSchema = z.array(
  z.object({
    id: z.string(),
    title: z.string(),
    date: z.string().nullable(),
    effectiveDate: z.string().nullable(),
    issuer: z.string().nullable(),
    documentNumber: z.string().nullable(),
    source: z.string().nullable(),
    scope: z.string(),
    path: z.string(),
    categories: z.array(z.string()),
    sourceUrl: z.string().nullable(),
    attachedTo: z.string().nullable(),
  }),
);

/** Writes every file of a generation but the manifest (sealGeneration writes it last). */
export async function writeIndexData(dir: string, data: IndexData): Promise<void> {
  const dimension = data.manifest.embedding.dimension;
  const bm25 = data.bm25.serialize();
  await Promise.all([
    writeFile(path.join(dir, FILES.documents), JSON.stringify(data.documents)),
    writeFile(path.join(dir, FILES.chunks), chunksFileText(data.chunks)),
    writeVectorStore(path.join(dir, FILES.vectors), data.vectors, dimension),
    VectorScan.fromRows(data.vectors, dimension).write(path.join(dir, FILES.vectorColumns)),
    writeFile(path.join(dir, FILES.bm25Terms), bm25.terms),
    writeFile(path.join(dir, FILES.bm25), bm25.arrays),
    writeFile(path.join(dir, FILES.synonyms), data.synonyms),
  ]);
}

async function readText(dir: string, file: string): Promise<string> {
  try {
    return (await readWhole(path.join(dir, file))).toString('utf8');
  } catch (error) {
    throw new UserFacingError('index-damaged', `索引文件缺失：${file}（${(error as NodeJS.ErrnoException).code ?? 'unreadable'}）`);
  }
}

export async function readManifest(dir: string): Promise<Manifest> {
  let json: unknown;
  try {
    json = JSON.parse(await readText(dir, FILES.manifest));
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError('index-damaged', '索引清单已损坏');
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) throw new UserFacingError('index-outdated', '索引清单格式不符（可能来自旧版本）');
  return parsed.data;
}

async function readDocuments(dir: string): Promise<DocumentMetadata[]> {
  try {
    return documentsSchema.parse(JSON.parse(await readText(dir, FILES.documents)));
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError('index-damaged', '索引文本库已损坏');
  }
}

async function readChunks(dir: string, manifest: Manifest): Promise<{ documents: DocumentMetadata[]; chunks: StoredChunk[] }> {
  try {
    const documents = await readDocuments(dir);
    const chunks = (await readText(dir, FILES.chunks))
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as StoredChunk);
    if (chunks.length !== manifest.chunkCount) throw new Error('chunk count differs from the manifest');
    return { documents, chunks };
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    throw new UserFacingError('index-damaged', '索引文本库已损坏');
  }
}

/** The stored BM25 postings, checked against the number of chunks they must cover. */
export async function readBm25(dir: string, chunkCount: number): Promise<Bm25Index> {
  let bm25: Bm25Index;
  try {
    const [terms, arrays] = await Promise.all([readWhole(path.join(dir, FILES.bm25Terms)), readWhole(path.join(dir, FILES.bm25))]);
    bm25 = Bm25Index.deserialize(terms.toString('utf8'), arrays);
  } catch {
    throw new UserFacingError('index-damaged', '索引文本库已损坏（BM25）');
  }
  if (bm25.size !== chunkCount) throw new UserFacingError('index-damaged', '索引文本库已损坏（BM25）');
  return bm25;
}

/** The vectors by dimension, read into the scan's memory on the thread pool. */
async function readScan(dir: string, manifest: Manifest): Promise<VectorScan> {
  try {
    return await VectorScan.read(path.join(dir, FILES.vectorColumns), manifest.chunkCount, manifest.embedding.dimension);
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UserFacingError('index-damaged', missing ? `索引文件缺失：${FILES.vectorColumns}` : '向量文件已损坏');
  }
}

/**
 * Throws unless the scan's file has the size its chunks need. A reindex rewrites it rather than
 * reading it, but an unchanged corpus keeps the generation in service, which must be whole.
 */
export async function checkVectorColumns(dir: string, manifest: Manifest): Promise<void> {
  const size = (await stat(path.join(dir, FILES.vectorColumns)).catch(() => null))?.size;
  if (size !== VectorScan.fileBytes(manifest.chunkCount, manifest.embedding.dimension)) throw new UserFacingError('index-damaged', '向量文件已损坏');
}

async function readBytes(dir: string, file: string): Promise<Buffer> {
  try {
    return await readWhole(path.join(dir, file));
  } catch (error) {
    throw new UserFacingError('index-damaged', `索引文件缺失：${file}（${(error as NodeJS.ErrnoException).code ?? 'unreadable'}）`);
  }
}

/**
 * The generation as questions need it. The chunks are not parsed here but when read (ServedChunks):
 * at a restart this thread is busy loading the segmentation dictionaries, and whatever it parses
 * here delays the first answer.
 */
export async function readServedData(dir: string, manifest: Manifest): Promise<ServedData> {
  // Read side by side: while one file is parsed, the next is read from disk.
  const [documents, chunkBytes, scan, bm25, synonyms] = await Promise.all([
    readDocuments(dir),
    readBytes(dir, FILES.chunks),
    readScan(dir, manifest),
    readBm25(dir, manifest.chunkCount),
    readText(dir, FILES.synonyms),
  ]);
  return { documents, chunks: new ServedChunks(chunkBytes, manifest.chunkCount), scan, bm25, synonyms };
}

/** The whole generation, term counts and vectors included, as a reindex reuses it. */
export async function readIndexData(dir: string, manifest: Manifest): Promise<IndexData> {
  const dimension = manifest.embedding.dimension;
  const { documents, chunks } = await readChunks(dir, manifest);
  const bm25 = await readBm25(dir, chunks.length);
  const bytes = await readBytes(dir, FILES.vectors);
  let vectors: Float32Array[];
  try {
    vectors = readVectorStore(bytes, dimension, chunks.length);
  } catch {
    throw new UserFacingError('index-damaged', '索引文件不完整（向量与文本块数量不符）');
  }
  return { manifest, documents, chunks, bm25, vectors, synonyms: await readText(dir, FILES.synonyms) };
}
