import { workerData } from 'node:worker_threads';
import { type ServedEnd, serveCalls } from '../text/syncCalls.ts';
import type { ScanRequest, ScanWorkerData } from './scanAside.ts';
import { VectorScan } from './vectorScan.ts';

// The worker side of scanAside.ts: searches the vectors in the memory it shares with the thread that started it.
const { memory, size, dimension, served } = workerData as ScanWorkerData & { served: ServedEnd };
const scan = VectorScan.sharing(memory, size, dimension);
serveCalls(served, ({ query, k }: ScanRequest) => scan.search(query, k));
