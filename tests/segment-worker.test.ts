import { once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { spawnWorker } from '../src/spawnWorker.ts';
import { segmentations } from '../src/text/jieba.ts';
import { normalize } from '../src/text/normalize.ts';
import { dictionaryWords, dictionaryWordsOfEach, searchTokens, taggedWords, words } from '../src/text/segment.ts';
import { SyncCaller } from '../src/text/syncCalls.ts';
import { buildIndex, SEED_CORPUS, tempDir, testEmbeddings } from './helpers.ts';

/** Every line of the seed corpus, as written and normalized. */
const LINES = readdirSync(SEED_CORPUS)
  .flatMap((file) => readFileSync(path.join(SEED_CORPUS, file), 'utf8').split('\n'))
  .filter((line) => line.trim())
  .map((text) => ({ text, normalized: normalize(text) }));

describe('segmentation on its worker thread', () => {
  it('cuts the seed corpus exactly as jieba does in this thread', () => {
    expect(LINES.length).toBeGreaterThan(100);
    for (const { text, normalized } of LINES) {
      expect(searchTokens(normalized)).toEqual(segmentations.search(normalized));
      expect(dictionaryWords(normalized)).toEqual(segmentations.dictionary(normalized));
      expect(words(normalized)).toEqual(segmentations.words(normalized));
      expect(taggedWords(normalized, normalized)).toEqual(segmentations.tags(normalized));
      expect(taggedWords(text, normalized).map((t) => t.tag)).toEqual(segmentations.tags([...normalized].length === [...text].length ? normalized : text).map((t) => t.tag));
    }
    const normalized = LINES.map((l) => l.normalized);
    expect(dictionaryWordsOfEach(normalized)).toEqual(normalized.map(segmentations.dictionary));
  });

  it('loads the domain dictionary there and keeps numbers whole', () => {
    expect(searchTokens('国家邮政局关于快递进村的通知提到60%')).toEqual(expect.arrayContaining(['快递进村', '邮政局', '国家邮政局', '60%']));
  });
});

describe('synchronous calls into a worker', () => {
  const echo = (caller: SyncCaller<string>) => spawnWorker(new URL('./fixtures/echoWorker.ts', import.meta.url), { workerData: { served: caller.served }, transferList: [caller.served.port] });

  it('returns each reply in order, rethrows the worker’s error and goes on after it', async () => {
    const caller = new SyncCaller<string>();
    const worker = echo(caller);
    try {
      expect(caller.call('a')).toBe('A');
      expect(() => caller.call('fail')).toThrow('refused: fail');
      const texts = Array.from({ length: 500 }, (_, i) => `t${i}`);
      expect(texts.map((t) => caller.call(t))).toEqual(texts.map((t) => t.toUpperCase()));
    } finally {
      await worker.terminate();
    }
  });

  it('waits on when either thread is woken before there is anything for it', async () => {
    // Short, so that a regression fails rather than blocks this thread for two minutes.
    const caller = new SyncCaller<string>(10_000);
    const worker = echo(caller);
    try {
      await once(worker, 'message');
      expect(caller.call('a')).toBe('A');
      // The worker, waiting for a request, is woken with none posted.
      for (const flag of caller.served.flags.keys()) Atomics.notify(caller.served.flags, flag);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(caller.call('b')).toBe('B');
      // This thread, waiting for a reply, is woken before the reply is posted.
      expect(caller.call('wake')).toBe('WAKE');
      expect(caller.call('c')).toBe('C');
    } finally {
      await worker.terminate();
    }
  });

  it('fails a call the worker does not answer in time, and every call after it, instead of blocking for good', async () => {
    const caller = new SyncCaller<string>(300);
    const worker = echo(caller);
    try {
      await once(worker, 'message');
      expect(caller.call('a')).toBe('A');
      expect(() => caller.call('slow')).toThrow('did not answer in 0.3 s');
      expect(() => caller.call('b')).toThrow('did not answer in 0.3 s');
    } finally {
      await worker.terminate();
    }
  });
});

describe('a restart asked at once', () => {
  const QUESTION = '“快递进村”工程今年的覆盖率力争达到多少？';
  let indexDir = '';
  let cleanup = async () => {};
  beforeAll(async () => {
    const temp = await tempDir('segment-worker-');
    cleanup = temp.cleanup;
    indexDir = path.join(temp.dir, 'index');
    await buildIndex([SEED_CORPUS], indexDir);
  });
  afterAll(() => cleanup());

  it('answers a question asked while the dictionary is still loading, as once it is loaded', async () => {
    vi.resetModules();
    const segment = await import('../src/text/segment.ts');
    const { loadIndex } = await import('../src/index/loadIndex.ts');
    const { answerQuestion } = await import('../src/answer/prepare.ts');
    const index = await loadIndex(indexDir, testEmbeddings());
    // Loading the index segments nothing: the worker starts here, as npm start's would have.
    expect(segment.segmentationLoadCount()).toBe(0);
    let loaded = false;
    void segment.startSegmenter().loaded.then(() => (loaded = true));
    const early = await answerQuestion(index, QUESTION);
    expect(early.answered).toBe(true);
    await segment.warmUp();
    expect(loaded).toBe(true);
    expect(await answerQuestion(index, QUESTION)).toEqual(early);
  });
});
