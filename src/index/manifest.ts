import { createHash } from 'node:crypto';
import { rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { FileStamp, SynonymsFile } from '../corpus/load.ts';
import { FILES } from './layout.ts';

/** Bump when the on-disk layout changes: older indexes are then refused with a reindex hint. */
export const INDEX_FORMAT_VERSION = 10;

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  embedding: z.object({ provider: z.string(), model: z.string(), dimension: z.number().int().positive() }),
  chunking: z.object({ maxChars: z.number(), overlapSentences: z.number(), maxArticleChars: z.number() }),
  files: z.record(
    z.string(),
    // size and mtimeMs are absent from indexes built before they were recorded: those files are hashed once.
    z.object({ path: z.string(), sha256: z.string(), chunks: z.number().int().nonnegative(), size: z.number().optional(), mtimeMs: z.number().optional() }),
  ),
  /** sha256 of the corpus folders' synonyms files, so an unchanged corpus is recognised without reading the index. */
  synonymsSource: z.string().optional(),
  /** How text was cut into tokens (segmentationDigest): indexes built before it was recorded lack it and are rebuilt. */
  segmentation: z.string().optional(),
  /** How files were read and cleaned (READING_VERSION): another version's chunks are not reused. */
  reading: z.number().int().optional(),
  /** Byte size of every other file of the generation: a cheap check that it is still whole. */
  parts: z.record(z.string(), z.number()).optional(),
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

/** The identity of the corpus folders' synonyms files, in the order they were found. */
export function synonymsSource(files: readonly SynonymsFile[]): string {
  const hash = createHash('sha256');
  for (const file of files) hash.update(file.path).update('\0').update(file.text).update('\0');
  return hash.digest('hex');
}

const PARTS = Object.values(FILES).filter((f) => f !== FILES.manifest);

/** The byte size of each file of a generation but its manifest. */
export async function partSizes(generation: string): Promise<Record<string, number>> {
  const sizes = await Promise.all(PARTS.map(async (file) => [file, (await stat(path.join(generation, file))).size] as const));
  return Object.fromEntries(sizes);
}

/**
 * Writes a generation's manifest, with the sizes of its other files, once they are all complete:
 * a generation without a manifest is never loaded. Also records new file stamps in a served
 * generation (a touched but unedited file is then trusted again without a rebuild). The rename
 * replaces the manifest atomically, so readers see the old one or the new one.
 */
export async function sealGeneration(generation: string, manifest: Manifest): Promise<void> {
  const file = path.join(generation, FILES.manifest);
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, JSON.stringify({ ...manifest, parts: await partSizes(generation) }, null, 2));
  await rename(temp, file);
}
