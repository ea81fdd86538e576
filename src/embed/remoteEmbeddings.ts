import { Embeddings } from '@langchain/core/embeddings';
import type { RetryConfig } from '../config.ts';
import { withDeadline } from '../providers/deadline.ts';
import { ProviderError, providerError } from '../providers/errors.ts';
import { withRetry } from '../providers/retry.ts';
import type { EmbeddingCache } from './embeddingCache.ts';
import type { EmbeddingSpec, IdentifiedEmbeddings } from './identity.ts';

export interface RemoteEmbeddingsOptions {
  identity: EmbeddingSpec;
  retry: RetryConfig;
  /** Budget of one question's embedding, retries included: past it, retrieval goes on with BM25 alone. */
  queryTimeoutMs: number;
  /** Where already embedded chunk texts are looked up first; opened on the first reindex batch. */
  openCache: (() => Promise<EmbeddingCache>) | null;
}

const WHAT = '向量模型服务';

/**
 * A LangChain integration (OpenAIEmbeddings, OllamaEmbeddings) made fit for indexing: retries
 * with backoff, a cache of chunk texts already embedded, and checks that what came back is one
 * finite, non-zero vector of the expected length per text (stored unit length, as the hashing
 * embedder's are).
 */
export class RemoteEmbeddings extends Embeddings implements IdentifiedEmbeddings {
  readonly identity: EmbeddingSpec;
  private cache: Promise<EmbeddingCache> | null = null;
  /** The configured dimension, or the one the model first answered with. */
  private dimension: number | null;

  constructor(
    private readonly inner: Embeddings,
    private readonly options: RemoteEmbeddingsOptions,
  ) {
    super({});
    this.identity = options.identity;
    this.dimension = options.identity.dimension;
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    this.cache ??= this.options.openCache?.() ?? null;
    const cache = await this.cache;
    const vectors: (Float32Array | undefined)[] = texts.map((t) => cache?.get(t));
    const missing = texts.filter((_, i) => vectors[i] === undefined);
    if (missing.length) {
      const fetched = await this.request(() => this.inner.embedDocuments(missing));
      if (!Array.isArray(fetched) || fetched.length !== missing.length) {
        throw new ProviderError(`${WHAT}返回的向量数（${Array.isArray(fetched) ? fetched.length : '无'}）与文本数（${missing.length}）不符`, 'invalid');
      }
      const checked = fetched.map((v) => this.unit(v));
      await cache?.add(missing.map((text, i) => [text, checked[i]!] as const));
      let next = 0;
      vectors.forEach((v, i) => (vectors[i] = v ?? checked[next++]));
    }
    return vectors.map((v) => Array.from(v!));
  }

  override async embedQuery(text: string): Promise<number[]> {
    const vector = await withDeadline(this.options.queryTimeoutMs, WHAT, (signal) => this.request(() => this.inner.embedQuery(text), signal));
    return Array.from(this.unit(vector));
  }

  private async request<T>(work: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await withRetry(work, this.options.retry, signal);
    } catch (error) {
      throw providerError(error, WHAT);
    }
  }

  private unit(vector: unknown): Float32Array {
    const ok = Array.isArray(vector) && vector.length > 0 && vector.every((x) => typeof x === 'number' && Number.isFinite(x));
    const values = ok ? Float32Array.from(vector as number[]) : null;
    const norm = values ? Math.hypot(...values) : 0;
    if (!values || norm === 0) throw new ProviderError(`${WHAT}返回了无效的向量`, 'invalid');
    this.dimension ??= values.length;
    if (values.length !== this.dimension) throw new ProviderError(`${WHAT}返回了 ${values.length} 维向量，应为 ${this.dimension} 维`, 'invalid');
    return values.map((x) => x / norm);
  }
}
