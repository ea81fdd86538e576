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
  /** hnswlib label → position of the chunk (labels survive incremental reindexes). */
  private readonly positions = new Map<number, number>();
  /** Documents made so far, by position: made when a search returns them, not for every chunk at load. */
  private readonly documents: DocumentInterface[] = [];
  private count: number;

  /** `labels[i]` is the hnswlib label of the chunk at position i, whose document `documentAt(i)` makes. */
  constructor(
    embeddings: EmbeddingsInterface,
    private readonly hnsw: HnswIndex,
    private readonly documentAt: (position: number) => DocumentInterface,
    labels: ArrayLike<number>,
  ) {
    super(embeddings, {});
    for (let position = 0; position < labels.length; position++) this.positions.set(labels[position]!, position);
    this.count = labels.length;
  }

  _vectorstoreType(): string {
    return 'hnswlib-chunks';
  }

  async addVectors(vectors: number[][], documents: DocumentInterface[]): Promise<string[]> {
    return documents.map((document, i) => {
      const label = this.hnsw.size;
      this.hnsw.add(vectors[i]!, label);
      this.positions.set(label, this.count);
      this.documents[this.count++] = document;
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
      const document = (this.documents[hit.position] ??= this.documentAt(hit.position));
      if (!filter || filter(document)) results.push([document, hit.similarity]);
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
