import type { ChunkingOptions } from '../chunk/types.ts';
import type { CorpusEntry } from '../corpus/load.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import type { EmbeddingSpec } from '../embed/identity.ts';
import { Vocabulary } from '../text/vocabulary.ts';
import type { IndexEntry } from './embedChunks.ts';
import { type Manifest, sameStamp } from './manifest.ts';
import { type PreviousGeneration, previousGeneration } from './previous.ts';

/** What a reindex takes from the generation in service instead of reading and embedding it again. */
export interface Reuse extends PreviousGeneration {
  /** The files as the previous generation recorded them; empty when nothing is reused. */
  files: Manifest['files'];
  /**
   * Numbers new terms after the previous BM25 terms, so unchanged chunks keep their term counts
   * without being segmented again.
   */
  vocabulary: Vocabulary;
  /** Whether a listed file may be taken as unchanged without reading it. */
  trusted(entry: CorpusEntry): boolean;
  /** The previous document and its chunks, when its file still has the recorded hash. */
  kept(id: string, hash: string): { document: DocumentMetadata; entries: IndexEntry[] } | undefined;
  /** The recorded hash of a file whose document and chunks can be kept: a file read with it is unchanged. */
  keptHash(id: string): string | undefined;
}

export interface ReuseOptions {
  indexDir: string;
  embedding: EmbeddingSpec;
  chunking: ChunkingOptions;
  /** Reuse nothing. */
  full?: boolean;
  /** Read every file, trusting no recorded size and mtime. */
  verify?: boolean;
}

/** The previous generation's documents, chunks, term counts and vectors, by document. */
export async function reusableGeneration(options: ReuseOptions): Promise<Reuse> {
  const previous: PreviousGeneration = options.full ? { data: null, dir: null, reason: '--full' } : await previousGeneration(options);
  const data = previous.data;
  const files = data?.manifest.files ?? {};
  const documents = new Map(data?.documents.map((d) => [d.id, d]));
  const counts = data?.bm25.termCounts();
  const chunks = new Map<string, IndexEntry[]>();
  data?.chunks.forEach((chunk, i) => {
    const list = chunks.get(chunk.docId) ?? [];
    list.push({ chunk, counts: counts!.rows[i]!, vector: data.vectors[i]!, text: '' });
    chunks.set(chunk.docId, list);
  });
  return {
    ...previous,
    files,
    vocabulary: counts ? Vocabulary.of(counts.terms) : new Vocabulary(),
    // Same path, size and mtime as recorded: trusted unchanged without reading, unless asked to verify.
    trusted: (entry) => !options.verify && documents.has(entry.id) && sameStamp(files[entry.id], entry),
    keptHash: (id) => (documents.has(id) ? files[id]?.sha256 : undefined),
    kept: (id, hash) => {
      const document = files[id]?.sha256 === hash ? documents.get(id) : undefined;
      return document && { document, entries: chunks.get(id) ?? [] };
    },
  };
}
