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
  /** hnswlib label → position of the chunk in `documents` (labels survive incremental reindexes). */
  private readonly positions = new Map<number, number>();

  /** `labels[i]` is the hnswlib label of `documents[i]`. */
  constructor(
    embeddings: EmbeddingsInterface,
    private readonly hnsw: HnswIndex,
    private readonly documents: DocumentInterface[],
    labels: readonly number[],
  ) {
    super(embeddings, {});
    labels.forEach((label, position) => this.positions.set(label, position));
  }

  _vectorstoreType(): string {
    return 'hnswlib-chunks';
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    return documents.map((document, i) => {
      const label = this.hnsw.size;
      this.hnsw.add(vectors[i]!, label);
      this.positions.set(label, this.documents.length);
      this.documents.push(document);
      return document.id ?? String(label);
    });
  }

  async addDocuments(documents: DocumentInterface[]): Promise<string[]> {
    return this.addVectors(await this.embeddings.embedDocuments(documents.map((d) => d.pageContent)), documents);
  }

  async similaritySearchVectorWithScore(query: number[], k: number, filter?: this['FilterType']): Promise<[DocumentInterface, number][]> {
    // Over-fetch when filtering so k results survive it.
    const hits = this.searchPositions(query, filter ? k * 4 : k);
    const results: [DocumentInterface, number][] = [];
    for (const hit of hits) {
      const document = this.documents[hit.position];
      if (document && (!filter || filter(document))) results.push([document, hit.similarity]);
    }
    return results.slice(0, k);
  }

  /** Nearest chunks by position, for the hybrid retriever that joins them with BM25 by position. */
  searchPositions(query: readonly number[], k: number): { position: number; similarity: number }[] {
    return this.hnsw.search(query, k).flatMap(({ label, similarity }) => {
      const position = this.positions.get(label);
      return position === undefined ? [] : [{ position, similarity }];
    });
  }
}

export function chunkDocumentFor(chunk: { id: string; text: string }, metadata: Record<string, unknown>): DocumentInterface {
  return new Document({ id: chunk.id, pageContent: chunk.text, metadata: { chunkId: chunk.id, ...metadata } });
}
