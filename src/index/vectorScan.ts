import { open, writeFile } from 'node:fs/promises';
import { ScanAside } from './scanAside.ts';
import { scanKernel } from './scanKernel.ts';

export interface VectorHit {
  /** The chunk's position in the index. */
  position: number;
  /** Cosine similarity (vectors are unit length): the exact dot product, summed in double precision. */
  similarity: number;
}

/** Floats per SIMD step: each column is padded to a multiple of it with zeros. */
const LANES = 4;
/** Chunks scored together: their sums (16 KiB) stay in the first-level cache while each query dimension is added to them. */
const BLOCK = 4096;
/**
 * Candidates kept from the float32 pass beyond the k asked for, then scored exactly. A chunk of the
 * exact top k is missed only if more than this many others come within float32 rounding (about
 * 1e-7) of its score; exact duplicates score the same in both passes and keep their order.
 */
const RESCORE_MARGIN = 64;
const PAGE_BYTES = 65_536;
/** Block sums, one slot per thread that scans: this one and the worker thread of scanAside.ts. */
const SUM_SLOTS = 2;
/**
 * From this many chunks a search started with startSearch runs on the worker thread while this one
 * ranks BM25: below it, the scan takes a fraction of a millisecond, hardly more than the handover.
 */
const ASIDE_MIN_CHUNKS = 20_000;
/** A warm-up search's query dimensions and depth: a short question's, at the hybrid search's depth. */
const WARM_DIMENSIONS = 8;
const WARM_K = 50;

/**
 * Exact nearest neighbours by scanning every chunk vector. Questions are short: their hashed vectors
 * have a few dozen nonzero dimensions out of 512, so the vectors are kept column by column (one
 * column per dimension, in WebAssembly memory) and a search reads only the query's columns. A
 * float32 SIMD pass (scanKernel) ranks every chunk a block at a time; the best are then scored
 * again in double precision, summing in dimension order as a plain dot-product loop does, so the
 * results and their similarities are those of an exact scan. At 100k chunks this takes a few
 * milliseconds, where the hnswlib graph it replaces found 88% of the exact top 10 (README).
 */
export class VectorScan {
  /** Floats per column: the chunk count rounded up to whole SIMD steps. */
  private readonly stride: number;
  private readonly columns: Float32Array;
  /** Byte address of the block sums, after the columns. */
  private readonly sumsAddress: number;
  private readonly sums: Float32Array;
  private readonly addScaled: ReturnType<typeof scanKernel>;
  /** The worker thread that scans these vectors too, once a search was started there. */
  private aside: ScanAside | undefined;

  private constructor(
    readonly size: number,
    readonly dimension: number,
    private readonly memory: WebAssembly.Memory,
    slot: number,
  ) {
    this.stride = VectorScan.strideFor(size);
    this.columns = new Float32Array(memory.buffer, 0, this.stride * dimension);
    this.sumsAddress = this.columns.byteLength + slot * BLOCK * 4;
    this.sums = new Float32Array(memory.buffer, this.sumsAddress, BLOCK);
    this.addScaled = scanKernel(memory);
  }

  /** The scan of another thread's vectors (scanWorker.ts), summing in its own slot of their memory. */
  static sharing(memory: WebAssembly.Memory, size: number, dimension: number): VectorScan {
    return new VectorScan(size, dimension, memory, 1);
  }

  private static strideFor(size: number): number {
    return Math.ceil(size / LANES) * LANES;
  }

  /** Bytes of the columns file for `size` vectors of `dimension`. */
  static fileBytes(size: number, dimension: number): number {
    return VectorScan.strideFor(size) * dimension * 4;
  }

  private static allocate(size: number, dimension: number): VectorScan {
    const pages = Math.ceil((VectorScan.fileBytes(size, dimension) + SUM_SLOTS * BLOCK * 4) / PAGE_BYTES);
    return new VectorScan(size, dimension, new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true }), 0);
  }

  /** The scan of these vectors (in chunk order). */
  static fromRows(vectors: readonly ArrayLike<number>[], dimension: number): VectorScan {
    const scan = VectorScan.allocate(vectors.length, dimension);
    const { columns, stride } = scan;
    vectors.forEach((vector, position) => {
      for (let d = 0; d < dimension; d++) {
        const value = vector[d]!;
        if (value !== 0) columns[d * stride + position] = value;
      }
    });
    return scan;
  }

  /** Reads a columns file written by write(), straight into the scan's memory in one thread-pool request. */
  static async read(file: string, size: number, dimension: number): Promise<VectorScan> {
    const scan = VectorScan.allocate(size, dimension);
    const bytes = new Uint8Array(scan.memory.buffer, 0, scan.columns.byteLength);
    const handle = await open(file, 'r');
    try {
      const { size: fileSize } = await handle.stat();
      if (fileSize !== bytes.byteLength) throw new Error(`${file}: ${fileSize} bytes, expected ${bytes.byteLength}`);
      for (let at = 0; at < bytes.byteLength; ) {
        const { bytesRead } = await handle.read(bytes, at, bytes.byteLength - at, at);
        if (bytesRead === 0) throw new Error(`${file}: ended after ${at} bytes`);
        at += bytesRead;
      }
    } finally {
      await handle.close();
    }
    return scan;
  }

  async write(file: string): Promise<void> {
    await writeFile(file, new Uint8Array(this.memory.buffer, 0, this.columns.byteLength));
  }

  /** The k chunks most similar to `query`, most similar first; equal similarities in chunk order. */
  search(query: ArrayLike<number>, k: number): VectorHit[] {
    const n = Math.min(k, this.size);
    if (n <= 0) return [];
    const dims: number[] = [];
    const weights: number[] = [];
    for (let d = 0; d < this.dimension; d++) {
      if (query[d]! !== 0) {
        dims.push(d);
        weights.push(query[d]!);
      }
    }
    const candidates = this.candidates(dims, weights, Math.min(this.size, n + RESCORE_MARGIN));
    const hits = candidates.map((position) => {
      let similarity = 0;
      for (let j = 0; j < dims.length; j++) similarity += weights[j]! * this.columns[dims[j]! * this.stride + position]!;
      return { position, similarity };
    });
    return hits.sort((a, b) => b.similarity - a.similarity || a.position - b.position).slice(0, n);
  }

  /**
   * search(query, k) started on the worker thread of scanAside.ts, on the other core, when the scan is
   * large (`aside`): this thread ranks BM25 meanwhile. The function returned gives the hits, waiting
   * for them if need be; it must be called before the next search is started. Should the worker fail,
   * the search runs here.
   */
  startSearch(query: ArrayLike<number>, k: number, aside = this.size >= ASIDE_MIN_CHUNKS): () => VectorHit[] {
    if (aside) {
      const waiting = this.asideScan().start(query, k);
      if (waiting) return () => waiting() ?? this.search(query, k);
    }
    const hits = this.search(query, k);
    return () => hits;
  }

  /**
   * One search, its result unused, so that the first question's search runs compiled code: the
   * first search of a process ran its loops in the interpreter and compiled the scan kernel's call,
   * about 35 ms at 100k chunks against 2–3 ms after (profiled).
   */
  warm(): void {
    this.search(this.warmQuery(), WARM_K);
  }

  private warmQuery(): number[] {
    const query = new Array<number>(this.dimension).fill(0);
    for (let d = 0; d < Math.min(WARM_DIMENSIONS, this.dimension); d++) query[d] = 1 / Math.sqrt(WARM_DIMENSIONS);
    return query;
  }

  /**
   * The worker, started by the first search that would use it rather than at load: its start would
   * take CPU from jieba's dictionary load after a restart. Its own warm-up search compiles its loops;
   * searches are scanned here until that is done (see ScanAside.start).
   */
  private asideScan(): ScanAside {
    if (!this.aside) {
      this.aside = new ScanAside(this.memory, this.size, this.dimension);
      this.aside.warm(this.warmQuery(), WARM_K);
    }
    return this.aside;
  }

  /** The positions of the `count` best float32 sums, block by block. */
  private candidates(dims: readonly number[], weights: readonly number[], count: number): number[] {
    const positions = new Int32Array(count).fill(-1);
    const scores = new Float32Array(count).fill(Number.NEGATIVE_INFINITY);
    let kth = Number.NEGATIVE_INFINITY;
    for (let start = 0; start < this.size; start += BLOCK) {
      const length = Math.min(BLOCK, this.stride - start);
      this.sums.fill(0, 0, length);
      for (let j = 0; j < dims.length; j++) this.addScaled(this.sumsAddress, (dims[j]! * this.stride + start) * 4, length, weights[j]!);
      const live = Math.min(length, this.size - start);
      for (let i = 0; i < live; i++) {
        const score = this.sums[i]!;
        if (score <= kth) continue;
        let at = count - 1;
        while (at > 0 && scores[at - 1]! < score) {
          scores[at] = scores[at - 1]!;
          positions[at] = positions[at - 1]!;
          at--;
        }
        scores[at] = score;
        positions[at] = start + i;
        kth = scores[count - 1]!;
      }
    }
    return Array.from(positions);
  }
}
