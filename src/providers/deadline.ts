import { ProviderError } from './errors.ts';

/**
 * Runs `work` with an abort signal that fires after `ms`, and settles by then whatever the client
 * does with the signal: a stalled endpoint can never hold an answer past its time limit.
 */
export async function withDeadline<T>(ms: number, what: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new ProviderError(`${what}超过 ${ms} 毫秒未完成`, 'timeout'));
      controller.abort();
    }, ms);
  });
  const running = work(controller.signal);
  // Once the deadline wins, the abandoned attempt's rejection (usually an AbortError) is expected.
  running.catch(() => {});
  try {
    return await Promise.race([running, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/** A fetch whose every request is aborted after `ms`: the Ollama client takes no timeout of its own. */
export function fetchWithTimeout(ms: number): typeof fetch {
  return (input, init) => {
    const timeout = AbortSignal.timeout(ms);
    return fetch(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
}
