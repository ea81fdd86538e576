import { execFile, spawn } from 'node:child_process';
import { cp, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.ts';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');

async function cli(script: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(TSX, [`scripts/${script}.ts`, ...args], { env: { ...process.env, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

let indexDir = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir: indexDir, cleanup } = await tempDir('cli-index-'));
  const built = await cli('index', ['--index', indexDir, '--json']);
  expect(built.code).toBe(0);
  expect(JSON.parse(built.stdout)).toMatchObject({ documents: 5, added: expect.any(Array) });
});
afterAll(() => cleanup());

// Each case spawns a process that only reads the index: they run side by side.
describe.concurrent('command line contract', () => {
  it('answers with a cited JSON object', async () => {
    const { code, stdout } = await cli('ask', ['--index', indexDir, '--json', '“快递进村”工程今年的覆盖率力争达到多少？']);
    expect(code).toBe(0);
    const answer = JSON.parse(stdout);
    expect(answer).toMatchObject({ answered: true, mode: 'extractive' });
    expect(answer.answer).toMatch(/60%.*\[1\]/u);
    expect(answer.citations[0]).toMatchObject({ n: 1, docId: '004_a9def7b547edd0bd', date: '2020-04-28', source: '國家郵政局' });
    expect(answer.citations[0].text).toContain('覆蓋率力爭達到60%');
  });

  it('prints search results as JSON', async () => {
    const { stdout } = await cli('search', ['--index', indexDir, '-k', '2', '--json', '隐私面单']);
    const result = JSON.parse(stdout);
    expect(result.results).toHaveLength(2);
    expect(result.results[0]).toMatchObject({ rank: 1, docId: '001_7334d363ac647930' });
  });

  // Flag parsing is table-tested in cli-args.test.ts, and every failure's line and exit status in
  // process in cli-run.test.ts; this one checks that such a line reaches the terminal of a real run.
  it('rejects an unknown flag with one line and exit status 2', async () => {
    const { code, stderr, stdout } = await cli('ask', ['--index', indexDir, '--bogus', 'x']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^错误：未知选项 --bogus；可用选项：--index、-k\/--k、--json、--jsonl、--help\n$/u);
  });

  it('ask --help prints its usage in Chinese, with its flags and an example', async () => {
    const { code, stdout, stderr } = await cli('ask', ['--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^用法：npm run --silent ask -- .*\n[\s\S]*--index[\s\S]*-h, --help[\s\S]*\n例：npm run /u);
  });
});

// These take the index's reindex lock, so they run one after the other.
describe('command line runs that reindex', () => {
  it('refuses an empty corpus folder over the built index in one line, and the index keeps answering', async () => {
    const { dir: empty, cleanup: removeEmpty } = await tempDir('cli-empty-corpus-');
    try {
      const refused = await cli('index', ['--corpus', empty, '--index', indexDir]);
      expect(refused.code).toBe(1);
      expect(refused.stderr.trim()).toMatch(/^错误：语料目录中没有可索引的文档.*--allow-empty）$/u);
      const { stdout } = await cli('ask', ['--index', indexDir, '--json', '“快递进村”工程今年的覆盖率力争达到多少？']);
      expect(JSON.parse(stdout).answered).toBe(true);
    } finally {
      await removeEmpty();
    }
  });

  it('npm start runs the compiled JavaScript: with no index it builds one first and answers', async () => {
    const { dir, cleanup: remove } = await tempDir('cli-compiled-');
    try {
      const child = spawn('npm', ['start', '--silent'], { env: { ...process.env, DISCORD_TOKEN: '', INDEX_DIR: path.join(dir, 'index') } });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stdin.end('“快递进村”工程今年的覆盖率力争达到多少？\n');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(stdout).toMatch(/60%/u);
      expect(await readdir(path.join(dir, 'index'))).toContain('CURRENT');
    } finally {
      await remove();
    }
  });

  it('the console (npm start without a token) serves the built index at once, echoes piped questions and answers each apart, and an empty corpus folder behind it empties nothing', async () => {
    const { dir: empty, cleanup: removeEmpty } = await tempDir('cli-unmounted-');
    // A copy: the reindex behind the console must not race the other cases for the index's lock.
    const served = path.join(empty, '..', `${path.basename(empty)}-index`);
    await cp(indexDir, served, { recursive: true });
    try {
      const child = spawn(TSX, ['scripts/start.ts'], { env: { ...process.env, DISCORD_TOKEN: '', INDEX_DIR: served, CORPUS_DIR: empty } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.stdin.end('“快递进村”工程今年的覆盖率力争达到多少？\n明天会下雨吗\n');
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      expect(code).toBe(0);
      expect(stdout).toMatch(/^问：“快递进村”工程今年的覆盖率力争达到多少？\n[\s\S]*60%[\s\S]*\n\n问：明天会下雨吗\n这个问题与邮政、快递无关/u);
      expect(stderr).toMatch(/错误：语料目录中没有可索引的文档.*现有索引的 5 篇文档保持不变/u);
    } finally {
      await removeEmpty();
      await rm(served, { recursive: true, force: true });
    }
  });
});
