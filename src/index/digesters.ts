import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ChunkingOptions } from '../chunk/types.ts';
import type { CorpusEntry } from '../corpus/load.ts';
import { digestFile, type FileDigest } from './digestFile.ts';

export type DigestRequest = { id: number; entry: CorpusEntry; recordedHash: string | undefined };
export type DigestReply = { id: number; digest: FileDigest } | { id: number; error: string };

/** Digests the files a reindex reads (digestFile), several at once. */
export interface Digester {
  /** Files to hand over before waiting for the first of them, so reading and segmenting overlap. */
  readonly ahead: number;
  digest(entry: CorpusEntry, recordedHash: string | undefined): Promise<FileDigest>;
  close(): Promise<void>;
}

/**
 * Below this many files to read, a reindex digests them on its own thread: each worker first loads
 * jieba's dictionaries (about 2 s), more than a few hundred files take.
 */
const WORKER_MIN_FILES = 200;

/**
 * The digester for a reindex reading `files` files: worker threads, one per core, when there are
 * many (reading, cleaning and segmenting are most of indexing and each file is done alone, so the
 * cores share them), else this thread. `threads` overrides the choice (0: this thread).
 */
export function startDigester(files: number, chunking: ChunkingOptions, threads = files >= WORKER_MIN_FILES ? availableParallelism() : 0): Digester {
  if (threads === 0) return { ahead: 4, digest: (entry, recordedHash) => digestFile(entry, recordedHash, chunking), close: async () => {} };
  return new DigestWorkers(threads, chunking);
}

// Compiled (npm start runs dist/), the worker is the JavaScript module beside this one; run from
// TypeScript (tsx, tests), it is the TypeScript one.
const COMPILED = import.meta.url.endsWith('.js');
const WORKER_MODULE = new URL(COMPILED ? './digestWorker.js' : './digestWorker.ts', import.meta.url).href;

/** Worker threads do not inherit tsx's module hooks, so a worker of TypeScript registers them itself before importing its module. */
function spawnWorker(chunking: ChunkingOptions): Worker {
  if (COMPILED) return new Worker(new URL(WORKER_MODULE), { workerData: { chunking } });
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_MODULE)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: { chunking } });
}

type Waiting = { resolve: (digest: FileDigest) => void; reject: (error: Error) => void };

/** Worker threads digesting files; each file goes to the worker with the fewest waiting. */
class DigestWorkers implements Digester {
  readonly ahead: number;
  private readonly workers: { worker: Worker; waiting: Map<number, Waiting> }[];
  private nextId = 0;

  constructor(threads: number, chunking: ChunkingOptions) {
    this.ahead = threads * 8;
    this.workers = Array.from({ length: threads }, () => {
      const slot = { worker: spawnWorker(chunking), waiting: new Map<number, Waiting>() };
      slot.worker.on('message', (reply: DigestReply) => {
        const waiting = slot.waiting.get(reply.id)!;
        slot.waiting.delete(reply.id);
        if ('error' in reply) waiting.reject(new Error(reply.error));
        else waiting.resolve(reply.digest);
      });
      const fail = (error: Error) => {
        for (const waiting of slot.waiting.values()) waiting.reject(error);
        slot.waiting.clear();
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => fail(new Error(`digest worker exited with code ${code}`)));
      return slot;
    });
  }

  digest(entry: CorpusEntry, recordedHash: string | undefined): Promise<FileDigest> {
    const slot = this.workers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      slot.worker.postMessage({ id, entry, recordedHash } satisfies DigestRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((slot) => slot.worker.terminate()));
  }
}
