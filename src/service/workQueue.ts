import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit, { type LimitFunction } from 'p-limit';

import { UserFacingError } from '../userFacingError.ts';

/**
 * Caps how many answers are computed at once and how many may wait. Answering is CPU-bound, so
 * each job first yields a turn of the event loop: gateway events and REST replies (deferrals of
 * newly arrived interactions) are handled between answers instead of after the whole burst.
 */
export class WorkQueue {
  private readonly limit: LimitFunction;

  constructor(
    concurrency: number,
    private readonly maxWaiting: number,
  ) {
    this.limit = pLimit(concurrency);
  }

  run<T>(job: () => T | Promise<T>): Promise<T> {
    if (this.limit.pendingCount >= this.maxWaiting) return Promise.reject(new UserFacingError('too-busy', '现在提问的人太多，请稍后再试。'));
    return this.limit(async () => {
      await nextTurn();
      return job();
    });
  }
}
