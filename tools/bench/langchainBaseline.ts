import { MemoryVectorStore } from '@langchain/classic/vectorstores/memory';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { scanCorpus } from '../../src/corpus/load.ts';
import { parseDocument } from '../../src/corpus/parse.ts';

export interface Baseline {
  store: MemoryVectorStore;
  chunks: number;
  seconds: number;
}

/**
 * The stock LangChain pipeline on the same cleaned documents and the same embeddings: the
 * recursive character splitter with its default separators and an in-memory vector store
 * (exact cosine over every chunk).
 */
export async function buildBaseline(corpusDirs: readonly string[], embeddings: EmbeddingsInterface): Promise<Baseline> {
  const started = performance.now();
  const { files } = await scanCorpus(corpusDirs);
  const documents = files.map((file) => parseDocument(file).document);
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 500, chunkOverlap: 50 });
  const chunks = await splitter.splitDocuments(documents);
  const store = await MemoryVectorStore.fromDocuments(chunks, embeddings);
  return { store, chunks: chunks.length, seconds: (performance.now() - started) / 1000 };
}

/** Document ids of the baseline's top k passages for a question. */
export async function baselineDocIds(baseline: Baseline, question: string, k: number): Promise<string[]> {
  const hits = await baseline.store.similaritySearch(question, k);
  return hits.map((d) => String((d.metadata as { id?: string }).id));
}
