import { execFile } from 'node:child_process';
import { cp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { currentGeneration, FILES } from '../src/index/layout.ts';
import { terminalMessage } from '../src/cli/errorText.ts';
import { QaService } from '../src/service/qaService.ts';
import { UserFacingError } from '../src/userFacingError.ts';
import { buildIndex, SEED_CORPUS, tempDir } from './helpers.ts';

const run = promisify(execFile);
const TSX = path.resolve('node_modules/.bin/tsx');
const QUESTION = '“快递进村”工程今年的覆盖率力争达到多少？';

let root = '';
let cleanup = async () => {};
beforeAll(async () => {
  ({ dir: root, cleanup } = await tempDir('index-faults-'));
  await buildIndex([SEED_CORPUS], path.join(root, 'pristine'));
});
afterAll(() => cleanup());

async function inGeneration(indexDir: string, file: string): Promise<string> {
  return path.join((await currentGeneration(indexDir))!, file);
}

/** Each fault: how to inflict it on a copy of a good index, and what the moderator must be told. */
const FAULTS: { name: string; inflict: (indexDir: string) => Promise<void>; message: RegExp }[] = [
  { name: 'missing index', inflict: (dir) => rm(dir, { recursive: true, force: true }), message: /索引不存在/u },
  { name: 'truncated vector columns', inflict: async (dir) => truncate(await inGeneration(dir, FILES.vectorColumns), 1000), message: /向量文件已损坏/u },
  { name: 'corrupt chunk store', inflict: async (dir) => writeFile(await inGeneration(dir, FILES.chunks), '{"id":"broken'), message: /索引文本库已损坏/u },
  { name: 'missing vector columns', inflict: async (dir) => rm(await inGeneration(dir, FILES.vectorColumns)), message: /索引文件缺失：vector-columns\.f32/u },
  { name: 'truncated BM25 file', inflict: async (dir) => truncate(await inGeneration(dir, FILES.bm25), 4096), message: /索引文本库已损坏（BM25）/u },
  {
    name: 'manifest from an older format',
    inflict: async (dir) => {
      const file = await inGeneration(dir, FILES.manifest);
      await writeFile(file, JSON.stringify({ ...JSON.parse(await readFile(file, 'utf8')), formatVersion: 0 }));
    },
    message: /索引格式版本 0 已过时/u,
  },
  {
    name: 'manifest of another embedding configuration',
    inflict: async (dir) => {
      const file = await inGeneration(dir, FILES.manifest);
      const manifest = JSON.parse(await readFile(file, 'utf8')) as { embedding: { dimension: number } };
      await writeFile(file, JSON.stringify({ ...manifest, embedding: { ...manifest.embedding, dimension: 512 } }));
    },
    message: /与当前配置 .* 不一致/u,
  },
];

const damagedDir = (name: string) => path.join(root, name.replace(/\W+/gu, '-'));

beforeAll(async () => {
  for (const { name, inflict } of FAULTS) {
    await cp(path.join(root, 'pristine'), damagedDir(name), { recursive: true });
    await inflict(damagedDir(name));
  }
});

describe('the CLI on a damaged index', () => {
  it.each(FAULTS)('$name: the command fails with what is wrong and how to rebuild', async ({ name, message }) => {
    const config = loadConfig({ CORPUS_DIR: SEED_CORPUS, INDEX_DIR: damagedDir(name), EMBEDDING_DIMENSION: '256' });
    const opened = QaService.open(config, pino({ level: 'silent' }));
    const error = await opened.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserFacingError);
    expect(terminalMessage(error as UserFacingError)).toMatch(new RegExp(`${message.source}.*，请.*npm run index`, 'u'));
  });

  // One process end to end: the error reaches the terminal as one line and a non-zero exit.
  it('exits non-zero with one line on stderr', async () => {
    const failed = await run(TSX, ['scripts/ask.ts', '--index', damagedDir(FAULTS[1]!.name), QUESTION], { env: { ...process.env, EMBEDDING_DIMENSION: '256' } }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    const lines = failed!.stderr.split('\n').filter((l) => l.trim() && !l.includes('nodedir'));
    expect(lines).toEqual([expect.stringMatching(FAULTS[1]!.message)]);
  });
});

describe('the service on a damaged index', () => {
  it.each(FAULTS)('$name: keeps running, answering 索引不可用, until a reindex recovers it without a restart', async ({ name, message }) => {
    const config = loadConfig({ CORPUS_DIR: SEED_CORPUS, INDEX_DIR: damagedDir(name), EMBEDDING_DIMENSION: '256' });
    const logs: string[] = [];
    const service = new QaService(config, pino({ level: 'error' }, { write: (line: string) => logs.push(line) }));
    await service.load();
    await expect(service.ask(QUESTION)).rejects.toMatchObject({ code: 'index-unavailable' });
    expect(logs.join('')).toMatch(message);

    const report = await service.reindex();
    expect(report.documents).toBe(5);
    expect((await service.ask(QUESTION)).answered).toBe(true);
  });
});
