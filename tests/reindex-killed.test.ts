import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { CURRENT_FILE } from '../src/index/layout.ts';
import { QaService } from '../src/service/qaService.ts';
import { SEED_CORPUS, tempDir } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => Promise.all(cleanups.splice(0).map((c) => c())));

const QUESTION = '“快递进村”工程今年的覆盖率力争达到多少？';

async function corpusDigest(dir: string): Promise<string> {
  const hash = createHash('sha256');
  for (const name of (await readdir(dir)).sort()) hash.update(name).update(await readFile(path.join(dir, name)));
  return hash.digest('hex');
}

function reindexChild(killDuring: string, env: Record<string, string>): Promise<NodeJS.Signals | null> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './tests/fixtures/killDuring.ts', 'scripts/index.ts'], {
    env: { ...process.env, ...env, KILL_DURING: killDuring },
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
}

describe.each(['embed', 'swap'])('a reindex killed during %s', (moment) => {
  it('leaves the previous index served, the corpus untouched, and is cleaned up by the next run', async () => {
    const temp = await tempDir('killed-');
    cleanups.push(temp.cleanup);
    const corpus = path.join(temp.dir, 'corpus');
    const indexDir = path.join(temp.dir, 'index');
    await cp(SEED_CORPUS, corpus, { recursive: true });
    const env = { CORPUS_DIR: corpus, INDEX_DIR: indexDir, EMBEDDING_DIMENSION: '256' };
    const service = new QaService(loadConfig(env), pino({ level: 'silent' }));
    await service.reindex();
    const served = await readFile(path.join(indexDir, CURRENT_FILE), 'utf8');

    // Enough new chunks for several embedding batches.
    for (let i = 0; i < 150; i++) await writeFile(path.join(corpus, `extra-${i}.txt`), `示例通知${i}\n第${i}号示例通知要求快递网点落实安全检查制度。`);
    const digest = await corpusDigest(corpus);
    expect(await reindexChild(moment, env)).toBe('SIGKILL');

    const debris = await readdir(indexDir);
    expect(debris).toContain('.reindex.lock');
    if (moment === 'swap') expect(debris.filter((e) => e.startsWith('gen-'))).toHaveLength(2);
    expect(await readFile(path.join(indexDir, CURRENT_FILE), 'utf8')).toBe(served);
    expect(await corpusDigest(corpus)).toBe(digest);
    const restarted = new QaService(loadConfig(env), pino({ level: 'silent' }));
    await restarted.load();
    expect((await restarted.ask(QUESTION)).answered).toBe(true);
    expect(restarted.index.documents.size).toBe(5);

    const report = await restarted.reindex();
    expect(report.added).toHaveLength(150);
    const left = await readdir(indexDir);
    expect(left.filter((e) => e.startsWith('gen-'))).toHaveLength(1);
    expect(left.filter((e) => e.endsWith('.tmp') || e.endsWith('.lock'))).toEqual([]);
    expect(restarted.index.documents.size).toBe(155);
  });
});
