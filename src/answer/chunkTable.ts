import type { ServedChunks } from '../index/servedChunks.ts';
import type { StoredChunk } from '../index/store.ts';

/**
 * A lookup from keys to the chunks filed under them (the provisions penalizing an article, the
 * passages defining a term), built on first use for each served index from the chunks whose text
 * holds `marker`: only those lines are parsed.
 */
export function chunkTable(marker: string, keysOf: (chunk: StoredChunk) => readonly string[]): (chunks: ServedChunks) => ReadonlyMap<string, readonly StoredChunk[]> {
  const tables = new WeakMap<ServedChunks, Map<string, StoredChunk[]>>();
  return (chunks) => {
    let table = tables.get(chunks);
    if (!table) {
      table = new Map();
      for (const chunk of chunks.containing(marker)) {
        for (const key of keysOf(chunk)) table.set(key, [...(table.get(key) ?? []), chunk]);
      }
      tables.set(chunks, table);
    }
    return table;
  };
}
