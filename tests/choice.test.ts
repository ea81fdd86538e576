import { describe, expect, it } from 'vitest';
import { unsettledAlternatives, withoutOtherAlternatives } from '../src/answer/choice.ts';
import { uncountedThings } from '../src/answer/countedThings.ts';
import { queryTerms } from '../src/answer/terms.ts';
import { Bm25Index } from '../src/index/bm25.ts';
import { expandQuestion } from '../src/text/features.ts';
import { normalize } from '../src/text/normalize.ts';
import { Thesaurus } from '../src/text/thesaurus.ts';

const words = ['覆盖率', '行政村', '乡镇', '公司', '费用', '快递员', '举报', '奖励', '驿站', '大家'];
const bm25 = Bm25Index.fromCounts(
  words,
  words.map((_, id) => ({ terms: Int32Array.from([id]), tfs: Uint16Array.from([1]), length: 1 })),
);

describe('an either-or question (是A还是B)', () => {
  it.each([
    ['覆盖率是按行政村算还是按乡镇算？', '今年覆盖率力争达到60%', ['行政村', '乡镇']],
    ['覆盖率是按行政村算还是按乡镇算？', '按乡镇计算覆盖率', []],
    ['核酸费用是公司出还是自己出？', '费用由公司承担', []],
    ['快递员还是没来怎么办', '快递员应当按约定投递', []],
  ])('%s, quoting %s, leaves unsettled %j', (question, quotes, unsettled) => {
    const q = normalize(question);
    expect(unsettledAlternatives(q, queryTerms(expandQuestion(q, new Thesaurus([])), bm25), normalize(quotes))).toEqual(unsettled);
  });
});

describe('the terms an either-or answer must cover', () => {
  const covered = (question: string, quotes: string) => {
    const q = normalize(question);
    return withoutOtherAlternatives(q, queryTerms(expandQuestion(q, new Thesaurus([])), bm25), normalize(quotes)).map((t) => t.term);
  };

  it('leaves out the alternative the quotes rule out once they name the other', () => {
    expect(covered('覆盖率是按行政村算还是按乡镇算？', '按乡镇计算覆盖率')).not.toContain('行政村');
    expect(covered('覆盖率是按行政村算还是按乡镇算？', '按乡镇计算覆盖率')).toContain('乡镇');
  });

  it('keeps both when the quotes name neither', () => {
    expect(covered('覆盖率是按行政村算还是按乡镇算？', '今年覆盖率力争达到60%')).toEqual(expect.arrayContaining(['行政村', '乡镇']));
  });
});

describe('a counted thing (多少举报奖励)', () => {
  it.each([
    ['举报快递员能拿到多少举报奖励？', '并处5万元以上10万元以下的罚款', ['奖励']],
    ['举报快递员能拿到多少举报奖励？', '对举报人给予奖励', []],
    ['县里有几个驿站？', '快递末端网点应当备案', ['驿站']],
    // A count of days or yuan is the answer itself; what follows the unit is not counted.
    ['快递公司歇业要提前多少天通知大家？', '提前10日向社会公告', []],
    ['快递员罚多少钱？', '处五千元以下的罚款', []],
  ])('%s, quoting %s, leaves uncounted %j', (question, quotes, uncounted) => {
    const q = normalize(question);
    expect(uncountedThings(q, queryTerms(expandQuestion(q, new Thesaurus([])), bm25), normalize(quotes))).toEqual(uncounted);
  });
});
