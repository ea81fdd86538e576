import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recallAtK } from '../src/bench/exactSearch.ts';
import { percentiles } from '../src/bench/latency.ts';
import { realSentences, writeSyntheticCorpus } from '../src/bench/syntheticCorpus.ts';

describe('benchmark parts', () => {
  it('generates the same synthetic corpus for the same seed, from real sentences', async () => {
    const sentences = await realSentences(['corpus']);
    const dirs = await Promise.all([1, 2].map(() => mkdtemp(path.join(os.tmpdir(), 'syn-'))));
    try {
      for (const dir of dirs) await writeSyntheticCorpus(sentences, dir, 300, 42);
      const [a, b] = await Promise.all(dirs.map(async (d) => Promise.all((await readdir(d)).sort().map((f) => readFile(path.join(d, f), 'utf8')))));
      expect(a).toEqual(b);
      expect(a!.length).toBeGreaterThan(10);
      expect(a!.some((text) => /^第1条 /mu.test(text))).toBe(true);
      expect(sentences.some((s) => a!.join('').includes(s))).toBe(true);
    } finally {
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    }
  });

  it('takes nearest-rank percentiles', () => {
    expect(percentiles([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toEqual({ p50: 5, p95: 10, p99: 10 });
  });

  it('counts a tie with the k-th exact neighbour as found', () => {
    const exact = [{ label: 1, similarity: 0.9 }, { label: 2, similarity: 0.5 }];
    expect(recallAtK(exact, [{ label: 1, similarity: 0.9 }, { label: 7, similarity: 0.5 }])).toBe(1);
    expect(recallAtK(exact, [{ label: 1, similarity: 0.9 }, { label: 8, similarity: 0.4 }])).toBe(0.5);
  });
});
