import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { createEmbeddings } from '../src/embed/createEmbeddings.ts';
import { loadIndex } from '../src/index/loadIndex.ts';
import { currentGeneration, FILES } from '../src/index/layout.ts';
import { QaService } from '../src/service/qaService.ts';
import { FAKE_DIMENSION, type FakeProvider, startFakeProvider } from './fake-providers/server.ts';
import { SEED_CORPUS, tempDir } from './helpers.ts';

const QUESTION = '“快递进村”工程今年的覆盖率力争达到多少？';
const RETRY = { PROVIDER_RETRY_BASE_MS: '5', PROVIDER_RETRY_MAX_MS: '20', PROVIDER_MAX_RETRIES: '3' };

let fake: FakeProvider;
const cleanups: (() => Promise<void>)[] = [];
beforeAll(async () => {
  fake = await startFakeProvider();
});
afterAll(() => fake.close());
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
  fake.requests.length = 0;
});

async function setup(env: Record<string, string>) {
  const t = await tempDir('providers-embed-');
  cleanups.push(t.cleanup);
  const corpus = path.join(t.dir, 'corpus');
  await cp(SEED_CORPUS, corpus, { recursive: true });
  const base = { CORPUS_DIR: corpus, INDEX_DIR: path.join(t.dir, 'index'), LOG_LEVEL: 'silent', ...RETRY };
  const config = (extra: Record<string, string> = {}) => loadConfig({ ...base, ...env, ...extra });
  return { corpus, config, service: new QaService(config(), pino({ level: 'silent' })) };
}

async function manifestOf(indexDir: string) {
  return JSON.parse(await readFile(path.join((await currentGeneration(indexDir))!, FILES.manifest), 'utf8')) as { embedding: unknown };
}

const PROVIDERS = [
  {
    name: 'openai',
    path: '/v1/embeddings',
    env: () => ({ EMBEDDINGS_PROVIDER: 'openai', EMBEDDINGS_MODEL: 'fake-embed', EMBEDDINGS_BASE_URL: `${fake.url}/v1`, EMBEDDINGS_API_KEY: 'sk-test-embed' }),
  },
  { name: 'ollama', path: '/api/embed', env: () => ({ EMBEDDINGS_PROVIDER: 'ollama', EMBEDDINGS_MODEL: 'bge-fake', EMBEDDINGS_BASE_URL: fake.url }) },
] as const;

describe.each(PROVIDERS)('semantic embeddings through $name', ({ name, path: route, env }) => {
  it('builds the index in batches over HTTP, records the provider in the manifest and answers from it', async () => {
    const { config, service } = await setup({ ...env(), EMBEDDINGS_BATCH_SIZE: '16' });
    const phases: { done: number; total: number }[] = [];
    const report = await service.reindex((p) => p.phase === 'embed' && phases.push(p));
    const model = name === 'openai' ? 'fake-embed' : 'bge-fake';
    expect(await manifestOf(config().indexDir)).toMatchObject({ embedding: { provider: name, model, dimension: FAKE_DIMENSION } });
    const batches = fake.requests.filter((r) => r.path === route);
    expect(batches.length).toBe(Math.ceil(report.chunks / 16));
    expect(batches.every((r) => (r.body.input as string[]).length <= 16 && r.body.model === model)).toBe(true);
    if (name === 'openai') expect(batches[0]!.headers.authorization).toBe('Bearer sk-test-embed');
    expect(phases.at(-1)).toEqual({ phase: 'embed', done: report.added.length, total: report.added.length });

    const answer = await service.ask(QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/\[1\]/u);
    // The question itself was embedded by the provider too.
    expect(fake.embeddedTexts()).toContain(QUESTION);
  });
});

describe('the embedding configuration of an index', () => {
  it('refuses to serve an index built with another provider or model and tells the moderator to reindex', async () => {
    const { config, service } = await setup(PROVIDERS[0].env());
    await service.reindex();
    const indexDir = config().indexDir;
    for (const other of [config({ EMBEDDINGS_PROVIDER: 'local' }), config({ EMBEDDINGS_MODEL: 'another-model' }), config({ EMBEDDING_DIMENSION: '128' })]) {
      const refused = loadIndex(indexDir, await createEmbeddings(other));
      await expect(refused).rejects.toMatchObject({ code: 'index-outdated' });
      await expect(refused).rejects.toThrow(/openai\/fake-embed（64 维）.*不一致/u);
    }
  });

  it('re-embeds only new or changed chunk texts on reindex, also with --full', async () => {
    const { corpus, service } = await setup(PROVIDERS[0].env());
    const first = await service.reindex();
    expect(fake.embeddedTexts()).toHaveLength(first.chunks);
    fake.requests.length = 0;

    const file = path.join(corpus, (await readdir(corpus)).find((f) => /\.(md|txt)$/u.test(f))!);
    const added = '\n\n示例补充通知：快递柜超时保管每日收费一元，由示例市邮政管理局另行公布。\n';
    await writeFile(file, (await readFile(file, 'utf8')) + added);
    const second = await service.reindex();
    expect(second.changed).toHaveLength(1);
    const sent = fake.embeddedTexts();
    // Only chunks whose text changed (the last one of the file, now with the new paragraph) are sent.
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(second.embeddedChunks);
    expect(sent.some((t) => t.includes('快递柜超时保管'))).toBe(true);

    fake.requests.length = 0;
    await service.reindex(undefined, true);
    expect(fake.embeddedTexts()).toEqual([]);
  });

  it('retries a 429 and a 500 with backoff and completes the reindex', async () => {
    const { service } = await setup({ ...PROVIDERS[0].env(), EMBEDDINGS_BATCH_SIZE: '1000' });
    fake.fail({ status: 429 }, { status: 500 });
    const report = await service.reindex();
    expect(report.chunks).toBeGreaterThan(0);
    expect(fake.requests.filter((r) => r.path === '/v1/embeddings')).toHaveLength(3);
  });

  it('keeps the previous index when the endpoint keeps failing, and answers with BM25 alone when questions cannot be embedded', async () => {
    const { corpus, service } = await setup(PROVIDERS[1].env());
    await service.reindex();
    const generation = service.index.generation;
    await writeFile(path.join(corpus, 'new.txt'), '示例通知\n快递柜超时保管每日收费一元。');
    fake.fail({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    await expect(service.reindex()).rejects.toThrow('向量模型服务返回 HTTP 500');
    expect(service.index.generation).toBe(generation);
    fake.fail({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const answer = await service.ask(QUESTION);
    expect(answer.answered).toBe(true);
    expect(answer.note).toBe('向量检索服务暂不可用，本次仅按关键词检索。');
    expect(fake.requests.filter((r) => r.path === '/api/embed').length).toBeGreaterThan(1);
    expect(service.index.generation).toBe(generation);
  });
});
