import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildIndex, SEED_CORPUS, tempDir, testEmbeddings } from './helpers.ts';

const QUESTION = '“快递进村”工程今年的覆盖率力争达到多少？';

let indexDir = '';
let cleanup = async () => {};
beforeAll(async () => {
  const temp = await tempDir('warmup-');
  cleanup = temp.cleanup;
  indexDir = path.join(temp.dir, 'index');
  await buildIndex([SEED_CORPUS], indexDir);
});
afterAll(() => cleanup());

/** The answering modules as a freshly started process has them: no segmentation table loaded yet. */
async function freshStart() {
  vi.resetModules();
  const segment = await import('../src/text/segment.ts');
  const { loadIndex } = await import('../src/index/loadIndex.ts');
  const { answerQuestion } = await import('../src/answer/prepare.ts');
  const index = await loadIndex(indexDir, testEmbeddings());
  return { segment, ask: () => answerQuestion(index, QUESTION) };
}

describe('segmentation warm-up at startup', () => {
  it('without it, the first answer loads the dictionaries', async () => {
    const { segment, ask } = await freshStart();
    const before = segment.segmentationLoadCount();
    expect((await ask()).answered).toBe(true);
    expect(segment.segmentationLoadCount()).toBeGreaterThan(before);
  });

  it('without it, the first answer splits the thesaurus terms it brings up itself, and answers as after it', async () => {
    const cold = await freshStart();
    const first = await cold.ask();
    const warm = await freshStart();
    const { warmUpQuestions } = await import('../src/text/thesaurus.ts');
    await warmUpQuestions();
    expect(await warm.ask()).toEqual(first);
  });

  it('after it, the first answer loads nothing', async () => {
    const { segment, ask } = await freshStart();
    await segment.warmUp();
    const warmed = segment.segmentationLoadCount();
    expect((await ask()).answered).toBe(true);
    expect(segment.segmentationLoadCount()).toBe(warmed);
  });
});
