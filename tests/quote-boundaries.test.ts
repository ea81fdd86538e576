import { describe, expect, it } from 'vitest';
import { citedItem, bestClauses, referredSentence } from '../src/answer/quoteClauses.ts';
import type { QueryTerm } from '../src/answer/terms.ts';
import { normalize } from '../src/text/normalize.ts';

const term = (word: string): QueryTerm => {
  const t = normalize(word);
  const bigrams = [...t].slice(0, -1).map((c, i) => `${c}${[...t][i + 1]}`);
  return { term: t, weight: 1, bigrams, focus: false, matter: true, frame: false, alternatives: [], idf: 1, unknown: false, told: false, loose: false };
};

/** Long sentences cut to their best clauses: [name, sentence, question words, limit, quote]. */
const CASES: [string, string, string[], number, string][] = [
  [
    'never ends inside an open quotation',
    '会议强调，到2020年基本實現“鄉鄉有網點，村村通快遞”的目标，各地要加大投入，确保进度。',
    ['鄉鄉有網點'],
    30,
    '…到2020年基本實現“鄉鄉有網點，村村通快遞”的目标…',
  ],
  [
    'never starts inside a quoted name',
    '各地要落实“收寄验视，实名收寄，过机安检”三项制度，严防禁寄物品流入寄递渠道，确保安全。',
    ['过机安检', '三项制度'],
    40,
    '各地要落实“收寄验视，实名收寄，过机安检”三项制度…',
  ],
  [
    'an ellipsis before only when leading clauses are left out',
    '为了加强快递市场管理，保障快递安全，经营快递业务的企业应当在七日内答复投诉人。',
    ['七日', '答复'],
    24,
    '…经营快递业务的企业应当在七日内答复投诉人。',
  ],
  [
    'the clause mark before a cut is dropped, not left before the ellipsis',
    '企业应当建立投诉处理制度；对投诉应当在七日内答复，逾期未答复的，由邮政管理部门责令改正，并处罚款。',
    ['投诉处理制度'],
    14,
    '企业应当建立投诉处理制度…',
  ],
];

describe('quote boundaries', () => {
  it.each(CASES)('%s', (_name, sentence, words, max, expected) => {
    expect(bestClauses(sentence, words.map(term), max)).toBe(expected);
  });

  it.each(CASES)('%s: quotation marks and brackets stay balanced', (_name, sentence, words, max) => {
    const quote = bestClauses(sentence, words.map(term), max);
    expect(quote.split('“').length).toBe(quote.split('”').length);
    expect(quote).not.toMatch(/[，,：:；;、]…$/u);
  });
});

describe('clauses holding what was asked', () => {
  it('keep the date a question asks for (哪天开的) though its clause shares no word with it', () => {
    const sentence = '9月28日，国家邮政局召开电视电话会议，认真学习贯彻中央领导同志有关重要指示批示精神，深入分析面临的形势任务。';
    const words = ['国家邮政局', '电视电话会议', '重要指示'].map(term);
    expect(bestClauses(sentence, words, 30)).not.toContain('9月28日');
    expect(bestClauses(sentence, words, 30, (text) => /\d+月\d+日/u.test(text))).toContain('9月28日');
  });

  it('follow the best clauses after an ellipsis when they lie too far on to quote whole (the fine of a long article)', () => {
    const sentence =
      '未取得快递业务经营许可经营快递业务，或者邮政企业以外的单位或者个人经营由邮政企业专营的信件寄递业务的，由邮政管理部门或者工商行政管理部门责令改正，没收违法所得，并处五万元以上十万元以下的罚款；情节严重的，并处十万元以上二十万元以下的罚款。';
    const quote = bestClauses(sentence, ['未取得快递业务经营许可'].map(term), 30, (text) => /元/u.test(text));
    expect(quote).toBe('未取得快递业务经营许可经营快递业务…并处五万元以上十万元以下的罚款…');
  });
});

describe('a provision citing 前款', () => {
  const article =
    '第七条 快递企业未查验寄件人身份信息的，处一万元以上五万元以下的罚款。情节严重的，责令停业整顿。\n快递企业从业人员有前款规定的违法行为的，处五千元以下的罚款。\n邮政管理部门应当公布前款规定。';
  it.each([
    [
      'is read with the first sentence of the paragraph before it',
      '快递企业从业人员有前款规定的违法行为的，处五千元以下的罚款。',
      '第七条 快递企业未查验寄件人身份信息的，处一万元以上五万元以下的罚款。',
    ],
    ['only when it names a deed by it (有前款, 违反前款)', '邮政管理部门应当公布前款规定。', undefined],
    ['never in the first paragraph', '第七条 快递企业未查验寄件人身份信息的，处一万元以上五万元以下的罚款。', undefined],
  ])('%s', (_, sentence, referred) => {
    expect(referredSentence(article, sentence, 110, [term('罚款')])).toBe(referred);
  });
});

describe('the item a penalty cites', () => {
  const duty = '第十五条 快件收派人员驾驶快递专用电动三轮车，应当遵守下列规定：\n（一）按照规定使用号牌；\n（二）佩戴安全头盔；\n（三）不得搭载其他人员。';
  it.each<[string, string | undefined]>([
    ['违反本条例第十五条第一款第二项规定的，对快件收派人员可以处二十元以上五十元以下罚款。', '（二）佩戴安全头盔；'],
    ['违反本条例第十五条第三项规定的，处五十元以上二百元以下罚款。', '（三）不得搭载其他人员。'],
    // A penalty citing the whole article names no item.
    ['违反本条例第十五条规定的，由邮政管理机构责令改正。', undefined],
  ])('%s reads with %s', (sentence, item) => {
    expect(citedItem(sentence, duty)).toBe(item);
  });
});
