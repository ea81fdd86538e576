import { parentPort, workerData } from 'node:worker_threads';
import type { GraphWorkerReply, GraphWorkerRequest } from './graphBuilder.ts';
import { HnswIndex } from './hnsw.ts';

// The worker side of GraphBuilder: owns one graph, adds the vectors it is sent, writes it when told.
// The graph starts small and doubles as it fills; write() trims it to the vectors it holds.
const { dimension } = workerData as { dimension: number };
const INITIAL_CAPACITY = 1024;
const graph = HnswIndex.create(dimension, INITIAL_CAPACITY);
let insertSeconds = 0;

parentPort!.on('message', (request: GraphWorkerRequest) => {
  if (request.type === 'add') {
    const started = performance.now();
    request.labels.forEach((label, i) => graph.add(request.vectors.subarray(i * dimension, (i + 1) * dimension), label));
    insertSeconds += (performance.now() - started) / 1000;
    return;
  }
  graph.write(request.file);
  parentPort!.postMessage({ type: 'written', insertSeconds } satisfies GraphWorkerReply);
});
