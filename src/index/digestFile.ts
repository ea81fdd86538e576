import { chunkDocument } from '../chunk/chunkDocument.ts';
import { indexText } from '../chunk/indexText.ts';
import { chunkPages } from '../chunk/pageOf.ts';
import type { Chunk, ChunkingOptions } from '../chunk/types.ts';
import { type CorpusEntry, readCorpusFile } from '../corpus/load.ts';
import { parseDocument } from '../corpus/parse.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import { lexicalFeatureCodesOfEach } from '../text/features.ts';
import { normalize } from '../text/normalize.ts';

/** Seconds a file took to read (scan), clean and chunk and segment: the stages of a reindex report. */
export interface DigestSeconds {
  scan: number;
  clean: number;
  segment: number;
}

/**
 * A listed file as the index needs it, made without any state of the reindex so that worker threads
 * can make it: `unreadable` (skipped, with why), `unchanged` (read, and its hash is the recorded one:
 * its chunks are kept) or `changed` (new or edited: its document, its chunks, the text each is
 * embedded from and the lexical features of that text, bigrams as numbers).
 */
export type FileDigest = { warnings: string[]; seconds: DigestSeconds } & (
  | { kind: 'unreadable' }
  | { kind: 'unchanged'; hash: string }
  | { kind: 'changed'; hash: string; metadata: DocumentMetadata; chunks: Chunk[]; texts: string[]; features: (string | number)[][] }
);

/** Reads, cleans, chunks and segments one file, unless its bytes hash to `recordedHash`. */
export async function digestFile(entry: CorpusEntry, recordedHash: string | undefined, chunking: ChunkingOptions): Promise<FileDigest> {
  let started = performance.now();
  const seconds: DigestSeconds = { scan: 0, clean: 0, segment: 0 };
  const lap = (stage: keyof DigestSeconds) => {
    const now = performance.now();
    seconds[stage] += (now - started) / 1000;
    started = now;
  };
  const { file, warnings } = await readCorpusFile(entry);
  lap('scan');
  if (!file) return { kind: 'unreadable', warnings, seconds };
  if (file.hash === recordedHash) return { kind: 'unchanged', hash: file.hash, warnings, seconds };
  const { document, warnings: parsed } = parseDocument(file);
  lap('clean');
  const chunks = withPages(chunkDocument(document, chunking), file.pages);
  const texts = chunks.map((chunk) => indexText(chunk, document.metadata));
  const features = lexicalFeatureCodesOfEach(texts.map((text) => normalize(text)));
  lap('segment');
  return { kind: 'changed', hash: file.hash, metadata: document.metadata, chunks, texts, features, warnings: [...warnings, ...parsed], seconds };
}

/** A PDF's chunks with the page each starts on, so citations can name it. */
function withPages(chunks: Chunk[], pages: readonly string[] | undefined): Chunk[] {
  if (!pages) return chunks;
  const found = chunkPages(
    chunks.map((c) => c.text),
    pages,
  );
  return chunks.map((chunk, i) => (found[i] ? { ...chunk, page: found[i] } : chunk));
}
