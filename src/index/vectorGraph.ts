import type { IndexEntry } from './embedChunks.ts';
import { GraphBuilder } from './graphBuilder.ts';
import type { HnswIndex } from './hnsw.ts';

/** Label of a chunk whose vector is not in a graph yet. */
export const NEW_LABEL = -1;
/** Deleted slots a reused graph may carry, relative to its live vectors, before it is rebuilt. */
const MAX_DELETED_SHARE = 0.25;

/**
 * Writes the new generation's vector graph to `file`. An incremental reindex updates the previous
 * graph (vectors of removed or changed chunks marked deleted, new ones added under fresh labels),
 * since rebuilding dominates the cost of a small change; otherwise, or once deleted slots would
 * pile up, a new graph labelled by position is built on a worker thread. Returns whether the
 * previous graph was reused and the seconds spent inserting.
 */
export async function writeVectorGraph(
  entries: readonly IndexEntry[],
  previous: { graph: HnswIndex; labels: readonly number[] } | null,
  dimension: number,
  file: string,
): Promise<{ reused: boolean; insertSeconds: number }> {
  const fresh = entries.filter((e) => e.chunk.label === NEW_LABEL);
  if (previous && previous.graph.size + fresh.length - entries.length <= MAX_DELETED_SHARE * entries.length) {
    const started = performance.now();
    const kept = new Set(entries.map((e) => e.chunk.label));
    for (const label of previous.labels) if (!kept.has(label)) previous.graph.markDeleted(label);
    for (const e of fresh) {
      e.chunk.label = previous.graph.size;
      previous.graph.add(e.vector!, e.chunk.label);
    }
    const insertSeconds = (performance.now() - started) / 1000;
    previous.graph.write(file);
    return { reused: true, insertSeconds };
  }
  entries.forEach((e, i) => (e.chunk.label = i));
  const builder = GraphBuilder.start(dimension);
  try {
    builder.add(
      entries.map((e) => e.vector!),
      entries.map((e) => e.chunk.label),
    );
    return { reused: false, insertSeconds: await builder.finish(file) };
  } finally {
    await builder.abort();
  }
}
