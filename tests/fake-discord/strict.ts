import { afterEach } from 'vitest';
import { FakeDiscord } from './server.ts';

/** pino's numeric level for `error` (fatal is 60). */
const ERROR_LEVEL = 50;

export type LogLine = Record<string, unknown>;

/** A log line a test provokes on purpose: matched by level (default error), message and optionally its fields. */
export interface LogExpectation {
  msg: string | RegExp;
  level?: 'error' | 'fatal';
  where?: (line: LogLine) => boolean;
  optional?: boolean;
}

const LEVELS = { error: 50, fatal: 60 } as const;

/**
 * Watches a bot's parsed log lines: every error-level line must have been declared with
 * `expect`, and every declaration must be met (unless optional).
 */
export class LogWatch {
  private audited = 0;
  private expected: (LogExpectation & { hits: number })[] = [];

  constructor(private readonly lines: () => readonly LogLine[]) {}

  expect(expectation: LogExpectation): void {
    this.expected.push({ ...expectation, hits: 0 });
  }

  audit(): string[] {
    const lines = this.lines();
    const problems: string[] = [];
    for (const line of lines.slice(this.audited)) {
      const level = Number(line.level);
      if (!(level >= ERROR_LEVEL)) continue;
      const declared = this.expected.find((e) => LEVELS[e.level ?? 'error'] === level && (typeof e.msg === 'string' ? e.msg === line.msg : e.msg.test(String(line.msg))) && (e.where?.(line) ?? true));
      if (declared) declared.hits += 1;
      else problems.push(`unexpected error log: ${JSON.stringify(line)}`);
    }
    this.audited = lines.length;
    for (const e of this.expected) if (!e.optional && e.hits === 0) problems.push(`expected ${e.level ?? 'error'} log never written: ${String(e.msg)}`);
    this.expected = [];
    return problems;
  }
}

interface Audited {
  /** Problems since the last audit; resets the declarations. */
  audit(): Promise<string[]>;
}

const live = new Set<Audited>();

/**
 * Registers something to audit after every test of the file (and once more when it stops): a fake
 * Discord, with the log watch of the bot talking to it. Returns the function that audits it one
 * last time and unregisters it.
 */
export function watch(fake: FakeDiscord, logs?: LogWatch): () => Promise<string[]> {
  const audited: Audited = {
    async audit() {
      // Let the bot finish answering, so its errors are blamed on the test that caused them.
      await fake.settle();
      return [...fake.audit(), ...(logs?.audit() ?? [])];
    },
  };
  live.add(audited);
  return async () => {
    live.delete(audited);
    return audited.audit();
  };
}

export function failOn(problems: string[], when: string): void {
  if (problems.length > 0) throw new Error(`${when}, the fake Discord saw what no test declared:\n- ${problems.join('\n- ')}`);
}

/** A fake Discord checked after every test; for tests that run the bot in another process. */
export async function startFakeDiscord(): Promise<FakeDiscord & { stop(): Promise<void> }> {
  const fake = await FakeDiscord.start();
  const unwatch = watch(fake);
  return Object.assign(fake, {
    async stop() {
      const problems = await unwatch();
      await fake.close();
      failOn(problems, 'when it stopped');
    },
  });
}

// Every Discord test file imports this module through the harness: each test ends with the audit.
afterEach(async () => {
  const problems = (await Promise.all([...live].map((a) => a.audit()))).flat();
  failOn(problems, 'after this test');
});
