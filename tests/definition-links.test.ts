import { describe, expect, it } from 'vitest';
import { definedTerms, withDefinitions } from '../src/answer/definitionLinks.ts';
import type { DocumentMetadata } from '../src/corpus/types.ts';
import type { StoredChunk } from '../src/index/store.ts';
import type { SearchHit } from '../src/retrieve/hybrid.ts';
import { servedChunks } from './helpers.ts';

describe('the terms a passage defines', () => {
  it.each([
    ['第八十四条 本法下列用语的含义：\n快递，是指在承诺的时限内快速完成的寄递活动。\n邮件，是指邮政企业寄递的信件、包裹等。', ['快递', '邮件']],
    ['第二条 本条例所称邮政普遍服务，是指按照国家规定的业务范围、服务标准…', ['邮政普遍服务']],
    ['（一）快递末端網點，是指快递企业设立的固定场所；', ['快递末端网点']],
    // Naming a term is not defining it.
    ['第五条 快递企业应当按照约定投递快件，不得擅自投放到智能快件箱。', []],
  ])('%s → %j', (text, terms) => {
    expect(definedTerms(text)).toEqual(terms);
  });
});

describe('passages defining the asked term', () => {
  const document = { id: 'youzhengfa', title: '中华人民共和国邮政法', scope: '全国' } as DocumentMetadata;
  const chunk = (id: string, article: string, text: string): StoredChunk => ({ id, docId: document.id, ordinal: 0, text, context: [], article });
  const definitions = chunk('d', '第八十四条', '第八十四条 本法下列用语的含义：快递，是指在承诺的时限内快速完成的寄递活动。');
  const duty = chunk('a', '第五十二条', '第五十二条 申请快递业务经营许可，应当具备下列条件');
  const other = chunk('b', '第五十三条', '第五十三条 申请快递业务经营许可的，应当向邮政管理机构提出申请');
  const hit = (c: StoredChunk): SearchHit => ({ chunk: c, document, score: 1, lexical: 1, dense: 0 });
  const documents = new Map([[document.id, document]]);

  it('puts the passage defining a term the question names first, even when retrieval missed it', () => {
    const ranked = withDefinitions([hit(duty), hit(other)], '邮政法里的快递到底指什么', servedChunks([duty, other, definitions]), documents);
    expect(ranked.map((h) => h.chunk.id)).toEqual(['d', 'a', 'b']);
  });

  it('leaves the ranking alone when the question names no defined term', () => {
    const ranked = withDefinitions([hit(duty), hit(other)], '经营许可指什么', servedChunks([duty, other, definitions]), documents);
    expect(ranked.map((h) => h.chunk.id)).toEqual(['a', 'b']);
  });
});
