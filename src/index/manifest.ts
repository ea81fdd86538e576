import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { FileStamp } from '../corpus/load.ts';
import { FILES } from './layout.ts';

/** Bump when the on-disk layout changes: older indexes are then refused with a reindex hint. */
export const INDEX_FORMAT_VERSION = 5;

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  embedding: z.object({ provider: z.string(), model: z.string(), dimension: z.number().int().positive() }),
  chunking: z.object({ maxChars: z.number(), overlapSentences: z.number(), maxArticleChars: z.number() }),
  files: z.record(
    z.string(),
    // size and mtimeMs are absent from indexes built before they were recorded: those files are hashed once.
    z.object({ path: z.string(), sha256: z.string(), chunks: z.number().int().nonnegative(), size: z.number().optional(), mtimeMs: z.number().optional() }),
  ),
  documentCount: z.number().int().nonnegative(),
  chunkCount: z.number().int().nonnegative(),
  builtAt: z.string(),
});

export type Manifest = z.infer<typeof manifestSchema>;

type RecordedFile = Manifest['files'][string];

/** Whether a listed file has the path, size and mtime recorded for it, so it need not be read. */
export function sameStamp(recorded: RecordedFile | undefined, file: FileStamp & { path: string }): boolean {
  return recorded !== undefined && recorded.path === file.path && recorded.size === file.size && recorded.mtimeMs === file.mtimeMs;
}

/**
 * Records new file stamps in a served generation's manifest, nothing else changing: a touched but
 * unedited file is then trusted again by the next run without rebuilding the index. The rename
 * replaces the manifest atomically, so readers see the old one or the new one.
 */
export async function restampManifest(generation: string, manifest: Manifest, files: Manifest['files']): Promise<void> {
  const file = path.join(generation, FILES.manifest);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ ...manifest, files }, null, 2));
  await rename(temp, file);
}
