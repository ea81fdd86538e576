import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../spawnWorker.ts';
import { SyncCaller } from '../text/syncCalls.ts';
import type { VectorHit } from './vectorScan.ts';

/** What the scan worker (scanWorker.ts) is handed, besides the caller's end in `served`. */
export interface ScanWorkerData {
  memory: WebAssembly.Memory;
  size: number;
  dimension: number;
}

export interface ScanRequest {
  query: number[];
  k: number;
}

const WORKER_MODULE = new URL('./scanWorker.ts', import.meta.url);
/**
 * A search never takes this long; the first waits for the worker's start, which takes a second or
 * more on a loaded machine. A worker that did not answer in time is given up for searches here.
 */
const REPLY_TIMEOUT_MS = 10_000;

/** A worker whose scan was collected (its index replaced by a reindex) holds the vectors' memory: it ends. */
const workers = new FinalizationRegistry<Worker>((worker) => void worker.terminate());

/**
 * A worker thread searching a scan's vectors in their shared memory, so that a hybrid search scans
 * on the other core while this thread ranks BM25: at 100k chunks each takes 2–6 ms a question
 * (profiled, the longest questions the most). Started on the first search of a large scan.
 */
export class ScanAside {
  private readonly caller = new SyncCaller<ScanRequest>(REPLY_TIMEOUT_MS);
  /** Shared with the worker's error listener, which must not hold this object (see workers). */
  private readonly state = { failed: false };
  /** The warm-up search's reply, taken before the next search is posted. */
  private warming: (() => unknown) | undefined;

  constructor(memory: WebAssembly.Memory, size: number, dimension: number) {
    const served = this.caller.served;
    const workerData: ScanWorkerData & { served: typeof served } = { memory, size, dimension, served };
    const worker = spawnWorker(WORKER_MODULE, { workerData, transferList: [served.port] });
    const state = this.state;
    worker.on('error', () => void (state.failed = true));
    // Searches wait for it synchronously; it must not keep the process alive.
    worker.unref();
    workers.register(this, worker);
  }

  /**
   * Starts a search whose hits nobody waits for, so that the worker starts and compiles its loops
   * while the index loads rather than during the first question's search (a worker's start and its
   * first search took some 100 ms).
   */
  warm(query: ArrayLike<number>, k: number): void {
    try {
      this.warming = this.caller.post({ query: Array.from(query), k });
    } catch {
      this.state.failed = true;
    }
  }

  /**
   * The search started on the worker (see VectorScan.startSearch): the function returned gives its
   * hits, or null when the worker failed (then and from then on, null is returned at once).
   */
  start(query: ArrayLike<number>, k: number): (() => VectorHit[] | null) | null {
    if (this.state.failed) return null;
    const state = this.state;
    try {
      this.warming?.();
      this.warming = undefined;
      const reply = this.caller.post({ query: Array.from(query), k });
      return () => {
        try {
          return reply() as VectorHit[];
        } catch {
          state.failed = true;
          return null;
        }
      };
    } catch {
      state.failed = true;
      return null;
    }
  }
}
