import { type UserFacingCode, UserFacingError } from '../userFacingError.ts';

/** Why a model endpoint could not be used; each code gets its own short note for the user. */
export type ProviderFailure = Extract<UserFacingCode, `provider-${string}`>;

/**
 * A model endpoint failed: refused, unreachable, too slow, or answered something unusable. Its own
 * class so that answers and retrieval can catch exactly these and fall back to what needs no model.
 */
export class ProviderError extends UserFacingError<ProviderFailure> {
  constructor(message: string, failure: 'timeout' | 'http' | 'network' | 'invalid', options?: ErrorOptions) {
    super(`provider-${failure}`, message, options);
  }
}

type Loose = Record<string, unknown>;
const asObject = (value: unknown): Loose | undefined => (typeof value === 'object' && value !== null ? (value as Loose) : undefined);

/** The HTTP status of a failed request, whichever client raised it (openai: status, ollama: status_code). */
export function statusOf(error: unknown): number | undefined {
  const e = asObject(error);
  const status = e?.status ?? e?.status_code ?? e?.statusCode ?? asObject(e?.response)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The server's Retry-After, in milliseconds, when it sent one. */
export function retryAfterMs(error: unknown): number | undefined {
  const headers = asObject(asObject(error)?.headers);
  const raw = typeof headers?.get === 'function' ? (headers.get as (name: string) => unknown)('retry-after') : headers?.['retry-after'];
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT']);

function isNetworkError(error: unknown): boolean {
  const e = asObject(error);
  if (!e) return false;
  if (e.name === 'APIConnectionError' || e.name === 'TimeoutError') return true;
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return true;
  if (e.name === 'TypeError' && e.message === 'fetch failed') return true;
  return e.cause !== undefined && e.cause !== error && isNetworkError(e.cause);
}

/**
 * Worth another attempt: rate limits (unless the quota is spent), server errors, and dropped or
 * refused connections. Client errors (400, 401, 404) and unusable answers would fail the same way again.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof ProviderError) return false;
  const status = statusOf(error);
  if (status === 429) return !/insufficient[_ ]quota/iu.test(String(asObject(error)?.message ?? ''));
  if (status !== undefined) return status === 408 || status >= 500;
  return isNetworkError(error);
}

/** A ProviderError saying what went wrong, without the request body or credentials. */
export function providerError(error: unknown, what: string): ProviderError {
  if (error instanceof ProviderError) return error;
  const status = statusOf(error);
  if (status !== undefined) return new ProviderError(`${what}返回 HTTP ${status}`, 'http', { cause: error });
  if (isNetworkError(error)) return new ProviderError(`${what}无法连接或连接中断`, 'network', { cause: error });
  return new ProviderError(`${what}返回了无法解析的内容`, 'invalid', { cause: error });
}
