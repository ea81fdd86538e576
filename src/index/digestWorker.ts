import { parentPort, workerData } from 'node:worker_threads';
import type { ChunkingOptions } from '../chunk/types.ts';
import { digestFile } from './digestFile.ts';
import type { DigestReply, DigestRequest } from './digesters.ts';

// The worker side of DigestWorkers: digests each file it is sent and sends the digest back.
const { chunking } = workerData as { chunking: ChunkingOptions };

parentPort!.on('message', (request: DigestRequest) => {
  digestFile(request.entry, request.recordedHash, chunking).then(
    (digest) => parentPort!.postMessage({ id: request.id, digest } satisfies DigestReply),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: (error as Error).message } satisfies DigestReply),
  );
});
