import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { releaseOwnLockSync, withReindexLock } from '../src/index/lock.ts';
import { tempDir } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => Promise.all(cleanups.splice(0).map((c) => c())));

async function indexDir() {
  const t = await tempDir('lock-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('the reindex lock when a run is interrupted', () => {
  it('releases the lock this process holds, so the next run need not take it over', async () => {
    const dir = await indexDir();
    await withReindexLock(dir, async () => {
      expect(existsSync(path.join(dir, '.reindex.lock'))).toBe(true);
      releaseOwnLockSync(dir);
      expect(existsSync(path.join(dir, '.reindex.lock'))).toBe(false);
    });
  });

  it('leaves a lock another process holds', async () => {
    const dir = await indexDir();
    await writeFile(path.join(dir, '.reindex.lock'), String(process.ppid));
    releaseOwnLockSync(dir);
    expect(existsSync(path.join(dir, '.reindex.lock'))).toBe(true);
  });
});
