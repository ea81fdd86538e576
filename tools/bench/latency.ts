export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
}

/** Nearest-rank percentiles of durations in ms. */
export function percentiles(ms: readonly number[]): Percentiles {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
  return { p50: at(50), p95: at(95), p99: at(99) };
}

/** Runs `call` over the inputs with `callers` concurrent callers; returns each call's duration in ms. */
export async function timeCalls<T>(inputs: readonly T[], callers: number, call: (input: T) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const input = inputs[next++]!;
      const start = performance.now();
      await call(input);
      durations.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: callers }, worker));
  return durations;
}
