import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { Document, type DocumentInterface } from '@langchain/core/documents';
import { VectorStore } from '@langchain/core/vectorstores';
import type { VectorHit, VectorScan } from './vectorScan.ts';

/**
 * LangChain `VectorStore` over the index's vectors, searched by the exact scan, so standard
 * LangChain parts (`asRetriever`, chains) work on the same vectors the hybrid retriever uses.
 * Documents are chunks, by position.
 */
export class ChunkVectorStore extends VectorStore {
  declare FilterType: (document: DocumentInterface) => boolean;
  /** Documents made so far, by position: made when a search returns them, not for every chunk at load. */
  private readonly documents: DocumentInterface[] = [];

  /** The chunk at position i is `documentAt(i)`, its vector the scan's i-th. */
  constructor(
    embeddings: EmbeddingsInterface,
    private readonly scan: VectorScan,
    private readonly documentAt: (position: number) => DocumentInterface,
  ) {
    super(embeddings, {});
  }

  _vectorstoreType(): string {
    return 'chunk-vectors';
  }

  /** The served index changes only by a reindex, which writes a new generation: adding here would leave it behind. */
  async addVectors(): Promise<string[]> {
    throw new Error('ChunkVectorStore is read-only: add files to the corpus and reindex');
  }

  async addDocuments(): Promise<string[]> {
    return this.addVectors();
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
  searchPositions(query: readonly number[], k: number): VectorHit[] {
    return this.scan.search(query, k);
  }

  /** searchPositions started on another thread for a large index (see VectorScan.startSearch); the function gives its hits. */
  startSearchPositions(query: readonly number[], k: number): () => VectorHit[] {
    return this.scan.startSearch(query, k);
  }
}

export function chunkDocumentFor(chunk: { id: string; text: string }, metadata: Record<string, unknown>): DocumentInterface {
  return new Document({ id: chunk.id, pageContent: chunk.text, metadata: { chunkId: chunk.id, ...metadata } });
}
