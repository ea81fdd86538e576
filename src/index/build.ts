import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import { chunkDocument } from '../chunk/chunkDocument.ts';
import { indexText } from '../chunk/indexText.ts';
import type { ChunkingOptions } from '../chunk/types.ts';
import { scanCorpus } from '../corpus/load.ts';
import { parseDocument } from '../corpus/parse.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import { HashingEmbeddings } from '../embed/hashingEmbeddings.ts';
import { type EmbeddingSpec, matchesSpec } from '../embed/identity.ts';
import { lexicalFeatures } from '../text/features.ts';
import { normalize } from '../text/normalize.ts';
import { IndexError } from './errors.ts';
import { HnswIndex } from './hnsw.ts';
import { createGeneration, currentGeneration, FILES, publishGeneration, removeStaleGenerations } from './layout.ts';
import { withReindexLock } from './lock.ts';
import { INDEX_FORMAT_VERSION, type Manifest } from './manifest.ts';
import { type IndexData, readBm25, readGraph, readIndexData, readManifest, type StoredChunk, writeIndexData } from './store.ts';

export interface ReindexOptions {
  corpusDirs: readonly string[];
  indexDir: string;
  embeddings: Embeddings;
  /** Recorded in the manifest; a null dimension (a remote model's own) is taken from the vectors. */
  embedding: EmbeddingSpec;
  /** Chunks per embedding request. */
  embedBatch?: number;
  chunking: ChunkingOptions;
  /** Re-read and re-embed every file even when unchanged. */
  full?: boolean;
  onProgress?: (progress: { phase: 'scan' | 'embed' | 'write'; done: number; total: number }) => void;
}

export interface ReindexReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  documents: number;
  chunks: number;
  embeddedChunks: number;
  seconds: number;
  /** Why nothing could be reused from the previous index, when that happened. */
  rebuildReason: string | null;
  warnings: { path: string; message: string }[];
  /** Whether the previous vector graph was updated rather than rebuilt. */
  reusedGraph: boolean;
  /** Seconds spent in each stage (benchmarks report them). */
  stages: Record<ReindexStage, number>;
}

export type ReindexStage = 'scan' | 'clean' | 'segment' | 'embed' | 'insert';

/** Adds the time `work` takes to `stages[stage]`. */
function timed<T>(stages: Record<ReindexStage, number>, stage: ReindexStage, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    stages[stage] += (performance.now() - start) / 1000;
  }
}

const EMBED_BATCH = 64;
/** Label of a chunk whose vector is not in a graph yet. */
const NEW_LABEL = -1;
/** Deleted slots a reused graph may carry, relative to its live vectors, before it is rebuilt. */
const MAX_DELETED_SHARE = 0.25;

/**
 * The vector graph of the new generation. An incremental reindex updates the previous graph
 * (vectors of removed or changed chunks marked deleted, new ones added under fresh labels) instead
 * of rebuilding it, which dominates the cost of a small change; a full build, or one where deleted
 * slots would pile up, builds it anew with labels by position.
 */
function vectorGraph(
  entries: { chunk: StoredChunk; vector: Float32Array | null }[],
  previousGraph: HnswIndex | null,
  previousLabels: readonly number[],
  dimension: number,
): HnswIndex {
  const fresh = entries.filter((e) => e.chunk.label === NEW_LABEL);
  if (previousGraph && previousGraph.size + fresh.length - entries.length <= MAX_DELETED_SHARE * entries.length) {
    const kept = new Set(entries.map((e) => e.chunk.label));
    for (const label of previousLabels) if (!kept.has(label)) previousGraph.markDeleted(label);
    for (const e of fresh) {
      e.chunk.label = previousGraph.size;
      previousGraph.add(e.vector!, e.chunk.label);
    }
    return previousGraph;
  }
  entries.forEach((e, i) => (e.chunk.label = i));
  return HnswIndex.build(
    entries.map((e) => e.vector!),
    dimension,
    entries.map((e) => e.chunk.label),
  );
}

/** The index's vector size: as configured, else as the embedder answered (a remote model's own). */
async function vectorDimension(options: ReindexOptions, vectors: readonly Float32Array[]): Promise<number> {
  const dimension = options.embedding.dimension ?? vectors[0]?.length ?? (await options.embeddings.embedQuery('维度')).length;
  if (vectors.some((v) => v.length !== dimension)) throw new IndexError(`向量维度不一致（应为 ${dimension} 维），请运行 npm run index -- --full 重建索引`);
  return dimension;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface Reusable {
  data: IndexData | null;
  /** The previous vector graph, updated in place of a rebuild. */
  graph: HnswIndex | null;
  reason: string | null;
}

/** The previous generation when its chunks, vectors and graph can be reused as they are. */
async function reusable(options: ReindexOptions): Promise<Reusable> {
  const none = (reason: string | null): Reusable => ({ data: null, graph: null, reason });
  const dir = await currentGeneration(options.indexDir);
  if (!dir) return none(null);
  try {
    const manifest = await readManifest(dir);
    if (manifest.formatVersion !== INDEX_FORMAT_VERSION) return none('索引格式版本已变化');
    if (!matchesSpec(manifest.embedding, options.embedding)) return none('向量模型配置已变化');
    if (!sameJson(manifest.chunking, options.chunking)) return none('分块参数已变化');
    const data = await readIndexData(dir, manifest);
    // Checked here because an unchanged corpus would otherwise keep a damaged generation in service.
    await readBm25(dir, data.chunks.length);
    return { data, graph: readGraph(dir, manifest, data.chunks), reason: null };
  } catch (error) {
    return none(`旧索引不可读（${(error as Error).message}）`);
  }
}

/**
 * Incremental, atomic reindex: unchanged files keep their chunks and vectors, changed and new
 * files are cleaned, chunked and embedded, and the result is written as a new generation that
 * replaces the served one only once complete. Any failure leaves the served index as it was.
 */
export async function reindex(options: ReindexOptions): Promise<ReindexReport> {
  const started = performance.now();
  return withReindexLock(options.indexDir, async () => {
    await removeStaleGenerations(options.indexDir);
    const stages: Record<ReindexStage, number> = { scan: 0, clean: 0, segment: 0, embed: 0, insert: 0 };
    const scanStarted = performance.now();
    const scan = await scanCorpus(options.corpusDirs);
    stages.scan = (performance.now() - scanStarted) / 1000;
    const { data: previous, graph: previousGraph, reason } = options.full ? { data: null, graph: null, reason: '--full' } : await reusable(options);
    const previousFiles = previous?.manifest.files ?? {};
    const previousDocs = new Map(previous?.documents.map((d) => [d.id, d]));
    const previousChunks = new Map<string, { chunk: StoredChunk; features: string[]; vector: Float32Array }[]>();
    previous?.chunks.forEach((chunk, i) => {
      const list = previousChunks.get(chunk.docId) ?? [];
      list.push({ chunk, features: previous.features[i]!, vector: previous.vectors[i]! });
      previousChunks.set(chunk.docId, list);
    });

    const report: ReindexReport = {
      added: [], changed: [], removed: [], unchanged: 0, documents: 0, chunks: 0,
      embeddedChunks: 0, seconds: 0, rebuildReason: previous || !reason ? null : reason, warnings: [...scan.warnings], stages, reusedGraph: false,
    };
    const documents: DocumentMetadata[] = [];
    const entries: { chunk: StoredChunk; features: string[]; vector: Float32Array | null; text: string }[] = [];
    const files: Manifest['files'] = {};
    for (const file of scan.files) {
      const before = previousFiles[file.id];
      const kept = before?.sha256 === file.hash ? previousDocs.get(file.id) : undefined;
      if (kept) {
        report.unchanged++;
        documents.push({ ...kept, path: file.path });
        const reused = previousChunks.get(file.id) ?? [];
        for (const { chunk, features, vector } of reused) entries.push({ chunk, features, vector, text: '' });
        files[file.id] = { path: file.path, sha256: file.hash, chunks: reused.length };
        continue;
      }
      (before ? report.changed : report.added).push(file.id);
      const { document, warnings } = timed(stages, 'clean', () => parseDocument(file));
      for (const message of warnings) report.warnings.push({ path: file.path, message });
      documents.push(document.metadata);
      const chunks = timed(stages, 'segment', () => chunkDocument(document, options.chunking));
      timed(stages, 'segment', () => {
        for (const chunk of chunks) {
          const text = indexText(chunk, document.metadata);
          entries.push({ chunk: { ...chunk, label: NEW_LABEL }, features: lexicalFeatures(normalize(text)), vector: null, text });
        }
      });
      files[file.id] = { path: file.path, sha256: file.hash, chunks: chunks.length };
    }
    report.removed = Object.keys(previousFiles).filter((id) => !(id in files));
    report.documents = documents.length;
    report.chunks = entries.length;
    const unchanged = Object.entries(files).every(([id, f]) => previousFiles[id]?.path === f.path);
    if (previous && !report.added.length && !report.changed.length && !report.removed.length && unchanged) {
      // Nothing to do: the served generation already is this corpus.
      report.seconds = (performance.now() - started) / 1000;
      return report;
    }

    const pending = entries.filter((e) => e.vector === null);
    const embedStarted = performance.now();
    const batchSize = options.embedBatch ?? EMBED_BATCH;
    for (let i = 0; i < pending.length; i += batchSize) {
      const batch = pending.slice(i, i + batchSize);
      if (options.embeddings instanceof HashingEmbeddings) {
        // The chunks' features were just extracted for BM25; the hashing embedder reuses them instead of segmenting again.
        const hashing = options.embeddings;
        batch.forEach((e) => (e.vector = hashing.vectorizeFeatures(e.features)));
      } else {
        const vectors = await options.embeddings.embedDocuments(batch.map((e) => e.text));
        batch.forEach((e, j) => (e.vector = Float32Array.from(vectors[j]!)));
      }
      options.onProgress?.({ phase: 'embed', done: Math.min(i + batchSize, pending.length), total: pending.length });
    }
    report.embeddedChunks = pending.length;
    stages.embed = (performance.now() - embedStarted) / 1000;
    const insertStarted = performance.now();
    const vectors = entries.map((e) => e.vector!);
    const dimension = await vectorDimension(options, vectors);

    const manifest: Manifest = {
      formatVersion: INDEX_FORMAT_VERSION,
      embedding: { ...options.embedding, dimension },
      chunking: options.chunking,
      files,
      documentCount: documents.length,
      chunkCount: entries.length,
      builtAt: new Date().toISOString(),
    };
    const generation = await createGeneration(options.indexDir);
    try {
      options.onProgress?.({ phase: 'write', done: 0, total: 1 });
      const previousLabels = previous?.chunks.map((c) => c.label) ?? [];
      const graph = vectorGraph(entries, previousGraph, previousLabels, dimension);
      report.reusedGraph = graph === previousGraph;
      graph.write(path.join(generation, FILES.hnsw));
      await writeIndexData(generation, { manifest, documents, chunks: entries.map((e) => e.chunk), features: entries.map((e) => e.features), vectors });
      await publishGeneration(options.indexDir, generation);
    } catch (error) {
      await rm(generation, { recursive: true, force: true });
      throw error;
    }
    stages.insert = (performance.now() - insertStarted) / 1000;
    await removeStaleGenerations(options.indexDir);
    report.seconds = (performance.now() - started) / 1000;
    return report;
  });
}
