import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import { chunkDocument } from '../chunk/chunkDocument.ts';
import { indexText } from '../chunk/indexText.ts';
import type { ChunkingOptions } from '../chunk/types.ts';
import { type CorpusEntry, listCorpus, readCorpusFile } from '../corpus/load.ts';
import { parseDocument } from '../corpus/parse.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import type { EmbeddingSpec } from '../embed/identity.ts';
import { lexicalFeatures } from '../text/features.ts';
import { normalize } from '../text/normalize.ts';
import { type TermCounts, Vocabulary } from '../text/vocabulary.ts';
import { UserFacingError } from '../userFacingError.ts';
import { Bm25Index } from './bm25.ts';
import { ChunkEmbedder, dimensionMismatch, type IndexEntry } from './embedChunks.ts';
import { corpusSynonyms } from './corpusSynonyms.ts';
import { createGeneration, currentGeneration, FILES, publishGeneration, removeStaleGenerations } from './layout.ts';
import { withReindexLock } from './lock.ts';
import { INDEX_FORMAT_VERSION, type Manifest, sameStamp, sealGeneration, synonymsSource } from './manifest.ts';
import { previousGeneration, servedIfCurrent } from './previous.ts';
import { readManifest, type StoredChunk, writeIndexData } from './store.ts';
import { NEW_LABEL, writeVectorGraph } from './vectorGraph.ts';

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
  /**
   * Read and hash every file, even those whose size and mtime are as recorded (which are otherwise
   * trusted unchanged without being read): catches an edit that kept both.
   */
  verify?: boolean;
  /**
   * Let a corpus with no document replace an index that has some. Off by default: an empty or
   * unmounted folder would otherwise silently empty the index every question is answered from.
   */
  allowEmpty?: boolean;
  /** `embed` counts the files that are read, chunked and embedded; `write` marks the final step. */
  onProgress?: (progress: { phase: 'embed' | 'write'; done: number; total: number }) => void;
}

export interface ReindexReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  /** Unchanged files that were read because their size or mtime differed from the recorded ones. */
  restamped: number;
  documents: number;
  chunks: number;
  embeddedChunks: number;
  seconds: number;
  /** Why nothing could be reused from the previous index, when that happened. */
  rebuildReason: string | null;
  warnings: { path: string; message: string }[];
  /** Whether the previous vector graph was updated rather than rebuilt. */
  reusedGraph: boolean;
  /**
   * Seconds spent in each stage (benchmarks report them). `insert` runs on a worker thread
   * alongside the others when a new graph is built; `write` includes waiting for it.
   */
  stages: Record<ReindexStage, number>;
}

export type ReindexStage = 'scan' | 'clean' | 'segment' | 'embed' | 'insert' | 'write';

/** Adds the time `work` takes to `stages[stage]`. */
function timed<T>(stages: Record<ReindexStage, number>, stage: ReindexStage, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    stages[stage] += (performance.now() - start) / 1000;
  }
}

function emptyReport(stages: Record<ReindexStage, number>, warnings: ReindexReport['warnings']): ReindexReport {
  return {
    added: [], changed: [], removed: [], unchanged: 0, restamped: 0, documents: 0, chunks: 0,
    embeddedChunks: 0, seconds: 0, rebuildReason: null, warnings: [...warnings], stages, reusedGraph: false,
  };
}

/** Reads one listed file, counting the time as scanning (as it was when every file was read up front). */
async function timedRead(stages: Record<ReindexStage, number>, entry: CorpusEntry): ReturnType<typeof readCorpusFile> {
  const start = performance.now();
  try {
    return await readCorpusFile(entry);
  } finally {
    stages.scan += (performance.now() - start) / 1000;
  }
}

const EMBED_BATCH = 64;

/** Throws when the served index has documents: an empty corpus folder is more likely unmounted than meant. */
async function refuseToEmpty(options: ReindexOptions): Promise<void> {
  const served = await currentGeneration(options.indexDir);
  const documents = served ? await readManifest(served).then((m) => m.documentCount, () => 0) : 0;
  if (documents === 0) return;
  throw new UserFacingError(
    'corpus-empty',
    `语料目录中没有可索引的文档（${options.corpusDirs.join('、')}），可能尚未挂载；现有索引的 ${documents} 篇文档保持不变`,
  );
}

/** The index's vector size: as configured, else as the embedder answered (a remote model's own). */
async function vectorDimension(options: ReindexOptions, known: number | null, vectors: readonly Float32Array[]): Promise<number> {
  const dimension = known ?? vectors[0]?.length ?? (await options.embeddings.embedQuery('维度')).length;
  if (vectors.some((v) => v.length !== dimension)) throw dimensionMismatch(dimension);
  return dimension;
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
    const stages: Record<ReindexStage, number> = { scan: 0, clean: 0, segment: 0, embed: 0, insert: 0, write: 0 };
    const scanStarted = performance.now();
    const scan = await listCorpus(options.corpusDirs);
    stages.scan = (performance.now() - scanStarted) / 1000;
    if (scan.entries.length === 0 && !options.allowEmpty) await refuseToEmpty(options);
    const source = synonymsSource(scan.synonyms);
    const served = options.full || options.verify ? null : await servedIfCurrent(options, scan.entries, source);
    if (served) {
      return {
        ...emptyReport(stages, scan.warnings),
        unchanged: served.documentCount,
        documents: served.documentCount,
        chunks: served.chunkCount,
        seconds: (performance.now() - started) / 1000,
      };
    }
    const { data: previous, graph: previousGraph, dir: previousDir, reason } = options.full
      ? { data: null, graph: null, dir: null, reason: '--full' }
      : await previousGeneration(options);
    const previousFiles = previous?.manifest.files ?? {};
    const previousDocs = new Map(previous?.documents.map((d) => [d.id, d]));
    // Unchanged chunks keep their term counts, numbered by the previous BM25 terms the vocabulary starts from.
    const previousCounts = previous?.bm25.termCounts();
    const vocabulary = previousCounts ? Vocabulary.of(previousCounts.terms) : new Vocabulary();
    const previousChunks = new Map<string, { chunk: StoredChunk; counts: TermCounts; vector: Float32Array }[]>();
    previous?.chunks.forEach((chunk, i) => {
      const list = previousChunks.get(chunk.docId) ?? [];
      list.push({ chunk, counts: previousCounts!.rows[i]!, vector: previous.vectors[i]! });
      previousChunks.set(chunk.docId, list);
    });
    const keptDocument = (id: string, hash: string) => (previousFiles[id]?.sha256 === hash ? previousDocs.get(id) : undefined);
    // Same path, size and mtime as recorded: trusted unchanged without reading, unless asked to verify.
    const trusted = (entry: CorpusEntry) => !options.verify && previousDocs.has(entry.id) && sameStamp(previousFiles[entry.id], entry);

    const report: ReindexReport = { ...emptyReport(stages, scan.warnings), rebuildReason: previous || !reason ? null : reason };
    const embedder = new ChunkEmbedder(
      // With no previous graph to update, every vector goes into a new one: build it while reading.
      { embeddings: options.embeddings, dimension: options.embedding.dimension, batchSize: options.embedBatch ?? EMBED_BATCH, streamGraph: !previousGraph },
      vocabulary,
    );
    try {
      const documents: DocumentMetadata[] = [];
      const entries: IndexEntry[] = [];
      const files: Manifest['files'] = {};
      const toRead = scan.entries.filter((e) => !trusted(e)).length;
      let read = 0;
      for (const entry of scan.entries) {
        const stamp = { size: entry.size, mtimeMs: entry.mtimeMs };
        const unread = trusted(entry);
        const file = unread ? null : await timedRead(stages, entry);
        if (file) for (const message of file.warnings) report.warnings.push({ path: entry.path, message });
        if (!unread && !file?.file) continue;
        const hash = file?.file?.hash ?? previousFiles[entry.id]!.sha256;
        const kept = keptDocument(entry.id, hash);
        if (kept) {
          report.unchanged++;
          // A file touched but not edited: its new stamp is recorded so the next run trusts it again.
          if (!unread) report.restamped++;
          documents.push({ ...kept, path: entry.path });
          const reused = previousChunks.get(entry.id) ?? [];
          for (const { chunk, counts, vector } of reused) entries.push({ chunk, counts, vector, text: '' });
          files[entry.id] = { path: entry.path, sha256: hash, chunks: reused.length, ...stamp };
          if (!unread) options.onProgress?.({ phase: 'embed', done: ++read, total: toRead });
          continue;
        }
        const source = file!.file!;
        (previousFiles[entry.id] ? report.changed : report.added).push(entry.id);
        const { document, warnings } = timed(stages, 'clean', () => parseDocument(source));
        for (const message of warnings) report.warnings.push({ path: entry.path, message });
        documents.push(document.metadata);
        const fresh = timed(stages, 'segment', () =>
          chunkDocument(document, options.chunking).map((chunk, i): IndexEntry => {
            const text = indexText(chunk, document.metadata);
            // A new graph is labelled by position; an updated one hands out labels when the vector goes in.
            const label = previousGraph ? NEW_LABEL : entries.length + i;
            return { chunk: { ...chunk, label }, counts: vocabulary.count(lexicalFeatures(normalize(text))), vector: null, text };
          }),
        );
        entries.push(...fresh);
        await embedder.add(fresh);
        files[entry.id] = { path: entry.path, sha256: source.hash, chunks: fresh.length, ...stamp };
        options.onProgress?.({ phase: 'embed', done: ++read, total: toRead });
      }
      // Every file listed may still have been unusable (binary, undecodable): the same guard as an empty folder.
      if (documents.length === 0 && !options.allowEmpty) await refuseToEmpty(options);
      await embedder.flush();
      report.removed = Object.keys(previousFiles).filter((id) => !(id in files));
      report.documents = documents.length;
      report.chunks = entries.length;
      report.embeddedChunks = embedder.embedded;
      stages.embed = embedder.seconds;
      const synonyms = corpusSynonyms(scan.synonyms, entries.map((e) => e.chunk.text));
      report.warnings.push(...synonyms.warnings);
      const samePaths = Object.entries(files).every(([id, f]) => previousFiles[id]?.path === f.path);
      const unchanged = !report.added.length && !report.changed.length && !report.removed.length && samePaths;
      if (previous && unchanged && previous.synonyms === synonyms.text) {
        // Nothing to rebuild: the served generation already is this corpus; only new stamps are recorded.
        // Indexes written before part sizes and the synonyms source were recorded gain them here.
        const stale = report.restamped || !previous.manifest.parts || previous.manifest.synonymsSource !== source;
        if (stale) await sealGeneration(previousDir!, { ...previous.manifest, files, synonymsSource: source });
        report.seconds = (performance.now() - started) / 1000;
        return report;
      }

      const writeStarted = performance.now();
      options.onProgress?.({ phase: 'write', done: 0, total: 1 });
      const vectors = entries.map((e) => e.vector!);
      const dimension = await vectorDimension(options, embedder.dimension, vectors);
      const manifest: Manifest = {
        formatVersion: INDEX_FORMAT_VERSION,
        embedding: { ...options.embedding, dimension },
        chunking: options.chunking,
        files,
        synonymsSource: source,
        documentCount: documents.length,
        chunkCount: entries.length,
        builtAt: new Date().toISOString(),
      };
      const generation = await createGeneration(options.indexDir);
      const graphFile = path.join(generation, FILES.hnsw);
      const graph = embedder.builder
        ? embedder.builder.finish(graphFile).then((insertSeconds) => ({ reused: false, insertSeconds }))
        : writeVectorGraph(entries, previousGraph && { graph: previousGraph, labels: previous!.chunks.map((c) => c.label) }, dimension, graphFile);
      // Awaited below, after the other files: a failure before then must not count as unhandled.
      graph.catch(() => undefined);
      try {
        const bm25 = Bm25Index.fromCounts(vocabulary.terms, entries.map((e) => e.counts));
        await writeIndexData(generation, { manifest, documents, chunks: entries.map((e) => e.chunk), bm25, vectors, synonyms: synonyms.text });
        ({ reused: report.reusedGraph, insertSeconds: stages.insert } = await graph);
        await sealGeneration(generation, manifest);
        await publishGeneration(options.indexDir, generation);
      } catch (error) {
        // The graph may still be writing into the generation: stop it before removing the folder.
        await embedder.builder?.abort();
        await graph.catch(() => undefined);
        await rm(generation, { recursive: true, force: true });
        throw error;
      }
      stages.write = (performance.now() - writeStarted) / 1000;
    } finally {
      await embedder.builder?.abort();
    }
    await removeStaleGenerations(options.indexDir);
    report.seconds = (performance.now() - started) / 1000;
    return report;
  });
}
