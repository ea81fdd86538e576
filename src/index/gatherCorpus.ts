import { chunkDocument } from '../chunk/chunkDocument.ts';
import { indexText } from '../chunk/indexText.ts';
import { chunkPages } from '../chunk/pageOf.ts';
import type { Chunk, ChunkingOptions } from '../chunk/types.ts';
import { type CorpusEntry, readCorpusFile, type SourceFile } from '../corpus/load.ts';
import { parseDocument } from '../corpus/parse.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import { lexicalFeaturesOfEach } from '../text/features.ts';
import { normalize } from '../text/normalize.ts';
import type { ChunkEmbedder, IndexEntry } from './embedChunks.ts';
import type { Manifest } from './manifest.ts';
import type { Reuse } from './reuse.ts';
import { type StageSeconds, timed, timedAsync } from './stages.ts';
import { NEW_LABEL } from './vectorGraph.ts';

/** The corpus as the new generation will hold it, and what changed since the previous one. */
export interface GatheredCorpus {
  documents: DocumentMetadata[];
  entries: IndexEntry[];
  files: Manifest['files'];
  added: string[];
  changed: string[];
  unchanged: number;
  /** Unchanged files that were read because their size or mtime differed from the recorded ones. */
  restamped: number;
  warnings: { path: string; message: string }[];
}

export interface GatherWork {
  reuse: Reuse;
  embedder: ChunkEmbedder;
  chunking: ChunkingOptions;
  stages: StageSeconds;
  /** Called after each file that was read. */
  onFileRead?: (done: number, total: number) => void;
}

/** An unchanged file: its document and chunks (with their term counts and vectors) are taken as they were. */
function keepFile(corpus: GatheredCorpus, entry: CorpusEntry, hash: string, kept: NonNullable<ReturnType<Reuse['kept']>>, read: boolean): void {
  corpus.unchanged++;
  // A file touched but not edited: its new stamp is recorded so the next run trusts it again.
  if (read) corpus.restamped++;
  corpus.documents.push({ ...kept.document, path: entry.path });
  corpus.entries.push(...kept.entries);
  corpus.files[entry.id] = { path: entry.path, sha256: hash, chunks: kept.entries.length, size: entry.size, mtimeMs: entry.mtimeMs };
}

/** A new or changed file: cleaned, chunked, its terms counted and its chunks queued for embedding. */
async function addFile(corpus: GatheredCorpus, source: SourceFile, work: GatherWork): Promise<void> {
  (work.reuse.files[source.id] ? corpus.changed : corpus.added).push(source.id);
  const { document, warnings } = timed(work.stages, 'clean', () => parseDocument(source));
  for (const message of warnings) corpus.warnings.push({ path: source.path, message });
  corpus.documents.push(document.metadata);
  const start = corpus.entries.length;
  const fresh = timed(work.stages, 'segment', () => {
    const chunks = withPages(chunkDocument(document, work.chunking), source.pages);
    const texts = chunks.map((chunk) => indexText(chunk, document.metadata));
    // The document's chunks in one call to the segmentation worker: a call each cost a third more time (100k chunks).
    const features = lexicalFeaturesOfEach(texts.map((text) => normalize(text)));
    return chunks.map((chunk, i): IndexEntry => {
      // A new graph is labelled by position; an updated one hands out labels when the vector goes in.
      const label = work.reuse.graph ? NEW_LABEL : start + i;
      return { chunk: { ...chunk, label }, counts: work.reuse.vocabulary.count(features[i]!), vector: null, text: texts[i]! };
    });
  });
  corpus.entries.push(...fresh);
  await work.embedder.add(fresh);
  corpus.files[source.id] = { path: source.path, sha256: source.hash, chunks: fresh.length, size: source.size, mtimeMs: source.mtimeMs };
}

/**
 * Goes through the listed files in order: a file trusted unchanged is not read, a file read with
 * its recorded hash keeps its chunks, any other file is cleaned, chunked and embedded. A file that
 * cannot be read or used is left out with a warning.
 */
export async function gatherCorpus(listed: readonly CorpusEntry[], work: GatherWork): Promise<GatheredCorpus> {
  const corpus: GatheredCorpus = { documents: [], entries: [], files: {}, added: [], changed: [], unchanged: 0, restamped: 0, warnings: [] };
  const toRead = listed.filter((e) => !work.reuse.trusted(e)).length;
  let read = 0;
  for (const entry of listed) {
    if (work.reuse.trusted(entry)) {
      // Trusted means recorded with this stamp, so the recorded hash and document are there.
      const hash = work.reuse.files[entry.id]!.sha256;
      keepFile(corpus, entry, hash, work.reuse.kept(entry.id, hash)!, false);
      continue;
    }
    // Reading counts as scanning, as it did when every file was read up front.
    const { file, warnings } = await timedAsync(work.stages, 'scan', () => readCorpusFile(entry));
    for (const message of warnings) corpus.warnings.push({ path: entry.path, message });
    if (!file) continue;
    const kept = work.reuse.kept(entry.id, file.hash);
    if (kept) keepFile(corpus, entry, file.hash, kept, true);
    else await addFile(corpus, file, work);
    work.onFileRead?.(++read, toRead);
  }
  return corpus;
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
