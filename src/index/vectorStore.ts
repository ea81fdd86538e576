import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import { VectorStore } from '@langchain/core/vectorstores';
import type { HnswIndex } from './hnsw.ts';

/**
 * LangChain `VectorStore` over the persisted hnswlib index, so standard LangChain parts
 * (`asRetriever`, chains) work on the same vectors the hybrid retriever uses.
 * Documents are chunks; an index's label is the chunk's position.
 */
export class ChunkVectorStore extends VectorStore {
  declare FilterType: (document: DocumentInterface) => boolean;

  constructor(
    embeddings: EmbeddingsInterface,
    private readonly hnsw: HnswIndex,
    private readonly documents: DocumentInterface[],
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return 'hnswlib-chunks';
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    return documents.map((document, i) => {
      const label = this.documents.length;
      this.hnsw.add(vectors[i]!, label);
      this.documents.push(document);
      return document.id ?? String(label);
    });
  }

  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    return this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async similaritySearchVectorWithScore(
    query: number[],
    k: number,
    filter?: this['FilterType'],
  ): Promise<[DocumentInterface, number][]> {
    // Over-fetch when filtering so k results survive it.
    const hits = this.hnsw.search(query, filter ? k * 4 : k);
    const results: [DocumentInterface, number][] = [];
    for (const hit of hits) {
      const document = this.documents[hit.label];
      if (document && (!filter || filter(document))) results.push([document, hit.similarity]);
    }
    return results.slice(0, k);
  }

  /** Nearest chunks by label, for the hybrid retriever that joins them with BM25 by position. */
  searchLabels(query: readonly number[], k: number): { label: number; similarity: number }[] {
    return this.hnsw.search(query, k);
  }
}

export function chunkDocumentFor(
  chunk: { id: string; text: string },
  metadata: Record<string, unknown>,
): DocumentInterface {
  return new Document({ id: chunk.id, pageContent: chunk.text, metadata: { chunkId: chunk.id, ...metadata } });
}
