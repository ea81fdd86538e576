import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../spawnWorker.ts';
import { type PendingReply, SyncCaller } from '../text/syncCalls.ts';
import type { VectorHit } from './vectorScan.ts';

/** What the scan worker (scanWorker.ts) is handed, besides the caller's end in `served`. */
export interface ScanWorkerData {
  memory: WebAssembly.Memory;
  size: number;
  dimension: number;
  /** claims[0]: the number of the last search claimed, by the worker or by the thread that posted it. */
  claims: Int32Array;
}

export interface ScanRequest {
  query: number[];
  k: number;
  /** Numbered from 1, one after another: whoever moves claims[0] from number − 1 to it scans. */
  number: number;
}

/** Whether this thread (or the worker) takes search `number`: the first of the two to ask does. */
export function claim(claims: Int32Array, number: number): boolean {
  return Atomics.compareExchange(claims, 0, number - 1, number) === number - 1;
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
 * (profiled, the longest questions the most). When no core is free, the worker may not even have
 * begun by the time BM25 is ranked: the search is then claimed back and scanned here, rather than
 * waiting for the worker to be scheduled.
 */
export class ScanAside {
  private readonly caller = new SyncCaller<ScanRequest>(REPLY_TIMEOUT_MS);
  private readonly claims = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  /** Shared with the worker's error listener, which must not hold this object (see workers). */
  private readonly state = { failed: false };
  private searches = 0;
  /** A reply nobody waited for (the warm-up's, or a search claimed back), taken before the next post. */
  private unread: PendingReply | undefined;

  /** `workerModule`: scanWorker.ts, or in tests a worker that fails. */
  constructor(memory: WebAssembly.Memory, size: number, dimension: number, workerModule: URL = WORKER_MODULE) {
    const served = this.caller.served;
    const workerData: ScanWorkerData & { served: typeof served } = { memory, size, dimension, claims: this.claims, served };
    const worker = spawnWorker(workerModule, { workerData, transferList: [served.port] });
    const state = this.state;
    worker.on('error', () => void (state.failed = true));
    // Searches wait for it synchronously; it must not keep the process alive.
    worker.unref();
    workers.register(this, worker);
  }

  /**
   * Starts a search whose hits nobody waits for, so that the worker compiles its loops before
   * questions are sent to it (a worker's start and its first search took some 100 ms).
   */
  warm(query: ArrayLike<number>, k: number): void {
    this.unread = this.post(query, k) ?? undefined;
  }

  /**
   * The search started on the worker (see VectorScan.startSearch): the function returned gives its
   * hits, or null when it is to be scanned by the caller (claimed back, or the worker failed); null
   * at once when the worker failed or is still busy with an earlier reply.
   */
  start(query: ArrayLike<number>, k: number): (() => VectorHit[] | null) | null {
    const pending = this.post(query, k);
    if (!pending) return null;
    const number = this.searches;
    return () => {
      if (claim(this.claims, number)) {
        this.unread = pending;
        return null;
      }
      return this.take(pending) as VectorHit[] | null;
    };
  }

  private post(query: ArrayLike<number>, k: number): PendingReply | null {
    if (this.unread && !this.unread.arrived()) return null;
    if (this.unread) this.take(this.unread);
    this.unread = undefined;
    if (this.state.failed) return null;
    try {
      return this.caller.post({ query: Array.from(query), k, number: ++this.searches });
    } catch {
      this.state.failed = true;
      return null;
    }
  }

  private take(pending: PendingReply): unknown {
    try {
      return pending.take();
    } catch {
      this.state.failed = true;
      return null;
    }
  }
}
