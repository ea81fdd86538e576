import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeDocument, summarizeTopic } from '../src/answer/summarize.ts';
import { loadIndex, type SearchIndex } from '../src/index/loadIndex.ts';
import { buildIndex, FIXTURE_REGULATIONS, SEED_CORPUS, tempDir, testEmbeddings } from './helpers.ts';

let index: SearchIndex;
let cleanup = async () => {};
beforeAll(async () => {
  const t = await tempDir('sum-');
  cleanup = t.cleanup;
  await cp(SEED_CORPUS, path.join(t.dir, 'corpus'), { recursive: true });
  await buildIndex([path.join(t.dir, 'corpus'), FIXTURE_REGULATIONS], path.join(t.dir, 'index'));
  index = await loadIndex(path.join(t.dir, 'index'), testEmbeddings());
});
afterAll(() => cleanup());

describe('summaries', () => {
  it('summarizes one document by id with citations carrying its date and source', () => {
    const summary = summarizeDocument(index, '004_a9def7b547edd0bd');
    expect(summary.answered).toBe(true);
    expect(summary.summary).toMatch(/\[1\]/u);
    expect(summary.citations.every((c) => c.docId === '004_a9def7b547edd0bd' && c.date === '2020-04-28' && c.source === '國家郵政局')).toBe(true);
    const markers = summary.summary.match(/\[\d+\]/gu) ?? [];
    expect(markers).toHaveLength(4);
    expect([...summary.summary.replace(/\[\d+\]/gu, '')].length).toBeLessThanOrEqual(4 * 101);
  });

  it('finds a document by title in either script', () => {
    expect(summarizeDocument(index, '示例市快遞管理條例').target).toBe('sample-tiaoli');
    expect(() => summarizeDocument(index, '不存在的文件')).toThrow(expect.objectContaining({ code: 'unknown-document' }));
  });

  it('summarizes a topic across documents, and declines an absent one', async () => {
    const topic = await summarizeTopic(index, '快递包装绿色化');
    expect(topic.answered).toBe(true);
    expect(new Set(topic.citations.map((c) => c.docId)).size).toBeGreaterThan(1);
    const absent = await summarizeTopic(index, '无人机配送试点城市');
    expect(absent).toMatchObject({ answered: false, citations: [] });
  });
});
