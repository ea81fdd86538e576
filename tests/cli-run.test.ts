import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cliConfig, openIndex, reindexWithProgress } from '../src/cli/context.ts';
import { parseQueryCommand } from '../src/cli/queryCommand.ts';
import { runCli } from '../src/cli/run.ts';
import { tempDir } from './helpers.ts';

let root = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('cli-run-'));
  await writeFile(path.join(root, 'file.txt'), '不是目录');
});
afterAll(() => cleanup());

const exitCode = process.exitCode;
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = exitCode;
});

/** Runs `main` as an entry script does (runCli), in this process: what it printed and its exit status. */
async function terminal(main: () => Promise<unknown>): Promise<{ stdout: string; stderr: string; exitCode: number | string | undefined }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((text) => {
    stdout += String(text);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((text) => {
    stderr += String(text);
    return true;
  });
  process.exitCode = undefined;
  await new Promise<void>((resolve) =>
    runCli(async () => {
      try {
        await main();
      } finally {
        resolve();
      }
    }),
  );
  // runCli reports the failure once main's promise has settled.
  await new Promise((resolve) => setImmediate(resolve));
  vi.restoreAllMocks();
  return { stdout, stderr, exitCode: process.exitCode };
}

const ASK_USAGE = '用法：npm run --silent ask -- [选项] "问题"';
const ask = (argv: string[]) => parseQueryCommand(argv, '请提供问题，例如：npm run ask -- "快递进村工程今年覆盖率要达到多少？"', ASK_USAGE);

/**
 * Each failure as the command meets it (the same calls the entry scripts make) and the one line
 * the terminal shows: 2 for how the command was typed, 1 for anything else.
 */
const FAILURES: { name: string; main: () => Promise<unknown>; line: RegExp; exitCode: number }[] = [
  { name: 'an empty question', main: async () => ask(['--json', '']), line: /^错误：请提供问题，例如：npm run ask/u, exitCode: 2 },
  {
    name: 'an unknown flag',
    main: async () => ask(['--bogus', 'x']),
    line: /^错误：未知选项 --bogus；可用选项：--index、-k\/--k、--json、--jsonl、--help$/u,
    exitCode: 2,
  },
  { name: 'a missing index', main: () => openIndex(cliConfig({ index: path.join(root, 'nope') })), line: /^错误：索引不存在.*npm run index/u, exitCode: 1 },
  {
    name: 'a missing corpus folder',
    main: () => reindexWithProgress(cliConfig({ corpus: ['/nonexistent/corpus'], index: path.join(root, 'other') }), false),
    line: /^错误：语料目录不存在：\/nonexistent\/corpus$/u,
    exitCode: 1,
  },
  {
    name: 'a file given as the index folder',
    main: () => reindexWithProgress(cliConfig({ corpus: ['corpus'], index: path.join(root, 'file.txt') }), false),
    line: /^错误：索引路径不是目录：.*file\.txt$/u,
    exitCode: 1,
  },
  { name: 'a file given as the index to ask', main: () => openIndex(cliConfig({ index: path.join(root, 'file.txt') })), line: /^错误：索引路径不是目录：/u, exitCode: 1 },
  { name: 'an unexpected failure', main: () => Promise.reject(new Error('boom')), line: /^错误：意外失败：boom$/u, exitCode: 1 },
];

describe('a command that fails', () => {
  it.each(FAILURES)('$name: one line on stderr, nothing on stdout, exit $exitCode', async ({ main, line, exitCode }) => {
    const printed = await terminal(main);
    expect(printed.stdout).toBe('');
    expect(printed.stderr.endsWith('\n')).toBe(true);
    expect(printed.stderr.trim().split('\n')).toHaveLength(1);
    expect(printed.stderr.trim()).toMatch(line);
    expect(printed.exitCode).toBe(exitCode);
  });

  it('--help prints the usage on stdout and exits 0', async () => {
    const printed = await terminal(async () => ask(['--help']));
    expect(printed).toEqual({ stdout: `${ASK_USAGE}\n`, stderr: '', exitCode: undefined });
  });
});
