import { workerData } from 'node:worker_threads';
import { type ServedEnd, serveCalls } from '../text/syncCalls.ts';
import { claim, type ScanRequest, type ScanWorkerData } from './scanAside.ts';
import { VectorScan } from './vectorScan.ts';

// The worker side of scanAside.ts: searches the vectors in the memory it shares with the thread that
// started it, unless that thread has claimed the search back (then it answers null at once).
const { memory, size, dimension, claims, served } = workerData as ScanWorkerData & { served: ServedEnd };
const scan = VectorScan.sharing(memory, size, dimension);
serveCalls(served, ({ query, k, number }: ScanRequest) => (claim(claims, number) ? scan.search(query, k) : null));
