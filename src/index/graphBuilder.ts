import type { Worker } from 'node:worker_threads';
import { spawnWorker } from '../spawnWorker.ts';
import { UserFacingError } from '../userFacingError.ts';

export type GraphWorkerRequest = { type: 'add'; vectors: Float32Array; labels: Int32Array } | { type: 'write'; file: string };
export type GraphWorkerReply = { type: 'written'; insertSeconds: number };

const WORKER_MODULE = new URL('./graphWorker.ts', import.meta.url);

/**
 * Builds a new vector graph on a worker thread while the caller goes on reading, segmenting and
 * embedding. Inserting into hnswlib is single-threaded native work as long as all the rest of
 * indexing; on two cores the two now overlap, and the main thread stays free to answer questions.
 */
export class GraphBuilder {
  private failure: Error | null = null;
  private readonly ended: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    readonly dimension: number,
  ) {
    worker.on('error', (error) => (this.failure ??= error));
    this.ended = new Promise((resolve) =>
      worker.once('exit', (code) => {
        if (code !== 0) this.failure ??= new Error(`worker exited with code ${code}`);
        resolve();
      }),
    );
  }

  static start(dimension: number): GraphBuilder {
    return new GraphBuilder(spawnWorker(WORKER_MODULE, { workerData: { dimension } }), dimension);
  }

  /** Queues vectors (each of the builder's dimension) under their labels; returns at once. */
  add(vectors: readonly Float32Array[], labels: readonly number[]): void {
    const flat = new Float32Array(vectors.length * this.dimension);
    vectors.forEach((vector, i) => flat.set(vector, i * this.dimension));
    const request: GraphWorkerRequest = { type: 'add', vectors: flat, labels: Int32Array.from(labels) };
    // Transferred, not copied: the caller keeps its own vectors, these buffers were made for the worker.
    this.worker.postMessage(request, [flat.buffer as ArrayBuffer, request.labels.buffer as ArrayBuffer]);
  }

  /** Waits until every queued vector is in the graph, writes it to `file` and ends the worker. Resolves with the seconds spent inserting. */
  async finish(file: string): Promise<number> {
    const written = new Promise<number>((resolve) => this.worker.once('message', (reply: GraphWorkerReply) => resolve(reply.insertSeconds)));
    this.worker.postMessage({ type: 'write', file } satisfies GraphWorkerRequest);
    const insertSeconds = await Promise.race([written, this.ended.then(() => null)]);
    const failure = this.failure;
    await this.worker.terminate();
    if (insertSeconds === null || failure) throw new UserFacingError('index-build-failed', `向量索引构建失败（${failure?.message ?? '工作线程已退出'}），旧索引仍在服务`);
    return insertSeconds;
  }

  /** Ends the worker without writing anything (the build failed elsewhere). */
  async abort(): Promise<void> {
    await this.worker.terminate();
  }
}
