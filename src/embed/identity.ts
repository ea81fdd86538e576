import type { EmbeddingsInterface } from '@langchain/core/embeddings';

/** Which embedder built an index, as its manifest records it. */
export interface EmbeddingIdentity {
  provider: string;
  model: string;
  dimension: number;
}

/** What the configuration asks for: a remote model's dimension is known only once it answers, unless configured. */
export interface EmbeddingSpec {
  provider: string;
  model: string;
  dimension: number | null;
}

/** An embedder that says which provider, model and dimension it stands for. */
export interface IdentifiedEmbeddings extends EmbeddingsInterface {
  readonly identity: EmbeddingSpec;
}

/** Whether vectors of `built` can be searched with queries embedded as `wanted` asks. */
export function matchesSpec(built: EmbeddingIdentity, wanted: EmbeddingSpec): boolean {
  return built.provider === wanted.provider && built.model === wanted.model && (wanted.dimension === null || wanted.dimension === built.dimension);
}

export function describeEmbedding(e: EmbeddingSpec): string {
  return `${e.provider}/${e.model}（${e.dimension === null ? '模型默认维度' : `${e.dimension} 维`}）`;
}
