import type { ChunkingOptions } from '../chunk/types.ts';
import type { CorpusEntry } from '../corpus/load.ts';
import type { DocumentMetadata } from '../corpus/types.ts';
import { startDigester } from './digesters.ts';
import type { FileDigest } from './digestFile.ts';
import type { ChunkEmbedder, IndexEntry } from './embedChunks.ts';
import type { Manifest } from './manifest.ts';
import type { Reuse } from './reuse.ts';
import { type StageSeconds, timed } from './stages.ts';

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
  /** Worker processes reading files (0: this thread); by default chosen from how many there are. */
  workers?: number;
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

/** A new or changed file, digested: its chunks are counted over the vocabulary and queued for embedding. */
async function addFile(corpus: GatheredCorpus, entry: CorpusEntry, digest: Extract<FileDigest, { kind: 'changed' }>, work: GatherWork): Promise<void> {
  (work.reuse.files[entry.id] ? corpus.changed : corpus.added).push(entry.id);
  corpus.documents.push(digest.metadata);
  const fresh = timed(work.stages, 'segment', () =>
    digest.chunks.map((chunk, i): IndexEntry => ({ chunk, counts: work.reuse.vocabulary.count(digest.features[i]!), vector: null, text: digest.texts[i]! })),
  );
  corpus.entries.push(...fresh);
  await work.embedder.add(fresh);
  corpus.files[entry.id] = { path: entry.path, sha256: digest.hash, chunks: fresh.length, size: entry.size, mtimeMs: entry.mtimeMs };
}

/**
 * Goes through the listed files in order: a file trusted unchanged is not read, a file read with
 * its recorded hash keeps its chunks, any other file is cleaned, chunked and embedded. A file that
 * cannot be read or used is left out with a warning. Reading, cleaning and segmenting run ahead of
 * this loop (in worker processes for a large corpus, see startDigester); term ids and vectors are
 * given here, in listing order, so the result does not depend on which file was digested first.
 */
export async function gatherCorpus(listed: readonly CorpusEntry[], work: GatherWork): Promise<GatheredCorpus> {
  const corpus: GatheredCorpus = { documents: [], entries: [], files: {}, added: [], changed: [], unchanged: 0, restamped: 0, warnings: [] };
  const toRead = listed.filter((e) => !work.reuse.trusted(e));
  const digester = startDigester(toRead.length, work.chunking, work.workers);
  const pending = new Map<CorpusEntry, Promise<FileDigest>>();
  let next = 0;
  const readAhead = () => {
    for (; next < toRead.length && pending.size < digester.ahead; next++) {
      const entry = toRead[next]!;
      const digest = digester.digest(entry, work.reuse.keptHash(entry.id));
      // Awaited in turn below; one left waiting when a build fails must not count as unhandled.
      digest.catch(() => undefined);
      pending.set(entry, digest);
    }
  };
  try {
    let read = 0;
    for (const entry of listed) {
      if (work.reuse.trusted(entry)) {
        // Trusted means recorded with this stamp, so the recorded hash and document are there.
        const hash = work.reuse.files[entry.id]!.sha256;
        keepFile(corpus, entry, hash, work.reuse.kept(entry.id, hash)!, false);
        continue;
      }
      readAhead();
      const digest = await pending.get(entry)!;
      pending.delete(entry);
      readAhead();
      // Reading counts as scanning, as it did when every file was read up front.
      for (const stage of ['scan', 'clean', 'segment'] as const) work.stages[stage] += digest.seconds[stage];
      for (const message of digest.warnings) corpus.warnings.push({ path: entry.path, message });
      if (digest.kind === 'unchanged') keepFile(corpus, entry, digest.hash, work.reuse.kept(entry.id, digest.hash)!, true);
      else if (digest.kind === 'changed') await addFile(corpus, entry, digest, work);
      work.onFileRead?.(++read, toRead.length);
    }
  } finally {
    await digester.close();
  }
  return corpus;
}
