import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HashingEmbeddings } from '../src/embed/hashingEmbeddings.ts';
import { Bm25Index } from '../src/index/bm25.ts';
import { flatSearcher, readVectorStore, writeVectorStore } from '../src/index/hnsw.ts';
import { VectorScan } from '../src/index/vectorScan.ts';
import { bigramFeatureOf, expandQuestion, lexicalFeatureCodesOfEach, lexicalFeatures, queryFeatureWeights } from '../src/text/features.ts';
import { normalize } from '../src/text/normalize.ts';
import { parseSynonyms, Thesaurus } from '../src/text/thesaurus.ts';
import { Vocabulary } from '../src/text/vocabulary.ts';
import { SEED_CORPUS } from './helpers.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function scratch(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'parts-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const PASSAGES = ['快件丢失的投诉，企业应当在七日内答复。', '邮政企业应当对快件进行收寄验视，快件收寄验视制度必须落实。', '寄遞渠道安全管理聯合監管機制要堅持信息互通。'];

describe('term counts over a vocabulary', () => {
  it.each([
    { features: ['快递', '邮政', '快递', '快递'], terms: ['快递', '邮政'], tfs: [3, 1] },
    { features: ['邮政', '投诉'], terms: ['邮政', '投诉'], tfs: [1, 1] },
    { features: [], terms: [], tfs: [] },
  ])('counts $features in order of first occurrence', ({ features, terms, tfs }) => {
    const vocabulary = Vocabulary.of(['邮政']);
    const counts = vocabulary.count(features);
    expect([...counts.terms].map((id) => vocabulary.terms[id])).toEqual(terms);
    expect([...counts.tfs]).toEqual(tfs);
    expect(counts.length).toBe(features.length);
  });

  it('counts bigrams given as numbers exactly as their strings, whatever the characters', async () => {
    const texts = [...PASSAGES, '𠮷野家的外卖（兼容：丽﨑）ABC快递60%', '邮', (await readFile(path.join(SEED_CORPUS, '000_284666bd80d2f480.txt'), 'utf8')).slice(0, 3000)];
    const byString = new Vocabulary();
    const byCode = new Vocabulary();
    for (const text of texts) {
      const normalized = normalize(text);
      const [codes = []] = lexicalFeatureCodesOfEach([normalized]);
      expect(codes.map((f) => (typeof f === 'number' ? bigramFeatureOf(f) : f))).toEqual(lexicalFeatures(normalized));
      expect(codes.some((f) => typeof f === 'number')).toBe(normalized.length > 1);
      const counts = byCode.count(codes);
      expect(counts).toEqual(byString.count(lexicalFeatures(normalized)));
    }
    expect(byCode.terms).toEqual(byString.terms);
  });

  it('keeps counting right across chunks (the scratch space is cleared between calls)', () => {
    const vocabulary = new Vocabulary();
    vocabulary.count(['甲', '甲', '乙']);
    expect([...vocabulary.count(['甲', '丙']).tfs]).toEqual([1, 1]);
  });
});

describe('BM25 from term counts', () => {
  const rowsOf = (vocabulary: Vocabulary) => PASSAGES.map((p) => vocabulary.count(lexicalFeatures(normalize(p))));

  it('reads back each chunk’s term counts, so an unchanged chunk scores the same in the next index', () => {
    const vocabulary = new Vocabulary();
    const original = Bm25Index.fromCounts(vocabulary.terms, rowsOf(vocabulary));
    const { terms, rows } = original.termCounts();
    const rebuilt = Bm25Index.fromCounts(terms, rows);
    const query = lexicalFeatures(normalize('快件收寄验视制度'));
    expect([...rebuilt.scoreAll(query)]).toEqual([...original.scoreAll(query)]);
    expect(rebuilt.serialize()).toEqual(original.serialize());
  });

  it('drops the terms only removed chunks had', () => {
    const vocabulary = new Vocabulary();
    const rows = [
      ['七日', '答复'],
      ['收寄', '验视', '验视'],
    ].map((features) => vocabulary.count(features));
    const withoutFirst = Bm25Index.fromCounts(vocabulary.terms, rows.slice(1));
    expect(withoutFirst.termCounts().terms).toEqual(['收寄', '验视']);
    expect(withoutFirst.documentFrequency('七日')).toBe(0);
    expect(withoutFirst.documentFrequency('验视')).toBe(1);
    expect(withoutFirst.termCounts().rows.map((r) => [...r.tfs])).toEqual([[1, 2]]);
  });
});

describe('hashing vectors from term counts', () => {
  it('equal the vectors of the text itself, bit for bit', () => {
    const embeddings = new HashingEmbeddings({ dimension: 256 });
    const vocabulary = new Vocabulary();
    const vectorize = embeddings.vectorizerFor(vocabulary);
    for (const passage of PASSAGES) {
      const counts = vocabulary.count(lexicalFeatures(normalize(passage)));
      expect(vectorize(counts)).toEqual(embeddings.vectorize(passage, false));
    }
  });
});

describe('query vectors from weighted features', () => {
  it('equal embedQuery of the question, bit for bit, without expanding it again', async () => {
    const thesaurus = new Thesaurus(parseSynonyms('快递柜 => 智能快件箱\n丢件 => 快件丢失').rules);
    const embeddings = new HashingEmbeddings({ dimension: 256 }).forQueries({ idf: (feature) => feature.length, thesaurus });
    for (const question of ['快递柜能不能收费？', '丢件了找谁', '寄遞渠道安全管理']) {
      const weights = queryFeatureWeights(expandQuestion(normalize(question), thesaurus));
      expect(embeddings.embedQueryFeatures(question, weights)).toEqual(await embeddings.embedQuery(question));
    }
  });
});

describe('the vector store (an hnswlib flat index)', () => {
  const embeddings = new HashingEmbeddings({ dimension: 64 });
  const vectors = PASSAGES.map((p) => embeddings.vectorize(p, false));

  it('reads back every vector bit for bit, by position', async () => {
    const file = path.join(await scratch(), 'vectors.hnswlib');
    await writeVectorStore(file, vectors, 64);
    const bytes = await readFile(file);
    expect(readVectorStore(bytes, 64, 3)).toEqual(vectors);
    expect(() => readVectorStore(bytes, 64, 2)).toThrow(/3 vectors of 64 dimensions, expected 2 of 64/u);
    expect(() => readVectorStore(bytes, 32, 3)).toThrow(/expected 3 of 32/u);
    expect(() => readVectorStore(bytes.subarray(0, bytes.length - 100), 64, 3)).toThrow(/expected 3 of 64/u);
  });

  it('is a file hnswlib itself searches, finding what the scan finds', async () => {
    const file = path.join(await scratch(), 'vectors.hnswlib');
    const many = Array.from({ length: 200 }, (_, i) => embeddings.vectorize(`${PASSAGES[i % 3]}第${i}条`, false));
    await writeVectorStore(file, many, 64);
    const native = await flatSearcher(file, 64);
    const scan = VectorScan.fromRows(many, 64);
    for (const question of ['快件丢失投诉', '收寄验视制度', '联合监管机制']) {
      const query = Array.from(embeddings.vectorize(question, false));
      const expected = native(query, 5);
      const hits = scan.search(query, 5);
      expect(hits.map((h) => h.position).sort()).toEqual(expected.map((h) => h.position).sort());
      for (const hit of hits) expect(hit.similarity).toBeCloseTo(expected.find((h) => h.position === hit.position)!.similarity, 5);
    }
  });

  it('holds no vector for an empty corpus, and hnswlib reads that too', async () => {
    const file = path.join(await scratch(), 'vectors.hnswlib');
    await writeVectorStore(file, [], 64);
    expect(readVectorStore(await readFile(file), 64, 0)).toEqual([]);
    expect((await flatSearcher(file, 64))(Array.from(vectors[0]!), 5)).toEqual([]);
  });

  it('fails the write when the file cannot be created', async () => {
    await expect(writeVectorStore(path.join(await scratch(), 'missing-folder', 'vectors.hnswlib'), vectors, 64)).rejects.toThrow();
  });
});
