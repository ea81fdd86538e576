import { open } from 'node:fs/promises';

/**
 * A file's bytes, read with as few thread-pool requests as the system allows (one, for files under
 * 2 GB). fs.readFile reads in 512 KiB pieces, each resumed by this thread: while this thread is busy
 * (the segmentation dictionaries load synchronously at startup), such a read stalls, where this one
 * goes on to the end.
 */
export async function readWhole(file: string): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    const bytes = Buffer.allocUnsafe(size);
    for (let at = 0; at < size; ) {
      const { bytesRead } = await handle.read(bytes, at, size - at, at);
      if (bytesRead === 0) return bytes.subarray(0, at);
      at += bytesRead;
    }
    return bytes;
  } finally {
    await handle.close();
  }
}
