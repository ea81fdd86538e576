import { rm } from 'node:fs/promises';
import type { Embeddings } from '@langchain/core/embeddings';
import type { ChunkingOptions } from '../chunk/types.ts';
import type { EmbeddingSpec } from '../embed/identity.ts';
import { Bm25Index } from './bm25.ts';
import { type ChunkEmbedder, dimensionMismatch } from './embedChunks.ts';
import type { GatheredCorpus } from './gatherCorpus.ts';
import { createGeneration, publishGeneration } from './layout.ts';
import { segmentationDigest } from '../text/jieba.ts';
import { READING_VERSION } from '../corpus/parse.ts';
import { INDEX_FORMAT_VERSION, type Manifest, sealGeneration } from './manifest.ts';
import type { Reuse } from './reuse.ts';
import { writeIndexData } from './store.ts';

export interface GenerationSpec {
  indexDir: string;
  embeddings: Embeddings;
  embedding: EmbeddingSpec;
  chunking: ChunkingOptions;
}

/** The index's vector size: as configured, else as the embedder answered (a remote model's own). */
async function vectorDimension(spec: GenerationSpec, known: number | null, vectors: readonly Float32Array[]): Promise<number> {
  const dimension = known ?? vectors[0]?.length ?? (await spec.embeddings.embedQuery('维度')).length;
  if (vectors.some((v) => v.length !== dimension)) throw dimensionMismatch(dimension);
  return dimension;
}

/**
 * Writes the gathered corpus as a new generation and puts it in service once every file of it is
 * complete. On failure the new generation is removed and the served one stays.
 */
export async function writeGeneration(spec: GenerationSpec, corpus: GatheredCorpus, reuse: Reuse, embedder: ChunkEmbedder, synonyms: { text: string; source: string }): Promise<void> {
  const vectors = corpus.entries.map((e) => e.vector!);
  const dimension = await vectorDimension(spec, embedder.dimension, vectors);
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    embedding: { ...spec.embedding, dimension },
    chunking: spec.chunking,
    files: corpus.files,
    synonymsSource: synonyms.source,
    segmentation: segmentationDigest(),
    reading: READING_VERSION,
    documentCount: corpus.documents.length,
    chunkCount: corpus.entries.length,
    builtAt: new Date().toISOString(),
  };
  const generation = await createGeneration(spec.indexDir);
  try {
    const bm25 = Bm25Index.fromCounts(
      reuse.vocabulary.terms,
      corpus.entries.map((e) => e.counts),
    );
    const chunks = corpus.entries.map((e) => e.chunk);
    await writeIndexData(generation, { manifest, documents: corpus.documents, chunks, bm25, vectors, synonyms: synonyms.text });
    await sealGeneration(generation, manifest);
    await publishGeneration(spec.indexDir, generation);
  } catch (error) {
    await rm(generation, { recursive: true, force: true });
    throw error;
  }
}
