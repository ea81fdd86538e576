import type { DocumentMetadata } from '../corpus/types.ts';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { HashingEmbeddings } from '../embed/hashingEmbeddings.ts';
import { describeEmbedding, type IdentifiedEmbeddings, matchesSpec } from '../embed/identity.ts';
import { parseSynonyms, shippedThesaurus, Thesaurus } from '../text/thesaurus.ts';
import { UserFacingError } from '../userFacingError.ts';
import type { Bm25Index } from './bm25.ts';
import { currentGeneration } from './layout.ts';
import { INDEX_FORMAT_VERSION, type Manifest } from './manifest.ts';
import type { ServedChunks } from './servedChunks.ts';
import { readManifest, readServedData } from './store.ts';
import { ChunkVectorStore, chunkDocumentFor } from './vectorStore.ts';

export interface SearchIndex {
  generation: string;
  manifest: Manifest;
  documents: Map<string, DocumentMetadata>;
  /** Parsed when read: look chunks up by position, id, document or text (see ServedChunks). */
  chunks: ServedChunks;
  bm25: Bm25Index;
  vectorStore: ChunkVectorStore;
  /** Embeds questions; the hashing embedder gets the index's IDF and thesaurus here. */
  queryEmbeddings: EmbeddingsInterface;
  /** The shipped postal thesaurus with the corpus's own synonyms and definitions. */
  thesaurus: Thesaurus;
}

export interface LoadOptions {
  /**
   * Called once every file of the generation is being read (on the thread pool): a caller
   * with long synchronous work for this thread — the segmentation warm-up at startup — starts it
   * here, so the reads go on meanwhile instead of waiting for it to end before they begin.
   */
  whileReading?: () => void;
}

/** Loads the generation in service, refusing one built with another embedding configuration. */
export async function loadIndex(indexDir: string, embeddings: IdentifiedEmbeddings, options: LoadOptions = {}): Promise<SearchIndex> {
  const generation = await currentGeneration(indexDir);
  if (!generation) throw new UserFacingError('index-missing', `索引不存在（${indexDir}）`);
  const manifest = await readManifest(generation);
  if (manifest.formatVersion !== INDEX_FORMAT_VERSION) {
    throw new UserFacingError('index-outdated', `索引格式版本 ${manifest.formatVersion} 已过时（当前 ${INDEX_FORMAT_VERSION}）`);
  }
  const expected = embeddings.identity;
  if (!matchesSpec(manifest.embedding, expected)) {
    throw new UserFacingError('index-outdated', `索引由 ${describeEmbedding(manifest.embedding)} 构建，与当前配置 ${describeEmbedding(expected)} 不一致`);
  }
  // The files load on the thread pool while this thread does what whileReading starts.
  const reading = readServedData(generation, manifest);
  options.whileReading?.();
  const data = await reading;
  const documents = new Map(data.documents.map((d) => [d.id, d]));
  const bm25 = data.bm25;
  const thesaurus = Thesaurus.merge(shippedThesaurus(), new Thesaurus(parseSynonyms(data.synonyms).rules));
  // Features no chunk has cannot match; left in, their hash buckets would only add collision noise.
  const queryEmbeddings = embeddings instanceof HashingEmbeddings ? embeddings.forQueries({ idf: (feature) => (bm25.documentFrequency(feature) > 0 ? bm25.idf(feature) : 0), thesaurus }) : embeddings;
  const vectorStore = new ChunkVectorStore(queryEmbeddings, data.scan, (position) => {
    const c = data.chunks.at(position);
    const d = documents.get(c.docId);
    return chunkDocumentFor(c, { docId: c.docId, title: d?.title, date: d?.date, source: d?.source, article: c.article });
  });
  // Here rather than in the background warm-up: a question asked the moment the load is done comes first.
  data.scan.warm();
  bm25.warm();
  return { generation, manifest, documents, chunks: data.chunks, bm25, vectorStore, queryEmbeddings, thesaurus };
}
