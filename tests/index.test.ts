import { cp, mkdir, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import { afterEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/prepare.ts';
import { HashingEmbeddings } from '../src/embed/hashingEmbeddings.ts';
import { Bm25Index, topK } from '../src/index/bm25.ts';
import { FILES } from '../src/index/layout.ts';
import { loadIndex } from '../src/index/loadIndex.ts';
import { readIndexData } from '../src/index/store.ts';
import { hybridSearch } from '../src/retrieve/hybrid.ts';
import { allChunks, buildIndex, FIXTURE_REGULATIONS, SEED_CORPUS, tempDir, testEmbeddings } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function scratch() {
  const t = await tempDir('idx-');
  cleanups.push(t.cleanup);
  const corpus = path.join(t.dir, 'corpus');
  await cp(SEED_CORPUS, corpus, { recursive: true });
  return { corpus, index: path.join(t.dir, 'index') };
}

describe('index build, reindex and retrieval', () => {
  it('finds the same passage for Traditional and Simplified questions', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus, FIXTURE_REGULATIONS], index);
    const loaded = await loadIndex(index, testEmbeddings());
    const simplified = await hybridSearch(loaded, '寄递渠道安全管理联合监管机制要坚持哪些联动做法', { k: 3 });
    const traditional = await hybridSearch(loaded, '寄遞渠道安全管理聯合監管機制要堅持哪些聯動做法', { k: 3 });
    expect(simplified.map((h) => h.chunk.id)).toEqual(traditional.map((h) => h.chunk.id));
    expect(simplified.some((h) => h.chunk.text.includes('信息互通'))).toBe(true);
    const answer = await answerQuestion(loaded, '快件丢失的投诉企业应当在几日内答复？');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]).toMatchObject({ docId: 'sample-tiaoli', location: '第四条' });
    expect(answer.answer).toContain('七日');
  });

  it('exposes the vectors as a LangChain VectorStore retriever', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const loaded = await loadIndex(index, testEmbeddings());
    const documents = await loaded.vectorStore.asRetriever(2).invoke('快遞進村工程覆蓋率');
    expect(documents).toHaveLength(2);
    expect(documents.map((d) => d.metadata.docId)).toContain('004_a9def7b547edd0bd');
    expect(documents[0]?.metadata).toMatchObject({ chunkId: expect.stringMatching(/#/u), title: expect.any(String) });
  });

  it('declines a question the corpus cannot answer', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const answer = await answerQuestion(await loadIndex(index, testEmbeddings()), '无人机配送试点在哪些城市开展？');
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
    expect(answer.declined).toBe('unsupported');
    expect(answer.closest.length).toBeGreaterThan(0);
  });

  it('re-embeds only changed and new files, and leaves an unchanged index alone', async () => {
    const { corpus, index } = await scratch();
    const first = await buildIndex([corpus], index);
    expect(first.added).toHaveLength(5);
    const generation = (await loadIndex(index, testEmbeddings())).generation;
    expect(await buildIndex([corpus], index)).toMatchObject({ unchanged: 5, embeddedChunks: 0, chunks: first.chunks });
    expect((await loadIndex(index, testEmbeddings())).generation).toBe(generation);
    const file = path.join(corpus, '001_7334d363ac647930.txt');
    await writeFile(file, `${await readFile(file, 'utf8')}\n<p>补充段落：快递包装要实现绿色化。</p>`);
    await rm(path.join(corpus, '003_1ea477868c6af1c2.txt'));
    const second = await buildIndex([corpus], index);
    expect(second).toMatchObject({ changed: ['001_7334d363ac647930'], removed: ['003_1ea477868c6af1c2'], unchanged: 3 });
    expect(second.embeddedChunks).toBeLessThan(first.embeddedChunks / 3);
    const loaded = await loadIndex(index, testEmbeddings());
    expect(loaded.documents.has('003_1ea477868c6af1c2')).toBe(false);
  });

  it('trusts a file with its recorded size and mtime without reading it, unless asked to verify', async () => {
    const { corpus, index } = await scratch();
    const file = path.join(corpus, '001_7334d363ac647930.txt');
    // A whole-second mtime, so putting it back is exact.
    const recorded = new Date('2024-01-01T00:00:00Z');
    await utimes(file, recorded, recorded);
    await buildIndex([corpus], index);
    const before = await stat(file);
    // The same number of bytes, edited, then the mtime put back: only reading the file can tell.
    await writeFile(file, (await readFile(file, 'utf8')).replace('快递', '邮件'));
    await utimes(file, recorded, recorded);
    expect((await stat(file)).size).toBe(before.size);
    const trusting = await buildIndex([corpus], index);
    expect(trusting).toMatchObject({ changed: [], unchanged: 5, restamped: 0, embeddedChunks: 0 });
    const verified = await buildIndex([corpus], index, { verify: true });
    expect(verified).toMatchObject({ changed: ['001_7334d363ac647930'], unchanged: 4 });
  });

  it('re-hashes a touched file without re-chunking it, and trusts it again on the next run', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const generation = (await loadIndex(index, testEmbeddings())).generation;
    const file = path.join(corpus, '002_e898aa7a56475ed4.txt');
    const later = new Date(Date.now() + 60_000);
    await utimes(file, later, later);
    expect(await buildIndex([corpus], index)).toMatchObject({ changed: [], unchanged: 5, restamped: 1, embeddedChunks: 0 });
    // Only the recorded stamp changed: the served generation stays.
    expect((await loadIndex(index, testEmbeddings())).generation).toBe(generation);
    expect(await buildIndex([corpus], index)).toMatchObject({ unchanged: 5, restamped: 0 });
  });

  it('recognises an unchanged corpus from the manifest alone; --verify reads the index and rebuilds a damaged one', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const generation = (await loadIndex(index, testEmbeddings())).generation;
    const chunks = path.join(generation, 'chunks.jsonl');
    // Damage of the same size: only reading the index can tell.
    await writeFile(chunks, 'x'.repeat((await stat(chunks)).size));
    expect(await buildIndex([corpus], index)).toMatchObject({ unchanged: 5, documents: 5, embeddedChunks: 0 });
    await expect(loadIndex(index, testEmbeddings())).rejects.toMatchObject({ code: 'index-damaged' });
    const verified = await buildIndex([corpus], index, { verify: true });
    expect(verified.rebuildReason).toMatch(/旧索引不可读/u);
    expect((await loadIndex(index, testEmbeddings())).documents.size).toBe(5);
  });

  it('hashes once the files of an index that recorded no size or mtime', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const manifestFile = path.join((await loadIndex(index, testEmbeddings())).generation, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as { files: Record<string, { size?: number; mtimeMs?: number }> };
    for (const recorded of Object.values(manifest.files)) {
      delete recorded.size;
      delete recorded.mtimeMs;
    }
    await writeFile(manifestFile, JSON.stringify(manifest));
    expect(await buildIndex([corpus], index)).toMatchObject({ unchanged: 5, restamped: 5, embeddedChunks: 0 });
    expect(await buildIndex([corpus], index)).toMatchObject({ unchanged: 5, restamped: 0 });
  });

  it('finds new text by its vector after a small change, and removed text never comes back', async () => {
    const { corpus, index } = await scratch();
    await writeFile(path.join(corpus, 'locker.txt'), '快递柜管理通知\n快递柜超时保管费每日收费一元。');
    await writeFile(path.join(corpus, 'stamps.txt'), '集邮通知\n纪念邮票预订登记于下月截止。');
    await buildIndex([corpus], index);
    await writeFile(path.join(corpus, 'locker.txt'), '快递柜管理通知\n智能快件箱投诉应当在七日内处理完毕。');
    await rm(path.join(corpus, 'stamps.txt'));
    const report = await buildIndex([corpus], index);
    expect(report.embeddedChunks).toBe(1);

    const updated = await loadIndex(index, testEmbeddings());
    const dense = async (q: string) => (await updated.vectorStore.similaritySearch(q, 100)).map((d) => String(d.metadata.docId));
    expect((await dense('智能快件箱投诉处理'))[0]).toBe('locker');
    expect(await dense('纪念邮票预订登记截止')).not.toContain('stamps');
    expect(updated.chunks.containing('一元')).toEqual([]);
    expect((await hybridSearch(updated, '投诉应当在几日内处理完毕', { k: 1 }))[0]?.chunk.docId).toBe('locker');
  });

  it('builds the same index whether files are read by worker processes or on its own thread', async () => {
    const { corpus, index } = await scratch();
    const threaded = `${index}-threaded`;
    await buildIndex([corpus, FIXTURE_REGULATIONS], index, { workers: 0 });
    await buildIndex([corpus, FIXTURE_REGULATIONS], threaded, { workers: 2 });
    const [alone, shared] = await Promise.all(
      [index, threaded].map(async (dir) => {
        const loaded = await loadIndex(dir, testEmbeddings());
        const { manifest, ...data } = await readIndexData(loaded.generation, loaded.manifest);
        return { ...data, files: manifest.files, bm25: data.bm25.serialize() };
      }),
    );
    expect(shared).toEqual(alone);
  });

  it('serves the exact nearest chunks: what a plain loop over the stored vectors finds, before and after a reindex', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus, FIXTURE_REGULATIONS], index);
    const questions = ['快件丢失的投诉企业应当在几日内答复？', '寄递渠道安全管理联合监管机制', '快递进村工程覆盖率', '邮政'];
    const exactly = async () => {
      const loaded = await loadIndex(index, testEmbeddings());
      const { vectors } = await readIndexData(loaded.generation, loaded.manifest);
      for (const question of questions) {
        const query = await loaded.queryEmbeddings.embedQuery(question);
        const expected = vectors
          .map((vector, position) => ({ position, similarity: vector.reduce((sum, v, d) => sum + v * query[d]!, 0) }))
          .sort((a, b) => b.similarity - a.similarity || a.position - b.position)
          .slice(0, 20);
        expect(loaded.vectorStore.searchPositions(query, 20)).toEqual(expected);
      }
      return loaded;
    };
    const before = await exactly();
    // Removing documents moves the positions of every chunk after them; the vectors move with them.
    for (const name of ['000_284666bd80d2f480', '002_e898aa7a56475ed4']) await rm(path.join(corpus, `${name}.txt`));
    expect(await buildIndex([corpus, FIXTURE_REGULATIONS], index)).toMatchObject({ embeddedChunks: 0 });
    const after = await exactly();
    expect(after.chunks.length).toBeLessThan(before.chunks.length);
  });

  it('refuses an empty corpus folder over an index that has documents, which keeps answering, unless told to empty it', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const empty = path.join(path.dirname(corpus), 'unmounted');
    await mkdir(empty);
    await expect(buildIndex([empty], index)).rejects.toThrow(/没有可索引的文档.*现有索引的 5 篇文档保持不变/u);
    const kept = await loadIndex(index, testEmbeddings());
    expect(kept.documents.size).toBe(5);
    expect((await answerQuestion(kept, '“快递进村”工程今年的覆盖率力争达到多少？')).answered).toBe(true);
    expect(await buildIndex([empty], index, { allowEmpty: true })).toMatchObject({ documents: 0, removed: expect.arrayContaining(['004_a9def7b547edd0bd']) });
  });

  it('keeps serving the old index when a build fails midway', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const before = await loadIndex(index, testEmbeddings());
    await writeFile(path.join(corpus, 'new.txt'), '新增文件：快递末端网点备案。');
    // A provider that dies mid-reindex (the local hashing embedder cannot fail).
    class FailingEmbeddings extends Embeddings {
      override async embedDocuments(): Promise<number[][]> {
        throw new Error('embedding service died');
      }
      override async embedQuery(): Promise<number[]> {
        throw new Error('embedding service died');
      }
    }
    await expect(buildIndex([corpus], index, { embeddings: new FailingEmbeddings({}), embedding: testEmbeddings().identity })).rejects.toThrow('embedding service died');
    const after = await loadIndex(index, testEmbeddings());
    expect(after.generation).toBe(before.generation);
    expect(after.chunks.length).toBe(before.chunks.length);
    expect((await hybridSearch(after, '实名收寄', { k: 1 }))[0]?.chunk.docId).toBe('000_284666bd80d2f480');
  });

  it('serves the chunks as stored, parsing each when read, and answers the same before and after', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const served = await loadIndex(index, testEmbeddings());
    const questions = ['“快递进村”工程今年的覆盖率力争达到多少？', '山西那边三大攻坚战的专题会多久开一次？'];
    const before = await Promise.all(questions.map((q) => answerQuestion(served, q)));
    const stored = (await readIndexData(served.generation, served.manifest)).chunks;
    const docId = stored[0]!.docId;
    expect(served.chunks).toHaveLength(stored.length);
    expect(served.chunks.ofDocument(docId)).toEqual(stored.filter((c) => c.docId === docId));
    expect(allChunks(served.chunks)).toEqual(stored);
    expect(await Promise.all(questions.map((q) => answerQuestion(served, q)))).toEqual(before);
    // A restart loads the same generation again and answers alike.
    const restarted = await loadIndex(index, testEmbeddings());
    expect(await Promise.all(questions.map((q) => answerQuestion(restarted, q)))).toEqual(before);
    expect(before[0]!.answer).toMatch(/60%/u);
  });

  it('refuses an index of the previous format (no vector columns), and the next reindex rebuilds it whole', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const generation = (await loadIndex(index, testEmbeddings())).generation;
    const manifest = path.join(generation, FILES.manifest);
    await writeFile(manifest, JSON.stringify({ ...JSON.parse(await readFile(manifest, 'utf8')), formatVersion: 9 }));
    await rm(path.join(generation, FILES.vectorColumns));
    await expect(loadIndex(index, testEmbeddings())).rejects.toMatchObject({ code: 'index-outdated' });
    const rebuilt = await buildIndex([corpus], index);
    expect(rebuilt).toMatchObject({ documents: 5, unchanged: 0, rebuildReason: '索引格式版本已变化' });
    expect(rebuilt.embeddedChunks).toBe(rebuilt.chunks);
    const answer = await answerQuestion(await loadIndex(index, testEmbeddings()), '“快递进村”工程今年的覆盖率力争达到多少？');
    expect(answer.answer).toMatch(/60%/u);
  });

  it('rebuilds an index whose text was cut with another segmentation dictionary, even over an unchanged corpus', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const generation = (await loadIndex(index, testEmbeddings())).generation;
    const manifest = path.join(generation, FILES.manifest);
    await writeFile(manifest, JSON.stringify({ ...JSON.parse(await readFile(manifest, 'utf8')), segmentation: 'another dictionary' }));
    const rebuilt = await buildIndex([corpus], index);
    expect(rebuilt).toMatchObject({ documents: 5, unchanged: 0, rebuildReason: '分词词典已变化' });
    expect(await buildIndex([corpus], index)).toMatchObject({ unchanged: 5, rebuildReason: null });
  });

  it('reads every file again when the reader has changed, the older index serving until then', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    const generation = (await loadIndex(index, testEmbeddings())).generation;
    const manifest = path.join(generation, FILES.manifest);
    const { reading: _, ...older } = JSON.parse(await readFile(manifest, 'utf8'));
    await writeFile(manifest, JSON.stringify(older));
    expect((await loadIndex(index, testEmbeddings())).documents.size).toBe(5);
    expect(await buildIndex([corpus], index)).toMatchObject({ documents: 5, unchanged: 0, rebuildReason: '文档读取方式已更新' });
    expect(await buildIndex([corpus], index)).toMatchObject({ unchanged: 5, rebuildReason: null });
  });

  it('refuses an index built with another embedding configuration', async () => {
    const { corpus, index } = await scratch();
    await buildIndex([corpus], index);
    await expect(loadIndex(index, new HashingEmbeddings({ dimension: 128 }))).rejects.toMatchObject({ code: 'index-outdated' });
  });
});

describe('top k selection', () => {
  it.each([
    [[0, 3, 1, 3, 0, 2], 3, [1, 3, 5]],
    [[0, 0, 0], 2, []],
    [[1, 2, 3, 4], 10, [3, 2, 1, 0]],
    [[5, 1, 5, 5], 2, [0, 2]],
  ])('of %j, k %i, is %j (best first, ties by position, zeros never)', (scores, k, expected) => {
    expect(topK(Float32Array.from(scores), k).map((h) => h.index)).toEqual(expected);
  });

  it('keeps, when full, the earlier of equal scores at the k-th place and lets a later higher one in', () => {
    expect(topK(Float32Array.from([2, 1, 1, 3, 1, 2]), 3).map((h) => [h.index, h.score])).toEqual([
      [3, 3],
      [0, 2],
      [5, 2],
    ]);
  });
});

describe('BM25 ranking', () => {
  // Rows of many lengths sharing few terms: scores tie and differ in their last float32 bits.
  const terms = ['a', 'b', 'c', 'd', 'ab'];
  const rows = Array.from({ length: 200 }, (_, doc) => {
    const ids = [0, 1, 2, 3, 4].filter((t) => (doc * (t + 3)) % (t + 2) === 0);
    return { terms: Int32Array.from(ids), tfs: Uint16Array.from(ids.map((t) => 1 + ((doc + t) % 3))), length: 5 + (doc % 17) };
  });
  const bm25 = Bm25Index.fromCounts(terms, rows);
  const query = new Map([
    ['c', 1],
    ['a', 0.5],
    ['ab', 1],
    ['zz', 1],
    ['d', 0.5],
  ]);

  it('ranks as topK of the full scores and reports the scores of the positions asked for, call after call', () => {
    const scores = bm25.scoreWeighted(query);
    for (let call = 0; call < 2; call++) {
      const { ranked, scoresOf } = bm25.rank(query, 20, () => [7, 0, 199, 3]);
      expect(ranked).toEqual(topK(scores, 20));
      expect(scoresOf).toEqual([scores[7], scores[0], scores[199], scores[3]]);
    }
    expect(bm25.rank(new Map([['b', 1]]), 5, () => []).ranked).toEqual(topK(bm25.scoreAll(['b']), 5));
  });

  it('ranks the same after the warm-up ranking at load', () => {
    const before = bm25.rank(query, 20, () => [7, 0]);
    bm25.warm();
    expect(bm25.rank(query, 20, () => [7, 0])).toEqual(before);
  });
});
