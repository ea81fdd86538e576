import { writeFile } from 'node:fs/promises';
import hnswlib from 'hnswlib-node';

/**
 * This module owns hnswlib-node, whose index file is where an index keeps its vectors: one per chunk,
 * labelled by the chunk's position, in hnswlib's flat index (BruteforceSearch) with the inner-product
 * space, so the unit vectors are stored bit for bit as embedded. The next reindex takes the vectors
 * of unchanged chunks from it. Questions are not searched through hnswlib: its graph found 88% of
 * the exact top 10 at 100k chunks within the time allowed and its flat search takes 20 ms there,
 * where the column scan (vectorScan.ts) is exact in a few (README, Benchmarks).
 *
 * The file is read and written here, in hnswlib's layout (bruteforce.h, saveIndex and loadIndex):
 * the capacity, the bytes per element and the element count, each a size_t, then each element's
 * floats followed by its label. hnswlib-node gives no access to the vectors of a flat index, and it
 * takes a vector in as a JavaScript array, one N-API call per float: 12.6 s for 100k vectors, where
 * writing the bytes takes a fraction of a second. Tests check that hnswlib reads and searches what
 * is written here (flatSearcher).
 */
const { BruteforceSearch } = hnswlib;

/** size_t, as hnswlib writes its counts and labels (little-endian, 64 bits on the platforms Node supports). */
const SIZE_T = 8;
const HEADER_BYTES = 3 * SIZE_T;

/** Writes the vectors (in chunk order, each labelled by its position) as an hnswlib flat index. */
export async function writeVectorStore(file: string, vectors: readonly Float32Array[], dimension: number): Promise<void> {
  const elementBytes = dimension * 4 + SIZE_T;
  // hnswlib cannot read back a capacity of 0: an empty index keeps room for one, as initIndex(1) does.
  const capacity = Math.max(1, vectors.length);
  const bytes = Buffer.alloc(HEADER_BYTES + capacity * elementBytes);
  bytes.writeBigUInt64LE(BigInt(capacity), 0);
  bytes.writeBigUInt64LE(BigInt(elementBytes), SIZE_T);
  bytes.writeBigUInt64LE(BigInt(vectors.length), 2 * SIZE_T);
  vectors.forEach((vector, position) => {
    const at = HEADER_BYTES + position * elementBytes;
    Buffer.from(vector.buffer, vector.byteOffset, dimension * 4).copy(bytes, at);
    bytes.writeBigUInt64LE(BigInt(position), at + dimension * 4);
  });
  await writeFile(file, bytes);
}

/**
 * The vectors of a flat index file written by writeVectorStore, by label. Throws when the file does
 * not hold `count` vectors of `dimension` labelled 0 to count − 1.
 */
export function readVectorStore(bytes: Buffer, dimension: number, count: number): Float32Array[] {
  if (bytes.byteLength < HEADER_BYTES) throw new Error('vector store: no header');
  const capacity = Number(bytes.readBigUInt64LE(0));
  const elementBytes = Number(bytes.readBigUInt64LE(SIZE_T));
  const stored = Number(bytes.readBigUInt64LE(2 * SIZE_T));
  if (elementBytes !== dimension * 4 + SIZE_T || stored !== count || capacity < stored || bytes.byteLength < HEADER_BYTES + capacity * elementBytes) {
    throw new Error(`vector store: ${stored} vectors of ${(elementBytes - SIZE_T) / 4} dimensions, expected ${count} of ${dimension}`);
  }
  // Copied out once so the floats are aligned, then viewed vector by vector.
  const elements = new Uint8Array(bytes.subarray(HEADER_BYTES, HEADER_BYTES + stored * elementBytes)).buffer;
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

/**
 * hnswlib's own exact search over a vector store file (its flat index, native code, every vector
 * read in full): the baseline the benchmark compares the column scan with.
 */
export async function flatSearcher(file: string, dimension: number): Promise<(query: number[], k: number) => { position: number; similarity: number }[]> {
  const index = new BruteforceSearch('ip', dimension);
  await index.readIndex(file);
  return (query, k) => {
    const n = Math.min(k, index.getCurrentCount());
    if (n === 0) return [];
    const { neighbors, distances } = index.searchKnn(query, n);
    return neighbors.map((position, i) => ({ position, similarity: 1 - distances[i]! }));
  };
}
