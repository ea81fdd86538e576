import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadIndex } from '../src/index/loadIndex.ts';
import { type UserFacingCode, UserFacingError } from '../src/userFacingError.ts';
import { buildIndex, FIXTURE_REGULATIONS, tempDir, testEmbeddings } from './helpers.ts';

/** An embedding endpoint that is down: a first build fails after the index folder was made. */
class UnreachableEmbeddings extends Embeddings {
  constructor() {
    super({});
  }
  embedDocuments(): Promise<number[][]> {
    return Promise.reject(new Error('模型服务不可用'));
  }
  embedQuery(): Promise<number[]> {
    return Promise.reject(new Error('模型服务不可用'));
  }
}

let root = '';
let cleanup = async () => {};
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('index-folder-'));
  await writeFile(path.join(root, 'file.txt'), '不是目录');
  await mkdir(path.join(root, 'existing'));
});
afterEach(() => cleanup());

/** What the temporary folder holds afterwards, every level down. */
const leftBehind = () => readdir(root, { recursive: true }).then((names) => names.sort());

const UNREACHABLE = { embeddings: new UnreachableEmbeddings(), embedding: { provider: 'openai', model: 'down', dimension: 8 } };

/**
 * Each case: the corpus and index paths (relative to a folder holding file.txt and an empty folder
 * `existing`; no corpus means a one-file fixture), the message and the code of the user-facing error
 * (none: an internal failure). Afterwards the folder holds what it held before.
 */
const CASES: { name: string; corpus: string | null; index: string; error: RegExp; code: UserFacingCode | null; extra?: object }[] = [
  { name: 'a file given as the corpus folder', corpus: 'file.txt', index: 'index', error: /^语料路径不是目录：.*file\.txt$/u, code: 'corpus-unavailable' },
  { name: 'a missing corpus folder, nested new index folders', corpus: 'nowhere', index: 'a/b/index', error: /^语料目录不存在：.*nowhere$/u, code: 'corpus-unavailable' },
  { name: 'a file given as the index folder', corpus: null, index: 'file.txt', error: /^索引路径不是目录：.*file\.txt$/u, code: 'invalid-config' },
  { name: 'an index folder under a file', corpus: null, index: 'file.txt/index', error: /^索引路径不是目录：.*file\.txt\/index$/u, code: 'invalid-config' },
  { name: 'a first build whose embedder is down', corpus: null, index: 'index', error: /模型服务不可用/u, code: null, extra: UNREACHABLE },
  { name: 'a failed build into a folder that existed', corpus: 'nowhere', index: 'existing', error: /^语料目录不存在/u, code: 'corpus-unavailable' },
];

describe('a reindex given a file where a folder is expected, or failing on its first build', () => {
  it.each(CASES)('$name: one clear line, no empty index folder left', async ({ corpus, index, error, code, extra }) => {
    const built = buildIndex([corpus ? path.join(root, corpus) : FIXTURE_REGULATIONS], path.join(root, index), extra);
    await expect(built).rejects.toThrow(error);
    await expect(built.catch((e: unknown) => (e instanceof UserFacingError ? e.code : null))).resolves.toBe(code);
    expect(await leftBehind()).toEqual(['existing', 'file.txt']);
    expect(await readFile(path.join(root, 'file.txt'), 'utf8')).toBe('不是目录');
  });
});

describe('loading an index from a file where its folder is expected', () => {
  it.each(['file.txt', 'file.txt/index'])('%s', async (index) => {
    const loading = loadIndex(path.join(root, index), testEmbeddings());
    await expect(loading).rejects.toThrow(/^索引路径不是目录：/u);
    await expect(loading).rejects.toMatchObject({ code: 'invalid-config' });
  });
});
