import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claim, ScanAside } from '../src/index/scanAside.ts';
import { scanKernel } from '../src/index/scanKernel.ts';
import { VectorScan } from '../src/index/vectorScan.ts';
import { seededRandom } from '../tools/bench/random.ts';
import { tempDir } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

/** Unit vectors as the hashing embedder makes them: a quarter of the dimensions set, signed. */
function sparseUnitVectors(count: number, dimension: number, seed: number, density = 0.25): Float32Array[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => {
    const vector = new Float32Array(dimension);
    for (let d = 0; d < dimension; d++) if (random() < density) vector[d] = random() - 0.5;
    const norm = Math.hypot(...vector) || 1;
    return vector.map((v) => v / norm);
  });
}

/** The plain exact scan: a double-precision dot product with every vector, equal scores in chunk order. */
function naiveTopK(vectors: readonly Float32Array[], query: Float32Array, k: number) {
  return vectors
    .map((vector, position) => {
      let similarity = 0;
      for (let d = 0; d < query.length; d++) similarity += vector[d]! * query[d]!;
      return { position, similarity };
    })
    .sort((a, b) => b.similarity - a.similarity || a.position - b.position)
    .slice(0, k);
}

describe('scan kernel', () => {
  it('adds a scaled column to the sums, four floats at a time', () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    const floats = new Float32Array(memory.buffer);
    floats.set([1, 2, 3, 4, 5, 6, 7, 8], 0);
    floats.set([10, 20, 30, 40, 50, 60, 70, 80], 8);
    scanKernel(memory)(0, 8 * 4, 8, 0.5);
    expect([...floats.subarray(0, 8)]).toEqual([6, 12, 18, 24, 30, 36, 42, 48]);
    expect([...floats.subarray(8, 16)]).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
  });
});

describe('vector scan', () => {
  // Sizes around the SIMD width and the 4096-chunk block: padding and the last block must not leak.
  it.each([1, 3, 4, 10, 4095, 4097, 9_001])('returns what a plain exact loop returns over %i vectors', (count) => {
    const dimension = 64;
    const vectors = sparseUnitVectors(count, dimension, count);
    const scan = VectorScan.fromRows(vectors, dimension);
    for (const query of sparseUnitVectors(20, dimension, 7, 0.1)) {
      expect(scan.search(query, 10)).toEqual(naiveTopK(vectors, query, 10));
    }
  });

  it('returns equal scores in chunk order, duplicates included, and no more than it holds', () => {
    const [a, b] = sparseUnitVectors(2, 16, 3);
    const vectors = [b!, a!, b!, a!, a!];
    const scan = VectorScan.fromRows(vectors, 16);
    expect(scan.search(a!, 10).map((h) => h.position)).toEqual([1, 3, 4, 0, 2]);
    expect(scan.search(a!, 2).map((h) => h.position)).toEqual([1, 3]);
    expect(VectorScan.fromRows([], 16).search(a!, 5)).toEqual([]);
  });

  it('keeps chunk order among more exact duplicates than the float32 pass keeps', () => {
    const dimension = 8;
    const query = new Float32Array(dimension).fill(Math.SQRT1_2 / 2);
    const vectors = [...Array.from({ length: 300 }, () => query), ...sparseUnitVectors(50, dimension, 5)];
    const scan = VectorScan.fromRows(vectors, dimension);
    expect(scan.search(query, 50)).toEqual(naiveTopK(vectors, query, 50));
  });

  it('searches the same after the warm-up search at load, over fewer dimensions than it sets too', () => {
    for (const dimension of [4, 64]) {
      const vectors = sparseUnitVectors(100, dimension, 11);
      const scan = VectorScan.fromRows(vectors, dimension);
      const [query] = sparseUnitVectors(1, dimension, 13, 0.5);
      const before = scan.search(query!, 10);
      scan.warm();
      expect(scan.search(query!, 10)).toEqual(before);
    }
  });

  it('searches the same on its worker thread, one search after another, as in this thread', () => {
    const dimension = 64;
    const vectors = sparseUnitVectors(5_000, dimension, 17);
    const scan = VectorScan.fromRows(vectors, dimension);
    for (const query of sparseUnitVectors(10, dimension, 19, 0.1)) {
      const hits = scan.startSearch(query, 50, true);
      expect(hits()).toEqual(scan.search(query, 50));
    }
  });

  it('hands searches back to this thread at once when its worker thread fails', async () => {
    const failing = new URL('./fixtures/failingWorker.ts', import.meta.url);
    const memory = () => new WebAssembly.Memory({ initial: 1, maximum: 1, shared: true });
    const query = [0.5, 0.5, 0.5, 0.5];
    // Before the failure is known: the search the worker never took is claimed back, with no wait for its reply.
    const started = performance.now();
    expect(new ScanAside(memory(), 8, 4, failing).start(query, 2)?.()).toBeNull();
    expect(performance.now() - started).toBeLessThan(1_000);
    // Once it is known, nothing more is posted: the caller scans (a working worker is posted the search).
    const failed = new ScanAside(memory(), 8, 4, failing);
    await vi.waitFor(() => expect(failed.start(query, 2)).toBeNull(), { timeout: 10_000, interval: 50 });
  });

  it('gives each search to whichever of the two threads claims it first, and to one only', () => {
    const claims = new Int32Array(new SharedArrayBuffer(4));
    expect([claim(claims, 1), claim(claims, 1)]).toEqual([true, false]);
    expect(claim(claims, 3)).toBe(false);
    expect([claim(claims, 2), claim(claims, 3), claim(claims, 2)]).toEqual([true, true, false]);
  });

  it('is written and read back whole, and refuses a file of the wrong size', async () => {
    const { dir, cleanup } = await tempDir('scan-');
    cleanups.push(cleanup);
    const vectors = sparseUnitVectors(1_001, 32, 11);
    const file = path.join(dir, 'columns.f32');
    await VectorScan.fromRows(vectors, 32).write(file);
    const read = await VectorScan.read(file, 1_001, 32);
    for (const query of sparseUnitVectors(10, 32, 13, 0.2)) expect(read.search(query, 5)).toEqual(naiveTopK(vectors, query, 5));
    await expect(VectorScan.read(file, 1_000, 32)).rejects.toThrow(/bytes, expected/u);
  });
});
