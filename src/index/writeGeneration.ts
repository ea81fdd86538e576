import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import type { ChunkingOptions } from '../chunk/types.ts';
import type { EmbeddingSpec } from '../embed/identity.ts';
import { Bm25Index } from './bm25.ts';
import { type ChunkEmbedder, dimensionMismatch } from './embedChunks.ts';
import type { GatheredCorpus } from './gatherCorpus.ts';
import { createGeneration, FILES, publishGeneration } from './layout.ts';
import { INDEX_FORMAT_VERSION, type Manifest, sealGeneration } from './manifest.ts';
import type { Reuse } from './reuse.ts';
import { writeIndexData } from './store.ts';
import { writeVectorGraph } from './vectorGraph.ts';

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

/** Starts writing the vector graph: the one built while reading, else the previous one updated or a new one. */
function startGraph(corpus: GatheredCorpus, reuse: Reuse, embedder: ChunkEmbedder, dimension: number, file: string): Promise<{ reused: boolean; insertSeconds: number }> {
  if (embedder.builder) return embedder.builder.finish(file).then((insertSeconds) => ({ reused: false, insertSeconds }));
  const previous = reuse.graph && { graph: reuse.graph, labels: reuse.data!.chunks.map((c) => c.label) };
  return writeVectorGraph(corpus.entries, previous, dimension, file);
}

/**
 * Writes the gathered corpus as a new generation and puts it in service once every file of it is
 * complete. On failure the new generation is removed and the served one stays. Returns whether the
 * previous vector graph was updated and the seconds spent inserting vectors.
 */
export async function writeGeneration(
  spec: GenerationSpec,
  corpus: GatheredCorpus,
  reuse: Reuse,
  embedder: ChunkEmbedder,
  synonyms: { text: string; source: string },
): Promise<{ reused: boolean; insertSeconds: number }> {
  const vectors = corpus.entries.map((e) => e.vector!);
  const dimension = await vectorDimension(spec, embedder.dimension, vectors);
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    embedding: { ...spec.embedding, dimension },
    chunking: spec.chunking,
    files: corpus.files,
    synonymsSource: synonyms.source,
    documentCount: corpus.documents.length,
    chunkCount: corpus.entries.length,
    builtAt: new Date().toISOString(),
  };
  const generation = await createGeneration(spec.indexDir);
  const graph = startGraph(corpus, reuse, embedder, dimension, path.join(generation, FILES.hnsw));
  // Awaited below, after the other files: a failure before then must not count as unhandled.
  graph.catch(() => undefined);
  try {
    const bm25 = Bm25Index.fromCounts(
      reuse.vocabulary.terms,
      corpus.entries.map((e) => e.counts),
    );
    const chunks = corpus.entries.map((e) => e.chunk);
    await writeIndexData(generation, { manifest, documents: corpus.documents, chunks, bm25, vectors, synonyms: synonyms.text });
    const written = await graph;
    await sealGeneration(generation, manifest);
    await publishGeneration(spec.indexDir, generation);
    return written;
  } catch (error) {
    // The graph may still be writing into the generation: stop it before removing the folder.
    await embedder.builder?.abort();
    await graph.catch(() => undefined);
    await rm(generation, { recursive: true, force: true });
    throw error;
  }
}
