import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articlesExtendedToCouriers } from '../src/answer/courierRules.ts';
import { answerQuestion } from '../src/answer/prepare.ts';
import { loadIndex, type SearchIndex } from '../src/index/loadIndex.ts';
import { buildIndex, tempDir, testEmbeddings } from './helpers.ts';

// A postal rule on compensation for 给据邮件 that names which of its rules bind courier firms (not
// that one), and a courier rule on compensation, written for these tests in the shapes of real ones.
const FIXTURES = path.resolve('tests/fixtures/courier-rules');

describe('which rules on the post bind courier firms', () => {
  it.each<[string, string[]]>([
    [
      '第五十九条 本法第六条、第二十六条第一款、第三十六条关于邮政企业及其从业人员的规定，适用于快递企业及其从业人员；第十一条关于邮件处理场所的规定，适用于快件处理场所；第四十五条第二款关于邮件的损失赔偿的规定，适用于快件的损失赔偿。',
      ['第六条', '第二十六条', '第三十六条', '第十一条', '第四十五条'],
    ],
    ['第五十条 本条例第二十九条、第三十四条关于邮政企业及其从业人员的规定，适用于快递企业及其从业人员。', ['第二十九条', '第三十四条']],
    // A provision citing articles without extending them extends nothing.
    ['第四十一条 违反本条例第二十六条规定的，由邮政管理部门责令改正。', []],
  ])('%s extends %j', (text, articles) => {
    expect(articlesExtendedToCouriers(text)).toEqual(articles);
  });
});

describe('a courier question answered from the rules that bind couriers', () => {
  let index: SearchIndex;
  let cleanup = async () => {};
  beforeAll(async () => {
    const temp = await tempDir('courier-rules-');
    cleanup = temp.cleanup;
    await buildIndex([FIXTURES], path.join(temp.dir, 'index'));
    index = await loadIndex(path.join(temp.dir, 'index'), testEmbeddings());
  });
  afterAll(() => cleanup());

  it("quotes the courier rule, though the post's compensation for 给据邮件, which its law does not extend to couriers, shares more words", async () => {
    const answer = await answerQuestion(index, '快递丢了没保价，按实际损失赔偿吗');
    expect(answer.citations.map((c) => c.docId)).toContain('kuaidi-peichang-guiding');
    expect(answer.answer).toContain('对未保价的快件，依照民事法律的有关规定确定赔偿责任');
  });

  it("does not quote the post's compensation beside it: that rule binds another trade", async () => {
    const answer = await answerQuestion(index, '快递丢了没保价，按实际损失赔偿吗');
    expect(answer.citations.map((c) => c.docId)).not.toContain('youzheng-fuwu-tiaoli');
  });

  it('nor a clause of it that names no post (挂号信件…), quoted in the sentence that does', async () => {
    const answer = await answerQuestion(index, '寄快递没保价丢了，快递公司说只赔运费的三倍，到底按什么赔？');
    expect(answer.citations.map((c) => c.docId)).not.toContain('youzheng-fuwu-tiaoli');
  });

  it('still answers the post office from the postal rule', async () => {
    const answer = await answerQuestion(index, '邮局寄的挂号包裹丢了没保价，按实际损失赔偿吗');
    expect(answer.citations[0]?.docId).toBe('youzheng-fuwu-tiaoli');
    expect(answer.answer).toContain('按照实际损失赔偿');
  });
});
