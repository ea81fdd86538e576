import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import type { ChunkingOptions } from '../chunk/types.ts';
import type { CorpusEntry } from '../corpus/load.ts';
import { childProcessModule } from '../runnable.ts';
import { digestFile, type FileDigest } from './digestFile.ts';

export type DigestRequest = { id: number; entry: CorpusEntry; recordedHash: string | undefined };
export type DigestReply = { id: number; digest: FileDigest } | { id: number; error: string };

/** Digests the files a reindex reads (digestFile), several at once. */
export interface Digester {
  /** Files handed over before waiting for the first of them: each worker has the next ones queued. */
  readonly ahead: number;
  digest(entry: CorpusEntry, recordedHash: string | undefined): Promise<FileDigest>;
  close(): Promise<void>;
}

/**
 * Below this many files to read, a reindex digests them on its own thread: each worker would first
 * load jieba's dictionaries (about 2 s), longer than reading and segmenting a few hundred files.
 */
const WORKER_MIN_FILES = 200;

/**
 * The digester for a reindex reading `files` files: worker processes, one per core, when there are
 * many (reading, cleaning and segmenting are most of indexing and each file is done alone, so the
 * cores share them), else this thread. `workers` overrides the choice (0: this thread).
 */
export function startDigester(files: number, chunking: ChunkingOptions, workers = files >= WORKER_MIN_FILES ? availableParallelism() : 0): Digester {
  // One at a time on this thread, as before there were workers: each file's stage seconds are its own.
  if (workers === 0) return { ahead: 1, digest: (entry, recordedHash) => digestFile(entry, recordedHash, chunking), close: async () => {} };
  return new DigestWorkers(workers, chunking);
}

// The JavaScript module beside this one when compiled (npm start runs dist/), else the TypeScript one through tsx.
const WORKER_MODULE = childProcessModule(new URL('./digestWorker.ts', import.meta.url));

type Waiting = { resolve: (digest: FileDigest) => void; reject: (error: Error) => void };

/**
 * Child processes digesting files; each file goes to the one with the fewest waiting. Processes, not
 * worker threads: nodejieba never frees its dictionaries, so each worker thread that had loaded them
 * left about 240 MB behind when it ended (measured), in a bot that rebuilds its index while serving.
 */
class DigestWorkers implements Digester {
  readonly ahead: number;
  private readonly workers: { child: ChildProcess; waiting: Map<number, Waiting> }[];
  private nextId = 0;

  constructor(processes: number, chunking: ChunkingOptions) {
    this.ahead = processes * 8;
    this.workers = Array.from({ length: processes }, () => {
      const child = fork(WORKER_MODULE.file, [JSON.stringify(chunking)], {
        execArgv: WORKER_MODULE.execArgv,
        serialization: 'advanced',
        // Never the console's questions: stdin is not the worker's.
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      const slot = { child, waiting: new Map<number, Waiting>() };
      child.on('message', (reply: DigestReply) => {
        const waiting = slot.waiting.get(reply.id)!;
        slot.waiting.delete(reply.id);
        if ('error' in reply) waiting.reject(new Error(reply.error));
        else waiting.resolve(reply.digest);
      });
      const fail = (error: Error) => {
        for (const waiting of slot.waiting.values()) waiting.reject(error);
        slot.waiting.clear();
      };
      child.on('error', fail);
      child.on('exit', (code, signal) => fail(new Error(`digest worker exited (${signal ?? code})`)));
      return slot;
    });
  }

  digest(entry: CorpusEntry, recordedHash: string | undefined): Promise<FileDigest> {
    const slot = this.workers.reduce((a, b) => (b.waiting.size < a.waiting.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(id, { resolve, reject });
      slot.child.send({ id, entry, recordedHash } satisfies DigestRequest);
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.workers.map(({ child }) => {
        if (child.exitCode !== null || child.signalCode !== null) return undefined;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        return exited;
      }),
    );
  }
}
