import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fineAmounts } from '../src/answer/fines.ts';
import { type Summary, summarizeDocument, summarizeTopic } from '../src/answer/summarize.ts';
import { excerpt } from '../src/answer/summaryText.ts';
import { loadIndex, type SearchIndex } from '../src/index/loadIndex.ts';
import { buildIndex, tempDir, testEmbeddings } from './helpers.ts';

// An invented regulation and meeting report (never text from ../shared: see its SOURCES.md).
const FIXTURES = path.resolve('tests/fixtures/summaries');
const REGULATION = 'qingshi-jidi-tiaoli';
const NOTICE = 'qingshi-huiyi-tongbao';

let index: SearchIndex;
let indexDir: string;
let cleanup = async () => {};
beforeAll(async () => {
  const t = await tempDir('sum-structure-');
  cleanup = t.cleanup;
  indexDir = path.join(t.dir, 'index');
  await buildIndex([FIXTURES], indexDir);
  index = await loadIndex(indexDir, testEmbeddings());
});
afterAll(() => cleanup());

/** The points as a reader sees them: the text between the [n] markers. */
const points = (s: Summary) =>
  s.summary
    .split(/\[\d+\]/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
/** The article each point cites, in the order the points are read. */
const citedArticles = (s: Summary) => [...s.summary.matchAll(/\[(\d+)\]/gu)].map((m) => s.citations[Number(m[1]) - 1]!.location?.match(/第[一二三四五六七八九十]+条/u)?.[0]);

describe('a regulation summary follows its structure', () => {
  it('opens with the purpose and the scope, then one obligation per chapter, then the range of fines', () => {
    const summary = summarizeDocument(index, '青石市寄递服务条例');
    expect(summary.target).toBe(REGULATION);
    const [purpose, scope] = points(summary);
    expect(purpose).toBe('为了规范本市寄递服务，保障寄递安全，保护用户合法权益，制定本条例。');
    expect(scope).toBe('本市行政区域内的寄递业务经营活动及其监督管理，适用本条例。');
    const articles = citedArticles(summary);
    expect(articles.slice(0, 2)).toEqual(['第一条', '第二条']);
    // One point from each body chapter, chosen among its obligations (应当, 不得) rather than its permissions.
    expect(articles.filter((a) => ['第四条', '第五条', '第六条'].includes(a!))).toHaveLength(1);
    expect(articles).not.toContain('第六条');
    expect(articles.filter((a) => ['第七条', '第八条', '第九条'].includes(a!))).toHaveLength(1);
    // The lowest fine (二千元) and the highest (8万元), each from the article stating it; nothing from 附则.
    expect(articles.slice(-2)).toEqual(['第十条', '第十一条']);
    // 逾期不改正的 continues the sentence before it, so both are quoted.
    expect(summary.summary).toContain('由邮政管理部门责令限期改正。逾期不改正的，可以处二千元以下的罚款。');
    expect(summary.summary).toContain('处3万元以上8万元以下的罚款');
    expect(articles).not.toContain('第三条');
    expect(articles).not.toContain('第十二条');
    expect(new Set(articles).size).toBe(articles.length);
    // An outline: one point a line, each ending with its citation.
    expect(summary.summary.split('\n').every((line) => /\[\d+\]$/u.test(line))).toBe(true);
  });

  it('quotes whole sentences without their article numbers', () => {
    for (const p of points(summarizeDocument(index, REGULATION))) {
      expect(p).not.toMatch(/^第[一二三四五六七八九十]+条/u);
      expect(p).toMatch(/[。…]$/u);
    }
  });
});

describe('a notice or meeting report summary', () => {
  it('says who met when, then what was required, with the speaker of each requirement', () => {
    const summary = summarizeDocument(index, NOTICE);
    const [lead, ...rest] = points(summary);
    expect(lead).toBe('5月12日，青石市邮政管理局召开全市寄递渠道安全工作会议，部署汛期寄递安全和快递包装治理工作。');
    expect(rest.length).toBeGreaterThanOrEqual(2);
    expect(rest.length).toBeLessThanOrEqual(3);
    expect(summary.summary).toContain('青石市邮政管理局要求，各寄递企业落实收寄验视');
    // What was required, one point per bureau, rather than what was reported (会议通报了…).
    expect(summary.summary).not.toContain('会议通报了');
    for (const p of rest) expect(p).toMatch(/要求|强调|必须/u);
    for (const p of rest) expect(p).not.toMatch(/^(?:要求|强调)[，,]/u);
  });
});

describe('a topic summary', () => {
  it('starts every sentence cleanly: no leading punctuation, no clause cut loose from its subject', async () => {
    const summary = await summarizeTopic(index, '寄递企业收寄验视和汛期安全');
    expect(summary.answered).toBe(true);
    const read = points(summary);
    expect(read.length).toBeGreaterThanOrEqual(3);
    for (const p of read) {
      expect(p).toMatch(/^[\p{Script=Han}\d]/u);
      expect(p).not.toMatch(/^(?:要求|强调|指出)[，,]|^第[一二三四五六七八九十]+条|^[（(][一二三四五六七八九十]+[)）]/u);
    }
    expect(summary.summary).toContain('青石市邮政管理局要求，');
  });

  it('quotes a sentence that continues another (逾期不改正的，…) together with it', async () => {
    const summary = await summarizeTopic(index, '逾期不改正的罚款');
    expect(summary.summary).toContain('寄递企业违反本条例第四条规定的，由邮政管理部门责令限期改正。逾期不改正的，可以处二千元以下的罚款。');
    for (const p of points(summary)) expect(p).not.toMatch(/^(?:逾期|情节严重)/u);
  });
});

describe('cutting points', () => {
  it('reads fine amounts in Arabic and Chinese numerals, and only fines', () => {
    expect(fineAmounts('并处五千元以上一万元以下的罚款')).toEqual([5000, 10_000]);
    expect(fineAmounts('处1.5万元以上二十万元以下的罚款')).toEqual([15_000, 200_000]);
    expect(fineAmounts('资费标准为每件十二元')).toEqual([]);
  });

  it('cuts between clauses only, keeping the opening clause and the one asked for', () => {
    const sentence = '经营快递业务的企业有下列行为之一的，由邮政管理部门责令改正，没收违法所得，并处“五万元以上、十万元以下”的罚款，并可以责令停业整顿：';
    expect(excerpt(sentence, 200)).toBe(`${sentence.slice(0, -1)}…`);
    expect(excerpt(sentence, 50, (c) => c.includes('十万元'))).toBe('经营快递业务的企业有下列行为之一的，由邮政管理部门责令改正…并处“五万元以上、十万元以下”的罚款…');
  });
});
