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
  EMBEDDING_DIMENSION: z.coerce.number().int().min(64).max(8192).default(512),
  RETRIEVAL_TOP_K: z.coerce.number().int().min(1).max(50).default(5),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DISCORD_TOKEN: z.string().optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d*$/u, 'must be a numeric id').optional(),
  DISCORD_API_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/u })]).optional(),
  MODERATOR_ROLE_IDS: z.string().regex(/^[\d,\s]*$/u, 'must be comma-separated numeric ids').default(''),
  MESSAGE_CONTENT_INTENT: z.enum(['true', 'false', '1', '0', '']).default('false'),
  ASK_COOLDOWN_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  MAX_UPLOAD_KB: z.coerce.number().int().min(1).max(5120).default(1024),
  MAX_CONCURRENT_ANSWERS: z.coerce.number().int().min(1).max(64).default(2),
  MAX_WAITING_ANSWERS: z.coerce.number().int().min(1).max(100_000).default(1000),
});

export interface Config {
  corpusDirs: string[];
  indexDir: string;
  embeddingDimension: number;
  topK: number;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  discordToken: string | undefined;
  /** Register commands to this guild only (instant) instead of globally. */
  discordGuildId: string | undefined;
  /** Discord's REST root (`…/api`); only set to reach a proxy or the tests' local fake Discord. */
  discordApiUrl: string | undefined;
  moderatorRoleIds: string[];
  /** Answer @mentions and replies (needs the privileged MessageContent intent). */
  messageContentIntent: boolean;
  askCooldownSeconds: number;
  maxUploadBytes: number;
  /** Answers computed at once (CPU-bound: about the number of cores). */
  maxConcurrentAnswers: number;
  /** Questions allowed to wait for a turn; beyond that users are told to retry. */
  maxWaitingAnswers: number;
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
    logLevel: e.LOG_LEVEL,
    discordToken: e.DISCORD_TOKEN?.trim() || undefined,
    discordGuildId: e.DISCORD_GUILD_ID?.trim() || undefined,
    discordApiUrl: e.DISCORD_API_URL || undefined,
    moderatorRoleIds: e.MODERATOR_ROLE_IDS.split(/[\s,]+/u).filter(Boolean),
    messageContentIntent: e.MESSAGE_CONTENT_INTENT === 'true' || e.MESSAGE_CONTENT_INTENT === '1',
    askCooldownSeconds: e.ASK_COOLDOWN_SECONDS,
    maxUploadBytes: e.MAX_UPLOAD_KB * 1024,
    maxConcurrentAnswers: e.MAX_CONCURRENT_ANSWERS,
    maxWaitingAnswers: e.MAX_WAITING_ANSWERS,
  };
}

function readEnvFile(): NodeJS.ProcessEnv {
  dotenv.config({ quiet: true });
  return process.env;
}
