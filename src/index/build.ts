import type { Embeddings } from '@langchain/core/embeddings';
import type { ChunkingOptions } from '../chunk/types.ts';
import { type CorpusListing, listCorpus } from '../corpus/load.ts';
import type { EmbeddingSpec } from '../embed/identity.ts';
import { UserFacingError } from '../userFacingError.ts';
import { ChunkEmbedder } from './embedChunks.ts';
import { corpusSynonyms } from './corpusSynonyms.ts';
import { type GatheredCorpus, gatherCorpus } from './gatherCorpus.ts';
import { currentGeneration, removeStaleGenerations, withIndexFolder } from './layout.ts';
import { withReindexLock } from './lock.ts';
import { type Manifest, sealGeneration, synonymsSource } from './manifest.ts';
import { servedIfCurrent } from './previous.ts';
import { type Reuse, reusableGeneration } from './reuse.ts';
import { noStageSeconds, type StageSeconds, timedAsync } from './stages.ts';
import { readManifest } from './store.ts';
import { writeGeneration } from './writeGeneration.ts';

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
  /** Worker processes reading, cleaning and segmenting files (0: this thread); by default one per core when many files are read. */
  workers?: number;
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
  /**
   * Seconds spent in each stage (benchmarks report them). Files read by worker processes add each
   * worker's seconds, so scan, clean and segment can add up to more than the reindex took.
   */
  stages: StageSeconds;
}

const EMBED_BATCH = 64;

/** Throws when the served index has documents: an empty corpus folder is more likely unmounted than meant. */
async function refuseToEmpty(options: ReindexOptions): Promise<void> {
  const served = await currentGeneration(options.indexDir);
  const documents = served
    ? await readManifest(served).then(
        (m) => m.documentCount,
        () => 0,
      )
    : 0;
  if (documents === 0) return;
  throw new UserFacingError('corpus-empty', `语料目录中没有可索引的文档（${options.corpusDirs.join('、')}），可能尚未挂载；现有索引的 ${documents} 篇文档保持不变`);
}

/** The report of a reindex that found the served generation built from exactly this corpus. */
function servedReport(served: Manifest, stages: StageSeconds, warnings: ReindexReport['warnings']): ReindexReport {
  return {
    added: [],
    changed: [],
    removed: [],
    unchanged: served.documentCount,
    restamped: 0,
    documents: served.documentCount,
    chunks: served.chunkCount,
    embeddedChunks: 0,
    seconds: 0,
    rebuildReason: null,
    warnings: [...warnings],
    stages,
  };
}

/** What the gathered corpus changed, in the report's terms. */
function gatheredReport(corpus: GatheredCorpus, reuse: Reuse, embedder: ChunkEmbedder, stages: StageSeconds, listing: CorpusListing): ReindexReport {
  return {
    added: corpus.added,
    changed: corpus.changed,
    removed: Object.keys(reuse.files).filter((id) => !(id in corpus.files)),
    unchanged: corpus.unchanged,
    restamped: corpus.restamped,
    documents: corpus.documents.length,
    chunks: corpus.entries.length,
    embeddedChunks: embedder.embedded,
    seconds: 0,
    rebuildReason: reuse.data ? null : reuse.reason,
    warnings: [...listing.warnings, ...corpus.warnings],
    stages,
  };
}

/** Whether the served generation already holds this corpus: same files at the same paths, same synonyms. */
function servesCorpus(report: ReindexReport, corpus: GatheredCorpus, reuse: Reuse, synonyms: string): boolean {
  const samePaths = Object.entries(corpus.files).every(([id, f]) => reuse.files[id]?.path === f.path);
  const unchanged = !report.added.length && !report.changed.length && !report.removed.length && samePaths;
  return reuse.data !== null && unchanged && reuse.data.synonyms === synonyms;
}

/**
 * Records the new file stamps in the served generation, which already is this corpus (a touched
 * but unedited file is then trusted again); indexes written before part sizes and the synonyms
 * source were recorded gain them here.
 */
async function restampServed(report: ReindexReport, corpus: GatheredCorpus, reuse: Reuse, source: string): Promise<void> {
  const manifest = reuse.data!.manifest;
  if (report.restamped || !manifest.parts || manifest.synonymsSource !== source) {
    await sealGeneration(reuse.dir!, { ...manifest, files: corpus.files, synonymsSource: source });
  }
}

/** Builds the new generation from the gathered, reused and embedded chunks, unless the served one already is it. */
async function buildGeneration(options: ReindexOptions, listing: CorpusListing, reuse: Reuse, stages: StageSeconds): Promise<ReindexReport> {
  const embedder = new ChunkEmbedder({ embeddings: options.embeddings, dimension: options.embedding.dimension, batchSize: options.embedBatch ?? EMBED_BATCH }, reuse.vocabulary);
  const onFileRead = (done: number, total: number) => options.onProgress?.({ phase: 'embed', done, total });
  const corpus = await gatherCorpus(listing.entries, { reuse, embedder, chunking: options.chunking, stages, onFileRead, workers: options.workers });
  // Every file listed may still have been unusable (binary, undecodable): the same guard as an empty folder.
  if (corpus.documents.length === 0 && !options.allowEmpty) await refuseToEmpty(options);
  await embedder.flush();
  stages.embed = embedder.seconds;
  const report = gatheredReport(corpus, reuse, embedder, stages, listing);
  const synonyms = corpusSynonyms(
    listing.synonyms,
    corpus.entries.map((e) => e.chunk.text),
  );
  report.warnings.push(...synonyms.warnings);
  const source = synonymsSource(listing.synonyms);
  if (servesCorpus(report, corpus, reuse, synonyms.text)) {
    await restampServed(report, corpus, reuse, source);
    return report;
  }
  options.onProgress?.({ phase: 'write', done: 0, total: 1 });
  await timedAsync(stages, 'write', () => writeGeneration(options, corpus, reuse, embedder, { text: synonyms.text, source }));
  await removeStaleGenerations(options.indexDir);
  return report;
}

/**
 * Incremental, atomic reindex: unchanged files keep their chunks and vectors, changed and new
 * files are cleaned, chunked and embedded, and the result is written as a new generation that
 * replaces the served one only once complete. Any failure leaves the served index as it was.
 */
export async function reindex(options: ReindexOptions): Promise<ReindexReport> {
  const started = performance.now();
  const report = await withIndexFolder(options.indexDir, () =>
    withReindexLock(options.indexDir, async () => {
      await removeStaleGenerations(options.indexDir);
      const stages = noStageSeconds();
      const listing = await timedAsync(stages, 'scan', () => listCorpus(options.corpusDirs));
      if (listing.entries.length === 0 && !options.allowEmpty) await refuseToEmpty(options);
      const checkServed = !options.full && !options.verify;
      const served = checkServed ? await servedIfCurrent(options, listing.entries, synonymsSource(listing.synonyms)) : null;
      if (served) return servedReport(served, stages, listing.warnings);
      return buildGeneration(options, listing, await reusableGeneration(options), stages);
    }),
  );
  report.seconds = (performance.now() - started) / 1000;
  return report;
}
