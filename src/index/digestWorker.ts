import type { ChunkingOptions } from '../chunk/types.ts';
import { digestFile } from './digestFile.ts';
import type { DigestReply, DigestRequest } from './digesters.ts';

// The worker process of DigestWorkers: digests the files it is sent one after another (so each
// file's stage seconds are its own) and sends each digest back; it ends with the reindex.
const chunking = JSON.parse(process.argv[2]!) as ChunkingOptions;
let queue = Promise.resolve();
const reply = (message: DigestReply): void => {
  process.send!(message);
};

process.on('message', (request: DigestRequest) => {
  queue = queue.then(() =>
    digestFile(request.entry, request.recordedHash, chunking).then(
      (digest) => reply({ id: request.id, digest }),
      (error: unknown) => reply({ id: request.id, error: (error as Error).message }),
    ),
  );
});
process.on('disconnect', () => process.exit(0));
