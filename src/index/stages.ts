/** The stages of a reindex whose seconds the report gives (benchmarks print them). */
export type ReindexStage = 'scan' | 'clean' | 'segment' | 'embed' | 'write';

export type StageSeconds = Record<ReindexStage, number>;

export function noStageSeconds(): StageSeconds {
  return { scan: 0, clean: 0, segment: 0, embed: 0, write: 0 };
}

/** Adds the time `work` takes to `stages[stage]`. */
export function timed<T>(stages: StageSeconds, stage: ReindexStage, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    stages[stage] += (performance.now() - start) / 1000;
  }
}

/** Adds the time the promise of `work` takes to settle to `stages[stage]`. */
export async function timedAsync<T>(stages: StageSeconds, stage: ReindexStage, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    stages[stage] += (performance.now() - start) / 1000;
  }
}
