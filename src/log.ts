import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs on stderr (stdout stays free for the CLI's JSON). Secrets are redacted by
 * path wherever they might appear in logged objects.
 */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['token', '*.token', 'apiKey', '*.apiKey', 'config.discordToken', 'config.*.apiKey', 'headers.authorization'], censor: '[redacted]' },
    },
    pino.destination(2),
  );
}

export type { Logger };
