import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchQuestions, benchSentences, type BenchSources } from '../tools/bench/benchText.ts';
import { exactTopK, flatten, recallAtK, strictRecallAtK } from '../tools/bench/exactSearch.ts';
import { percentiles } from '../tools/bench/latency.ts';
import { seededRandom } from '../tools/bench/random.ts';
import { writeSyntheticCorpus } from '../tools/bench/syntheticCorpus.ts';

let root = '';
let sources: BenchSources;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'bench-text-'));
  const shared = path.join(root, 'shared');
  await mkdir(path.join(shared, 'regulations', 'national'), { recursive: true });
  await mkdir(path.join(shared, 'eval', 'external', 'stard'), { recursive: true });
  await mkdir(path.join(root, 'eval'));
  await writeFile(
    path.join(shared, 'regulations', 'national', 'tiaoli.md'),
    '示例快递条例\n\n第一条 为了规范快递服务秩序，保障用户合法权益，制定本条例。\n\n第二条 经营快递业务的企业应当依法取得快递业务经营许可。\n',
  );
  await writeFile(path.join(shared, 'eval', 'dev.jsonl'), '{"id":"d1","question":"快递业务经营许可由谁颁发？","doc":"tiaoli"}\n');
  await writeFile(path.join(root, 'eval', 'everyday-dev.jsonl'), '{"id":"e1","question":"快递柜超时收费合法吗？","doc":null,"negative":true}\n');
  const stard = [{ query_id: 0, 问题: '谁可以成为个体工商户？', 相关法规: { 民法典第五十四条: '自然人从事工商业经营，经依法登记，为个体工商户。个体工商户可以起字号。\n' } }];
  await writeFile(path.join(shared, 'eval', 'external', 'stard', 'stard-queries.json'), JSON.stringify(stard));
  sources = { seedDirs: ['corpus'], sharedDir: shared, evalDir: path.join(root, 'eval') };
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('benchmark text', () => {
  it('takes statute sentences from the regulations and STARD articles, without their article numbers, and prose from the seeds', async () => {
    const pools = await benchSentences(sources);
    expect(pools.statute).toContain('为了规范快递服务秩序，保障用户合法权益，制定本条例。');
    expect(pools.statute).toContain('自然人从事工商业经营，经依法登记，为个体工商户。');
    expect(pools.statute.some((s) => s.startsWith('第'))).toBe(false);
    expect(pools.all.length).toBeGreaterThan(pools.statute.length + 50);
    expect(new Set(pools.all).size).toBe(pools.all.length);
    expect(pools.vocabulary).toBeGreaterThan(500);
  });

  it('asks every distinct question of the shared sets, the everyday sets and STARD', async () => {
    expect((await benchQuestions(sources)).sort()).toEqual(['快递业务经营许可由谁颁发？', '快递柜超时收费合法吗？', '谁可以成为个体工商户？'].sort());
  });

  it('refuses to run without STARD or the everyday questions instead of falling back', async () => {
    await expect(benchQuestions({ ...sources, evalDir: path.join(root, 'nowhere') })).rejects.toThrow(/日常问题集.*nowhere/u);
    await expect(benchSentences({ ...sources, sharedDir: path.join(root, 'eval') })).rejects.toThrow(/语料目录不存在|STARD/u);
  });

  it('generates the same corpus for the same seed, regulations of statute sentences numbered anew', async () => {
    const pools = await benchSentences(sources);
    const dirs = await Promise.all([1, 2].map(() => mkdtemp(path.join(os.tmpdir(), 'syn-'))));
    try {
      for (const dir of dirs) await writeSyntheticCorpus(pools, dir, 300, 42);
      const [a, b] = await Promise.all(dirs.map(async (d) => Promise.all((await readdir(d)).sort().map((f) => readFile(path.join(d, f), 'utf8')))));
      expect(a).toEqual(b);
      expect(a!.length).toBeGreaterThan(10);
      expect(a!.some((text) => /^第1条 /mu.test(text))).toBe(true);
      expect(pools.statute.some((s) => a!.join('').includes(s))).toBe(true);
    } finally {
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    }
  });
});

describe('benchmark parts', () => {
  it('takes nearest-rank percentiles', () => {
    expect(percentiles([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toEqual({ p50: 5, p95: 10, p99: 10 });
  });

  it('scans one flat array for the same top k as sorting every similarity', () => {
    const random = seededRandom(3);
    const dimension = 16;
    const vectors = Array.from({ length: 500 }, () => Float32Array.from({ length: dimension }, () => random() - 0.5));
    const query = Float32Array.from({ length: dimension }, () => random() - 0.5);
    const dot = (v: Float32Array) => v.reduce((sum, x, i) => sum + x * query[i]!, 0);
    const expected = vectors
      .map((v, label) => ({ label, similarity: dot(v) }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, 10);
    const found = exactTopK(flatten(vectors, dimension), dimension, query, 10);
    expect(found.map((n) => n.label)).toEqual(expected.map((n) => n.label));
    expect(exactTopK(flatten(vectors.slice(0, 3), dimension), dimension, query, 10)).toHaveLength(3);
  });

  it('lists chunks of equal similarity in chunk order, however the float32 sums would round', () => {
    const query = Float32Array.from([0.1, 0.7, 0.2, 0.3]);
    const same = Float32Array.from([0.3, 0.1, 0.9, 0.25]);
    // A rounding-level difference from `same`: float32 scores would tie, double ones do not.
    const above = Float32Array.from([0.3, 0.1, 0.9, 0.25000003]);
    const found = exactTopK(flatten([same, above, same, same], 4), 4, query, 3);
    expect(found.map((n) => n.label)).toEqual([1, 0, 2]);
  });

  it('counts a tie with the k-th exact neighbour as found, unless counting without ties', () => {
    const exact = [
      { label: 1, similarity: 0.9 },
      { label: 2, similarity: 0.5 },
    ];
    const tied = [
      { label: 1, similarity: 0.9 },
      { label: 7, similarity: 0.5 },
    ];
    expect(recallAtK(exact, tied)).toBe(1);
    expect(strictRecallAtK(exact, tied)).toBe(0.5);
    expect(
      recallAtK(exact, [
        { label: 1, similarity: 0.9 },
        { label: 8, similarity: 0.4 },
      ]),
    ).toBe(0.5);
  });
});
