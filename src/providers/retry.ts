import { setTimeout as sleep } from 'node:timers/promises';
import type { RetryConfig } from '../config.ts';
import { isRetryable, retryAfterMs } from './errors.ts';

/**
 * Runs `attempt` again after a retryable failure (429, 5xx, dropped connection), waiting
 * base × 2^n with jitter, or the server's Retry-After when longer, never more than maxDelayMs.
 * LangChain's own caller is switched off for these requests: it does not retry a 429 without
 * Retry-After and its delays cannot be configured.
 */
export async function withRetry<T>(attempt: () => Promise<T>, policy: RetryConfig, signal?: AbortSignal): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n >= policy.retries || signal?.aborted || !isRetryable(error)) throw error;
      const backoff = policy.baseDelayMs * 2 ** n * (0.5 + Math.random() / 2);
      await sleep(Math.min(policy.maxDelayMs, Math.max(backoff, retryAfterMs(error) ?? 0)), undefined, { signal });
    }
  }
}
