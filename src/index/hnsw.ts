import { stat } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';

/**
 * This module owns hnswlib-node, whose index file is where an index keeps its vectors: one per chunk,
 * labelled by the chunk's position, in hnswlib's flat index (BruteforceSearch) with the inner-product
 * space, so the unit vectors are stored bit for bit as embedded. The next reindex takes the vectors
 * of unchanged chunks from it. Questions are not searched through hnswlib: its graph found 88% of
 * the exact top 10 at 100k chunks within the time allowed and its flat search takes 20 ms there,
 * where the column scan (vectorScan.ts) is exact in a few (README, Benchmarks). With no graph to
 * link, writing the store is a copy.
 */
const { BruteforceSearch } = hnswlib;

/** Writes the vectors (in chunk order) as an hnswlib flat index, on the thread pool. */
export async function writeVectorStore(file: string, vectors: readonly Float32Array[], dimension: number): Promise<void> {
  const index = new BruteforceSearch('ip', dimension);
  index.initIndex(Math.max(1, vectors.length));
  vectors.forEach((vector, position) => index.addPoint(Array.from(vector), position));
  await index.writeIndex(file);
  // hnswlib does not report a file it could not open; a missing store must fail the build, not the next reindex.
  if (!(await stat(file).catch(() => null))?.size) throw new Error(`could not write ${file}`);
}

/**
 * hnswlib's own exact search over a vector store file (its flat index, native code, every vector
 * read in full): the baseline the benchmark compares the column scan with.
 */
export async function flatSearcher(file: string, dimension: number): Promise<(query: number[], k: number) => { position: number; similarity: number }[]> {
  const index = new BruteforceSearch('ip', dimension);
  await index.readIndex(file);
  return (query, k) => {
    const { neighbors, distances } = index.searchKnn(query, Math.min(k, index.getCurrentCount()));
    return neighbors.map((position, i) => ({ position, similarity: 1 - distances[i]! }));
  };
}

/** size_t, as hnswlib writes its counts and labels (little-endian, 64 bits on the platforms Node supports). */
const SIZE_T = 8;

/**
 * The vectors of an hnswlib flat index file, by label. hnswlib-node reads such a file but gives no
 * access to the vectors in it, so its layout (hnswlib's bruteforce.h, saveIndex) is read here: the
 * capacity, the bytes per element and the element count, each a size_t, then each element's floats
 * followed by its label. Throws when the file does not hold `count` vectors of `dimension` labelled
 * 0 to count − 1.
 */
export function readVectorStore(bytes: Buffer, dimension: number, count: number): Float32Array[] {
  const header = 3 * SIZE_T;
  if (bytes.byteLength < header) throw new Error('vector store: no header');
  const capacity = Number(bytes.readBigUInt64LE(0));
  const elementBytes = Number(bytes.readBigUInt64LE(SIZE_T));
  const stored = Number(bytes.readBigUInt64LE(2 * SIZE_T));
  if (elementBytes !== dimension * 4 + SIZE_T || stored !== count || capacity < stored || bytes.byteLength < header + capacity * elementBytes) {
    throw new Error(`vector store: ${stored} vectors of ${(elementBytes - SIZE_T) / 4} dimensions, expected ${count} of ${dimension}`);
  }
  // Copied out once so the floats are aligned, then viewed vector by vector.
  const elements = new Uint8Array(bytes.subarray(header, header + stored * elementBytes)).buffer;
  const floats = new Float32Array(elements);
  const labels = new DataView(elements);
  const vectors: Float32Array[] = new Array(count);
  for (let i = 0; i < stored; i++) {
    const at = i * elementBytes;
    const label = Number(labels.getBigUint64(at + dimension * 4, true));
    if (label >= count || vectors[label]) throw new Error(`vector store: label ${label} out of place`);
    vectors[label] = floats.subarray(at / 4, at / 4 + dimension);
  }
  return vectors;
}
