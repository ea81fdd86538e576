import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { QaService } from '../src/service/qaService.ts';
import { WorkQueue } from '../src/service/workQueue.ts';
import { SEED_CORPUS, tempDir } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => Promise.all(cleanups.splice(0).map((c) => c())));

async function service() {
  const t = await tempDir('svc-');
  cleanups.push(t.cleanup);
  const corpus = path.join(t.dir, 'corpus');
  await cp(SEED_CORPUS, corpus, { recursive: true });
  const config = loadConfig({ CORPUS_DIR: corpus, INDEX_DIR: path.join(t.dir, 'index'), EMBEDDING_DIMENSION: '256' });
  return { corpus, service: new QaService(config, pino({ level: 'silent' })) };
}

describe('the shared QA service', () => {
  it('reports an unavailable index until a reindex succeeds, without a restart', async () => {
    const { service: qa } = await service();
    await qa.load();
    await expect(qa.ask('快递进村覆盖率')).rejects.toMatchObject({ code: 'index-unavailable' });
    await expect(qa.ask('快递进村覆盖率')).rejects.toThrow('索引不可用');
    await qa.reindex();
    expect((await qa.ask('“快递进村”工程今年的覆盖率力争达到多少？')).answered).toBe(true);
  });

  it('keeps serving the loaded index when a reindex finds the corpus unchanged, rather than loading it again', async () => {
    const { service: qa } = await service();
    await qa.reindex();
    const loaded = qa.index;
    const report = await qa.reindex();
    expect(report.unchanged).toBeGreaterThan(0);
    expect(report.added.length + report.changed.length + report.removed.length).toBe(0);
    expect(qa.index).toBe(loaded);
  });

  it('keeps answering from the old index during a reindex and refuses a second one', async () => {
    const { corpus, service: qa } = await service();
    await qa.reindex();
    const before = qa.index.generation;
    await writeFile(path.join(corpus, 'new.txt'), '示例通知\n快递柜收费标准由示例市邮政管理局另行公布，超时保管每日收费一元。');
    const running = qa.reindex();
    await expect(qa.reindex()).rejects.toMatchObject({ code: 'index-busy' });
    const during = await qa.ask('快递进村工程今年覆盖率力争达到多少？');
    expect(during.answered).toBe(true);
    const report = await running;
    expect(report.added).toEqual(['new']);
    expect(qa.index.generation).not.toBe(before);
    const after = await qa.ask('快递柜超时保管每日收费多少？');
    expect(after.citations[0]?.docId).toBe('new');
  });
});

describe('the work queue', () => {
  it('runs answers a few at a time and turns away work beyond the waiting limit', async () => {
    const queue = new WorkQueue(1, 1);
    let running = 0;
    let most = 0;
    const job = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running -= 1;
      return 'done';
    };
    const first = queue.run(job);
    const second = queue.run(job);
    await expect(queue.run(job)).rejects.toMatchObject({ code: 'too-busy' });
    expect(await Promise.all([first, second])).toEqual(['done', 'done']);
    expect(most).toBe(1);
  });
});
