import path from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config.ts';
import { ollamaClientOptions, openAiClientOptions } from '../providers/clientOptions.ts';
import { EmbeddingCache } from './embeddingCache.ts';
import { HashingEmbeddings } from './hashingEmbeddings.ts';
import { RemoteEmbeddings } from './remoteEmbeddings.ts';

/** Kept next to the index generations (which reindexes replace), so it outlives them. */
export const EMBEDDING_CACHE_DIR = 'embedding-cache';

/**
 * The configured embedder: the offline hashing one by default, or an OpenAI-compatible or Ollama
 * endpoint. LangChain's own retries are off (maxRetries 0): RemoteEmbeddings retries with the
 * configured backoff instead. A provider's package is imported only when configured.
 */
export async function createEmbeddings(config: Pick<Config, 'embeddingDimension' | 'embeddings' | 'retry' | 'indexDir'>): Promise<HashingEmbeddings | RemoteEmbeddings> {
  const e = config.embeddings;
  if (e.provider === 'local') return new HashingEmbeddings({ dimension: config.embeddingDimension });
  const identity = { provider: e.provider, model: e.model, dimension: e.dimensions ?? null };
  const inner: Embeddings =
    e.provider === 'openai'
      ? new (await import('@langchain/openai')).OpenAIEmbeddings({
          ...openAiClientOptions(e),
          model: e.model,
          dimensions: e.dimensions,
          // The client otherwise asks for base64 and decodes whatever comes back as such: compatible
          // servers that ignore the format (several do) would yield garbage vectors.
          encodingFormat: 'float',
          batchSize: e.batchSize,
        })
      : new (await import('@langchain/ollama')).OllamaEmbeddings({ ...ollamaClientOptions(e), model: e.model, dimensions: e.dimensions, truncate: true });
  const cacheDir = path.join(config.indexDir, EMBEDDING_CACHE_DIR);
  return new RemoteEmbeddings(inner, {
    identity,
    retry: config.retry,
    queryTimeoutMs: e.timeoutMs,
    openCache: () => EmbeddingCache.open(cacheDir, identity),
  });
}
