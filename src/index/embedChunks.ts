import type { Embeddings } from '@langchain/core/embeddings';
import { HashingEmbeddings } from '../embed/hashingEmbeddings.ts';
import type { TermCounts, Vocabulary } from '../text/vocabulary.ts';
import { UserFacingError } from '../userFacingError.ts';
import type { StoredChunk } from './store.ts';

/** A chunk on its way into the index. */
export interface IndexEntry {
  chunk: StoredChunk;
  counts: TermCounts;
  /** Null until embedded; reused chunks arrive with theirs. */
  vector: Float32Array | null;
  /** What is embedded (empty for reused chunks). */
  text: string;
}

export function dimensionMismatch(dimension: number): UserFacingError {
  return new UserFacingError('index-outdated', `向量维度不一致（应为 ${dimension} 维）`);
}

/** Embeds new chunks in batches as files are read. */
export class ChunkEmbedder {
  private readonly pending: IndexEntry[] = [];
  private readonly vectorizeCounts: ((counts: TermCounts) => Float32Array) | null;
  private vectorSize: number | null;
  private embeddedCount = 0;
  private embedSeconds = 0;

  constructor(
    private readonly options: { embeddings: Embeddings; dimension: number | null; batchSize: number },
    vocabulary: Vocabulary,
  ) {
    this.vectorSize = options.dimension;
    // The chunks' features were just counted for BM25; the hashing embedder reuses them instead of segmenting again.
    this.vectorizeCounts = options.embeddings instanceof HashingEmbeddings ? options.embeddings.vectorizerFor(vocabulary) : null;
  }

  /** The vector size: as configured, else that of the first vectors embedded; null before any. */
  get dimension(): number | null {
    return this.vectorSize;
  }

  get embedded(): number {
    return this.embeddedCount;
  }

  /** Time spent embedding (for a remote provider, mostly waiting for it). */
  get seconds(): number {
    return this.embedSeconds;
  }

  /** Queues new chunks and embeds every full batch. */
  async add(entries: readonly IndexEntry[]): Promise<void> {
    this.pending.push(...entries);
    while (this.pending.length >= this.options.batchSize) await this.embed(this.pending.splice(0, this.options.batchSize));
  }

  /** Embeds what is left. */
  async flush(): Promise<void> {
    if (this.pending.length) await this.embed(this.pending.splice(0));
  }

  private async embed(batch: IndexEntry[]): Promise<void> {
    const started = performance.now();
    const vectorize = this.vectorizeCounts;
    const vectors = vectorize ? batch.map((e) => vectorize(e.counts)) : (await this.options.embeddings.embedDocuments(batch.map((e) => e.text))).map((v) => Float32Array.from(v));
    const dimension = (this.vectorSize ??= vectors[0]!.length);
    if (vectors.some((v) => v.length !== dimension)) throw dimensionMismatch(dimension);
    batch.forEach((e, i) => (e.vector = vectors[i]!));
    this.embeddedCount += batch.length;
    this.embedSeconds += (performance.now() - started) / 1000;
  }
}
