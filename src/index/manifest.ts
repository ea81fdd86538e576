import { z } from 'zod';

/** Bump when the on-disk layout changes: older indexes are then refused with a reindex hint. */
export const INDEX_FORMAT_VERSION = 6;

export const manifestSchema = z.object({
  formatVersion: z.number().int(),
  embedding: z.object({ provider: z.string(), model: z.string(), dimension: z.number().int().positive() }),
  chunking: z.object({ maxChars: z.number(), overlapSentences: z.number(), maxArticleChars: z.number() }),
  files: z.record(
    z.string(),
    z.object({ path: z.string(), sha256: z.string(), chunks: z.number().int().nonnegative() }),
  ),
  documentCount: z.number().int().nonnegative(),
  chunkCount: z.number().int().nonnegative(),
  builtAt: z.string(),
});

export type Manifest = z.infer<typeof manifestSchema>;
