import { describe, expect, it } from 'vitest';
import { askedKinds } from '../src/answer/answerability.ts';
import { rerank } from '../src/answer/rerank.ts';
import { asksPersonalSanction, sanctionsStaff } from '../src/answer/staffSanctions.ts';
import type { QueryTerm } from '../src/answer/terms.ts';
import type { DocumentMetadata } from '../src/corpus/types.ts';
import type { StoredChunk } from '../src/index/store.ts';
import type { SearchHit } from '../src/retrieve/hybrid.ts';
import { normalize } from '../src/text/normalize.ts';

const asks = (question: string) => asksPersonalSanction(normalize(question), askedKinds(normalize(question)));

describe('a sanction on the employee himself', () => {
  it.each<[string, boolean]>([
    ['快递员个人把客户信息卖了，罚他多少', true],
    ['快递员本人会被罚款吗', true],
    // The company's fine, and a person's own data, are something else.
    ['快递公司泄露客户信息罚多少', false],
    ['个人信息泄露了公司罚多少', false],
  ])('%s asks for it: %s', (question, asked) => {
    expect(asks(question)).toBe(asked);
  });

  it.each<[string, boolean]>([
    ['邮政企业、快递企业从业人员有前款规定的违法行为，尚不构成犯罪的，由邮政管理部门责令改正，没收违法所得，并处五千元以上一万元以下的罚款。', true],
    ['邮政企业、快递企业违法提供用户使用邮政服务或者快递服务的信息，并处一万元以上五万元以下的罚款', false],
    ['快递从业人员应当遵守道路交通安全法律法规', false],
  ])('%s fines staff: %s', (text, fines) => {
    expect(sanctionsStaff(normalize(text))).toBe(fines);
  });

  it("ranks the passage fining staff first when the employee's own fine is asked, and leaves the order alone otherwise", () => {
    const document = { id: 'youzhengfa', title: '中华人民共和国邮政法', scope: '全国' } as DocumentMetadata;
    const chunk = (id: string, text: string): StoredChunk => ({ id, docId: document.id, ordinal: 0, text, context: [], article: id });
    const hit = (c: StoredChunk): SearchHit => ({ chunk: c, document, score: 1, lexical: 1, dense: 0 });
    const firm = chunk('第七十六条', '第七十六条 快递企业违法提供用户的信息的，由邮政管理部门责令改正，并处一万元以上五万元以下的罚款。');
    const staff = chunk('第七十六条第二款', '快递企业从业人员有前款规定的违法行为的，并处五千元以上一万元以下的罚款。');
    const term = (word: string): QueryTerm => ({ term: word, weight: 1, idf: 1, bigrams: [], focus: false, matter: true, frame: false, alternatives: [], told: false, loose: false, unknown: false });
    const terms = [term('快递企业'), term('罚款')];
    const order = (staffAsked: boolean) => rerank([hit(firm), hit(staff)], terms, [], ['penalty'], { namedArticles: new Set(), namedDocuments: new Set(), staffAsked }).map((h) => h.chunk.id);
    expect(order(true)).toEqual(['第七十六条第二款', '第七十六条']);
    expect(order(false)).toEqual(['第七十六条', '第七十六条第二款']);
  });
});
