import { readFileSync, rmSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserFacingError } from '../userFacingError.ts';

const LOCK_FILE = '.reindex.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One reindex at a time per index folder, across processes. A lock left by a process that died
 * (killed mid-build) is taken over.
 */
export async function withReindexLock<T>(indexDir: string, work: () => Promise<T>): Promise<T> {
  await mkdir(indexDir, { recursive: true });
  const file = path.join(indexDir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw new UserFacingError('index-busy', '已有重建索引任务在进行中');
      const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (owner && isAlive(owner)) throw new UserFacingError('index-busy', '已有重建索引任务在进行中');
      await rm(file, { force: true });
    }
  }
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}

/**
 * Removes this process's lock at once, for a process being interrupted (Ctrl-C) before the
 * `finally` above can run; a lock another process holds is left alone.
 */
export function releaseOwnLockSync(indexDir: string): void {
  const file = path.join(indexDir, LOCK_FILE);
  try {
    if (Number(readFileSync(file, 'utf8').trim()) === process.pid) rmSync(file, { force: true });
  } catch {
    // No lock: nothing to release.
  }
}
