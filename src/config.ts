import path from 'node:path';
import dotenv from 'dotenv';
import { z } from 'zod';
import { UserFacingError } from './userFacingError.ts';

/**
 * The one place that reads `process.env`. Everything else receives a `Config`.
 * Defaults make the project work offline with no `.env` at all.
 */
/** An empty `KEY=` line in .env means "use the default", not the value "". */
const blank = (value: unknown) => (value === '' ? undefined : value);
const optionalUrl = z.preprocess(blank, z.url({ protocol: /^https?$/u }).optional());
const optionalSecret = z.preprocess(blank, z.string().trim().min(1).optional());
const number = (min: number, max: number) => z.preprocess(blank, z.coerce.number().min(min).max(max).optional());
const integer = (min: number, max: number) => z.preprocess(blank, z.coerce.number().int().min(min).max(max).optional());
const withDefault = <T extends z.ZodType>(schema: T, fallback: z.input<T>) => z.preprocess(blank, schema.default(fallback as never));
const text = (fallback: string) => withDefault(z.string().trim().min(1), fallback);
const flag = withDefault(z.enum(['true', 'false', '1', '0']), 'false');

const envSchema = z.object({
  CORPUS_DIR: text('corpus'),
  INDEX_DIR: text('data/index'),
  EMBEDDING_DIMENSION: integer(64, 8192),
  EMBEDDINGS_PROVIDER: z.preprocess(blank, z.enum(['local', 'openai', 'ollama']).default('local')),
  EMBEDDINGS_MODEL: z.preprocess(blank, z.string().trim().min(1).optional()),
  EMBEDDINGS_BASE_URL: optionalUrl,
  EMBEDDINGS_API_KEY: optionalSecret,
  EMBEDDINGS_BATCH_SIZE: integer(1, 2048),
  EMBEDDINGS_TIMEOUT_MS: integer(100, 600_000),
  LLM_PROVIDER: z.preprocess(blank, z.enum(['none', 'openai', 'ollama']).default('none')),
  LLM_MODEL: z.preprocess(blank, z.string().trim().min(1).optional()),
  LLM_BASE_URL: optionalUrl,
  LLM_API_KEY: optionalSecret,
  LLM_TEMPERATURE: number(0, 2),
  LLM_TIMEOUT_MS: integer(100, 600_000),
  LLM_MAX_TOKENS: integer(16, 32_768),
  QUERY_REWRITE: flag,
  PROVIDER_MAX_RETRIES: integer(0, 10),
  PROVIDER_RETRY_BASE_MS: integer(0, 60_000),
  PROVIDER_RETRY_MAX_MS: integer(0, 300_000),
  RETRIEVAL_TOP_K: withDefault(z.coerce.number().int().min(1).max(50), 5),
  LOG_LEVEL: withDefault(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']), 'info'),
  DISCORD_TOKEN: z.string().optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d*$/u, 'must be a numeric id').optional(),
  DISCORD_API_URL: z.union([z.literal(''), z.url({ protocol: /^https?$/u })]).optional(),
  MODERATOR_ROLE_IDS: z
    .string()
    .regex(/^[\d,\s]*$/u, 'must be comma-separated numeric ids')
    .default(''),
  MESSAGE_CONTENT_INTENT: flag,
  ASK_COOLDOWN_SECONDS: withDefault(z.coerce.number().min(0).max(3600), 10),
  MAX_UPLOAD_KB: withDefault(z.coerce.number().int().min(1).max(5120), 1024),
  MAX_UPLOAD_DOCUMENT_KB: withDefault(z.coerce.number().int().min(1).max(20480), 10240),
  MAX_CONCURRENT_ANSWERS: withDefault(z.coerce.number().int().min(1).max(64), 2),
  MAX_WAITING_ANSWERS: withDefault(z.coerce.number().int().min(1).max(100_000), 1000),
  DISPLAY_SCRIPT: withDefault(z.enum(['original', 'simplified']), 'original'),
  WEB_FETCH_ALLOW_HOSTS: z.preprocess(
    blank,
    z
      .string()
      .regex(/^[\w.:[\],\s-]*$/u, '须为逗号分隔的主机名或 IP 地址')
      .default(''),
  ),
});

export interface EmbeddingsConfig {
  provider: 'local' | 'openai' | 'ollama';
  /** The model name sent to the endpoint (recorded in the index manifest). */
  model: string;
  baseUrl: string;
  apiKey: string | undefined;
  /** Vector size to request from models that can shorten theirs; undefined = the model's own. */
  dimensions: number | undefined;
  /** Chunks per embedding request during a reindex. */
  batchSize: number;
  /** Longest wait for one embedding request. */
  timeoutMs: number;
}

export interface LlmConfig {
  provider: 'none' | 'openai' | 'ollama';
  model: string;
  baseUrl: string;
  apiKey: string | undefined;
  temperature: number;
  /** Longest a whole generation may take, retries included; then the extractive answer is given. */
  timeoutMs: number;
  maxTokens: number;
  /** Also ask the model for the question in the statutes' words before retrieval. */
  rewriteQuestions: boolean;
}

/** Retries of model requests that failed with 429, 5xx or a dropped connection: exponential backoff with jitter. */
export interface RetryConfig {
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

const PROVIDER_DEFAULTS = {
  openai: { baseUrl: 'https://api.openai.com/v1', embeddingModel: 'text-embedding-3-small', chatModel: 'gpt-4o-mini' },
  ollama: { baseUrl: 'http://127.0.0.1:11434', embeddingModel: 'bge-m3', chatModel: 'qwen2.5:7b' },
} as const;

export interface Config {
  corpusDirs: string[];
  indexDir: string;
  /** Dimension of the offline hashing embedder. */
  embeddingDimension: number;
  embeddings: EmbeddingsConfig;
  llm: LlmConfig;
  retry: RetryConfig;
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
  /** Largest text file (.txt, .md, .html) `/corpus add` accepts. */
  maxUploadBytes: number;
  /** Largest PDF or Word file `/corpus add` accepts: they carry fonts and images besides their text. */
  maxDocumentUploadBytes: number;
  /** Answers computed at once (CPU-bound: about the number of cores). */
  maxConcurrentAnswers: number;
  /** Questions allowed to wait for a turn; beyond that users are told to retry. */
  maxWaitingAnswers: number;
  /** Script quotes and titles are shown in (CLI text and Discord); the index and JSON keep the original. */
  displayScript: 'original' | 'simplified';
  /**
   * Hosts a web page may be fetched from although they resolve to a loopback, private or
   * link-local address (an intranet site); lower-cased, IPv6 without brackets. Empty: none.
   */
  webFetchAllowHosts: string[];
}

const CHINESE_MESSAGES = z.locales.zhCN().localeError;

export function loadConfig(env: NodeJS.ProcessEnv = readEnvFile()): Config {
  // Messages in Chinese, as everything the operator reads; each names the variable.
  const parsed = envSchema.safeParse(env, { error: CHINESE_MESSAGES });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserFacingError('invalid-config', `配置错误：${issue?.path.join('.') ?? '?'}：${issue?.message ?? ''}（留空即用默认值，见 .env.example）`);
  }
  const e = parsed.data;
  const config: Config = {
    corpusDirs: e.CORPUS_DIR.split(path.delimiter).filter(Boolean),
    indexDir: e.INDEX_DIR,
    embeddingDimension: e.EMBEDDING_DIMENSION ?? 512,
    embeddings: {
      provider: e.EMBEDDINGS_PROVIDER,
      model: e.EMBEDDINGS_PROVIDER === 'local' ? 'hashing-tfidf-v1' : (e.EMBEDDINGS_MODEL ?? PROVIDER_DEFAULTS[e.EMBEDDINGS_PROVIDER].embeddingModel),
      baseUrl: e.EMBEDDINGS_PROVIDER === 'local' ? '' : (e.EMBEDDINGS_BASE_URL ?? PROVIDER_DEFAULTS[e.EMBEDDINGS_PROVIDER].baseUrl),
      apiKey: e.EMBEDDINGS_API_KEY,
      dimensions: e.EMBEDDINGS_PROVIDER === 'local' ? undefined : e.EMBEDDING_DIMENSION,
      batchSize: e.EMBEDDINGS_BATCH_SIZE ?? 64,
      timeoutMs: e.EMBEDDINGS_TIMEOUT_MS ?? 30_000,
    },
    llm: {
      provider: e.LLM_PROVIDER,
      model: e.LLM_PROVIDER === 'none' ? '' : (e.LLM_MODEL ?? PROVIDER_DEFAULTS[e.LLM_PROVIDER].chatModel),
      baseUrl: e.LLM_PROVIDER === 'none' ? '' : (e.LLM_BASE_URL ?? PROVIDER_DEFAULTS[e.LLM_PROVIDER].baseUrl),
      apiKey: e.LLM_API_KEY,
      temperature: e.LLM_TEMPERATURE ?? 0,
      timeoutMs: e.LLM_TIMEOUT_MS ?? 30_000,
      maxTokens: e.LLM_MAX_TOKENS ?? 800,
      rewriteQuestions: e.QUERY_REWRITE === 'true' || e.QUERY_REWRITE === '1',
    },
    retry: {
      retries: e.PROVIDER_MAX_RETRIES ?? 3,
      baseDelayMs: e.PROVIDER_RETRY_BASE_MS ?? 500,
      maxDelayMs: e.PROVIDER_RETRY_MAX_MS ?? 8_000,
    },
    topK: e.RETRIEVAL_TOP_K,
    logLevel: e.LOG_LEVEL,
    discordToken: e.DISCORD_TOKEN?.trim() || undefined,
    discordGuildId: e.DISCORD_GUILD_ID?.trim() || undefined,
    discordApiUrl: e.DISCORD_API_URL || undefined,
    moderatorRoleIds: e.MODERATOR_ROLE_IDS.split(/[\s,]+/u).filter(Boolean),
    messageContentIntent: e.MESSAGE_CONTENT_INTENT === 'true' || e.MESSAGE_CONTENT_INTENT === '1',
    askCooldownSeconds: e.ASK_COOLDOWN_SECONDS,
    maxUploadBytes: e.MAX_UPLOAD_KB * 1024,
    maxDocumentUploadBytes: e.MAX_UPLOAD_DOCUMENT_KB * 1024,
    maxConcurrentAnswers: e.MAX_CONCURRENT_ANSWERS,
    maxWaitingAnswers: e.MAX_WAITING_ANSWERS,
    displayScript: e.DISPLAY_SCRIPT,
    webFetchAllowHosts: e.WEB_FETCH_ALLOW_HOSTS.split(/[\s,]+/u)
      .filter(Boolean)
      .map((h) => h.toLowerCase().replace(/^\[(.*)\]$/u, '$1')),
  };
  if (config.llm.rewriteQuestions && config.llm.provider === 'none') {
    throw new UserFacingError('invalid-config', '配置错误：QUERY_REWRITE=true 需要同时设置 LLM_PROVIDER（openai 或 ollama）');
  }
  // OpenAI itself refuses keyless requests; compatible local servers (vLLM, LocalAI) need none.
  for (const [name, p] of [
    ['EMBEDDINGS_API_KEY', config.embeddings],
    ['LLM_API_KEY', config.llm],
  ] as const) {
    if (p.provider === 'openai' && !p.apiKey && new URL(p.baseUrl).hostname === 'api.openai.com') {
      throw new UserFacingError('invalid-config', `配置错误：使用 OpenAI 时需要设置 ${name}`);
    }
  }
  return config;
}

function readEnvFile(): NodeJS.ProcessEnv {
  dotenv.config({ quiet: true });
  return process.env;
}
