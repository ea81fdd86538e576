import { parentPort, workerData } from 'node:worker_threads';
import { loadDictionary, type SegmentRequest, segmentations } from './jieba.ts';
import { type ServedEnd, serveCalls } from './syncCalls.ts';

// The worker side of segment.ts: loads jieba's dictionary, says so, then segments on request. A
// dictionary that fails to load fails every request with its error, as it would in-thread.
let failure: unknown;
try {
  loadDictionary();
} catch (error) {
  failure = error;
}
// When, in wall-clock time (a worker's performance.now() counts from its own start).
parentPort!.postMessage(failure === undefined ? { loaded: performance.timeOrigin + performance.now() } : { error: String(failure) });
serveCalls((workerData as { served: ServedEnd }).served, ({ kind, texts }: SegmentRequest) => {
  if (failure !== undefined) throw failure;
  const segment: (text: string) => unknown = segmentations[kind];
  return texts.map((text) => segment(text));
});
