import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';

/**
 * The one place that reads `process.env`. Everything else receives a `Config`.
 * Defaults make the project work offline with no `.env` at all.
 */
const envSchema = z.object({
  CORPUS_DIR: z.string().min(1).default('corpus'),
  INDEX_DIR: z.string().min(1).default('data/index'),
  EMBEDDING_DIMENSION: z.coerce.number().int().min(64).max(8192).default(1024),
  RETRIEVAL_TOP_K: z.coerce.number().int().min(1).max(50).default(5),
  DISCORD_TOKEN: z.string().optional(),
});

export interface Config {
  corpusDirs: string[];
  indexDir: string;
  embeddingDimension: number;
  topK: number;
  discordToken: string | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = readEnvFile()): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`配置错误：${issue?.path.join('.') ?? '?'} ${issue?.message ?? ''}`.trim());
  }
  const e = parsed.data;
  return {
    corpusDirs: e.CORPUS_DIR.split(path.delimiter).filter(Boolean),
    indexDir: e.INDEX_DIR,
    embeddingDimension: e.EMBEDDING_DIMENSION,
    topK: e.RETRIEVAL_TOP_K,
    discordToken: e.DISCORD_TOKEN?.trim() || undefined,
  };
}

function readEnvFile(): NodeJS.ProcessEnv {
  dotenv.config({ quiet: true });
  return process.env;
}
