import { cp, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerJson } from '../src/answer/answerJson.ts';
import { articleReferences } from '../src/answer/articleReference.ts';
import { namesLaw, unheldLaws } from '../src/answer/unheldLaws.ts';
import { namedDocuments } from '../src/answer/namedDocuments.ts';
import { answerQuestion } from '../src/answer/prepare.ts';
import { parseKeywords } from '../src/answer/rewrite.ts';
import { hybridSearch } from '../src/retrieve/hybrid.ts';
import type { Answer } from '../src/answer/types.ts';
import { formatAnswer } from '../src/cli/formatAnswer.ts';
import { normalize } from '../src/text/normalize.ts';
import { loadIndex, type SearchIndex } from '../src/index/loadIndex.ts';
import { buildIndex, SEED_CORPUS, tempDir, testEmbeddings } from './helpers.ts';

// Three small regulations written for these tests in the shapes of real ones, a national rule, its
// implementing rules and a provincial rule restating part of it, indexed with the seed news articles.
const FIXTURES = path.resolve('tests/fixtures/everyday');
const NATIONAL_RULE = 'kuaidi-fuwu-banfa';
const PROVINCIAL_RULE = 'zhejiang-moduan-tiaoli';
const IMPLEMENTING_RULES = 'kuaidi-fuwu-banfa-shishi-xize';

let index: SearchIndex;
let report: Awaited<ReturnType<typeof buildIndex>>;
let cleanup = async () => {};
beforeAll(async () => {
  const temp = await tempDir('everyday-');
  cleanup = temp.cleanup;
  const corpus = path.join(temp.dir, 'corpus');
  await cp(FIXTURES, corpus, { recursive: true });
  // A moderator's synonyms, one line of them broken.
  await writeFile(path.join(corpus, 'synonyms.txt'), '# 本单位的说法\n取件码 => 取件信息\n坏行, , 没有词\n');
  report = await buildIndex([corpus, SEED_CORPUS], path.join(temp.dir, 'index'));
  index = await loadIndex(path.join(temp.dir, 'index'), testEmbeddings());
});
afterAll(() => cleanup());

const ask = (question: string) => answerQuestion(index, question);
const citedDocs = (answer: Answer) => answer.citations.map((c) => c.docId);

describe('everyday wording', () => {
  it('answers colloquial words with the statute they stand for (快递员, 包裹, 快递柜)', async () => {
    const answer = await ask('快递员没问过我就把包裹塞进快递柜，这样合规吗？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('智能快件箱');
    expect(citedDocs(answer)[0]).toBe(NATIONAL_RULE);
  });

  it('gives an amount for 罚多少 and a time limit for 几天内', async () => {
    const fine = await ask('快递公司不查寄件人身份证，会被罚多少钱？');
    expect(fine.answered).toBe(true);
    expect(fine.answer).toMatch(/一万元以上五万元以下/u);
    const reply = await ask('包裹丢了投诉以后，快递公司几天内要给答复？');
    expect(reply.answered).toBe(true);
    expect(reply.answer).toContain('七日内');
  });

  it('answers a question after a story full of detail no article names (衣服被压坏了，拖了好几天)', async () => {
    const story = await ask('上个月在网上买的衣服被压坏了，拖了好几天也没人理，快递公司几天内要给答复？');
    expect(story.answered).toBe(true);
    expect(story.answer).toContain('七日内');
    expect(citedDocs(story)[0]).toBe(NATIONAL_RULE);
  });

  it('answers the sentence a long story leads to, judged on its own', async () => {
    const answer = await ask('我妈上周从老家给我寄了两箱土特产，路上被摔得稀烂，快递公司拖着不处理，我打了好几次电话都没人管。快件损毁了，快递公司多少天内必须答复？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('七日内予以答复');
    // Told in clauses of one long sentence, the last clause asking about the post decides too.
    const told = await ask('我妈上周从老家给我寄了两箱土特产，路上被摔得稀烂，快递公司拖着不处理，我打了好几次电话都没人管，快件损毁了快递公司多少天内必须答复？');
    expect(told.answer).toContain('七日内予以答复');
    // A country the story names is where the parcel went, not what is asked about.
    const abroad = await ask('我给在加拿大读书的女儿寄了两箱土特产，路上被摔得稀烂，快递公司拖着不处理。快件损毁了，快递公司多少天内必须答复？');
    expect(abroad.answer).toContain('七日内予以答复');
  });

  it('quotes a clause in its whole sentence: what follows a ； depends on what precedes it', async () => {
    const answer = await ask('快递员能直接把我的包裹放进快递柜吗？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('不得擅自将快件投放到智能快件箱；使用智能快件箱投递的，应当征得收件人同意。');
  });

  it("quotes a list's lead with its best item, not alone", async () => {
    const answer = await ask('浙江快递员开电动三轮车能顺路捎人吗？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('还应当遵守下列规定：');
    expect(answer.answer).toContain('（二）不得搭载其他人员');
  });

  it('quotes a raised penalty with the penalty it raises, once', async () => {
    const answer = await ask('快递公司会因为什么被责令停业整顿？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('处一万元以上五万元以下的罚款。情节严重的，处五万元以上十万元以下的罚款');
    expect(answer.answer.split('情节严重').length).toBe(2);
  });

  it('answers 哪些 with the sentence listing them, though it shares no other word with the question', async () => {
    const answer = await ask('快递员收件时认哪些证件？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('有效身份证件包括居民身份证、护照、港澳居民来往内地通行证。');
  });

  it("quotes the paragraph fining a company's staff (有前款规定的违法行为) for what an employee did", async () => {
    // The paragraph names its deed only through 前款: it is read with the paragraph before it.
    const answer = await ask('快递员不查寄件人身份证就收件，他本人罚多少？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('快递企业从业人员有前款规定的违法行为的，由邮政管理部门责令改正，处五千元以下的罚款。');
  });

  it("leads with the staff's fine when asked what the employee himself is fined (他个人), not the company's", async () => {
    const answer = await ask('快递员没查身份证，他个人会被罚多少钱？');
    expect(answer.answer.startsWith('快递企业从业人员有前款规定的违法行为的')).toBe(true);
    expect(answer.answer).not.toContain('一万元以上五万元以下');
  });

  it("quotes a list item with its lead's whole sentence: the fine, and the clause raising it", async () => {
    const answer = await ask('浙江的快递驿站开了没去备案，会被罚多少钱？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('可以处五千元以下的罚款；情节严重的，处五千元以上二万元以下的罚款：');
    expect(answer.answer).toContain('（一）未按照规定办理备案手续的；');
    // Not again as a lead of its own.
    expect(answer.answer.split('情节严重').length).toBe(2);
  });

  it('answers 行吗 from the duty a penalty provision enforces, when the penalty matched the words best', async () => {
    const answer = await ask('在快递营业场所门前堆放杂物，妨碍别人取件，这样行吗？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('任何单位和个人不得有下列行为：');
    expect(answer.answer).toContain('（二）在快递营业场所门前堆放杂物。');
  });

  it('answers a duty from the article stating it, not from the fine restating it, when no sanction is asked', async () => {
    const answer = await ask('快递公司下个月停止经营，要提前多久向社会公告？');
    expect(answer.answer).toContain('应当提前十日向社会公告');
    expect(answer.answer).not.toContain('罚款');
    // Asked what follows, the fine is the answer.
    expect((await ask('快递公司停止经营没提前向社会公告，会被罚吗？')).answer).toContain('罚款');
  });

  it("quotes a named province's own value beside the national rule's", async () => {
    const answer = await ask('浙江的快递公司停止经营快递业务，要提前几天向社会公告？');
    expect(answer.answer).toContain('提前十日向社会公告');
    expect(answer.answer).toContain('提前十五日告知用户');
    expect(citedDocs(answer)).toEqual(expect.arrayContaining([NATIONAL_RULE, PROVINCIAL_RULE]));
  });

  it("answers a question about the post office from the post office's provision, not the courier firms' one", async () => {
    const answer = await ask('在邮局寄的包裹丢了，投诉以后几天内要答复？');
    expect(answer.answer).toContain('十五日内予以答复');
    expect(answer.answer).not.toContain('七日内');
    // Asked about a courier firm, the courier firms' provision is the answer.
    expect((await ask('快递丢了，投诉以后几天内要答复？')).answer).toContain('七日内予以答复');
  });

  it('answers 怎么处理 with the provision dealing with the deed in its own verb (给予处分)', async () => {
    const answer = await ask('邮政管理部门的工作人员玩忽职守，怎么处理？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('依法给予处分');
  });

  it('answers from the rule stating the figure when the best-matching one leaves it to others', async () => {
    const answer = await ask('快递三轮车一趟最多能拉多重？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('（浙江省）第六条 快递专用电动三轮车载货质量不超过一百五十公斤');
    expect(citedDocs(answer)).toContain(PROVINCIAL_RULE);
  });

  it("lets the named province's own rule holding the time limit answer, though the national rule shares more words", async () => {
    const answer = await ask('浙江揽收时查验登记的寄件人有效身份证件，网点要存多久');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/^（浙江省）第十一条 .*保存一年以上/u);
  });

  it('quotes the sentence holding the time limit when another sentence of the article matched the words', async () => {
    const answer = await ask('在浙江开个快递驿站去备案，最多要等几天？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('五个工作日内');
    expect(citedDocs(answer)).toEqual([PROVINCIAL_RULE]);
  });

  it("completes a short answer with the next sentence of its article when it shares the question's words", async () => {
    const answer = await ask('开快递末端网点要去哪里备案');
    expect(answer.answer).toContain('向所在地邮政管理机构办理备案手续');
    expect(answer.answer).toContain('五个工作日内办结');
  });

  it('answers 承担什么责任 with the provision sanctioning the duty when the duty matched the words best', async () => {
    const answer = await ask('快递企业不查验寄件人身份要承担什么责任');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('一万元以上五万元以下的罚款');
  });

  it('answers 罚多少 about a deed with the provision penalizing the article that forbids it, quoting both', async () => {
    // 第四条 says only 违反本条例第二条规定的…; the deed is described in 第二条.
    const answer = await ask('浙江的快递员没问我就把件放进快递柜，罚多少钱？');
    expect(answer.answered).toBe(true);
    // With the clause that raises the fine: the heavier sanction is part of the answer.
    expect(answer.answer).toContain('二千元以下的罚款；情节严重的，处二千元以上一万元以下的罚款');
    expect(answer.citations.map((c) => c.location)).toEqual(expect.arrayContaining([expect.stringContaining('第四条'), expect.stringContaining('第二条')]));
  });

  it('declines to rank companies (哪家更快): no rule compares them', async () => {
    const answer = await ask('顺丰和京东哪家快递送得更快？');
    expect(answer.answered).toBe(false);
  });

  it('declines a statistic (去年一共罚了多少) when only provisions would be quoted: rules state none', async () => {
    for (const question of ['去年全省快递企业一共被罚了多少钱？', '2022年全国快递丢失了多少件？']) {
      expect((await ask(question)).answered, question).toBe(false);
    }
  });

  it('answers the rule when a company is only named, not asked about (顺丰把我的快递弄丢了)', async () => {
    const lost = await ask('顺丰把我的快递弄丢了，怎么赔？');
    expect(lost.answered).toBe(true);
    expect(citedDocs(lost)[0]).toBe(NATIONAL_RULE);
  });

  it('declines when the quotes never name the thing asked about (名字 in 叫什么名字), listing the provision', async () => {
    const answer = await ask('浙江的智能快件箱运营企业叫什么名字？');
    expect(answer.answered).toBe(false);
    expect(answer.declined).toBe('unnamed');
    expect(answer.answer).toBe('最接近的条文没有提到“名字”，语料中没有找到能回答这个问题的内容。');
    expect(answer.related[0]).toMatchObject({ docId: PROVINCIAL_RULE, location: expect.stringContaining('第三条') });
  });

  it('quotes for each question of a message asking two', async () => {
    const answer = await ask('快递员不问我就把包裹放快递柜，合规吗？寄件人不给身份证能寄吗？');
    expect(answer.answer).toContain('不得收寄');
    expect(answer.answer).toContain('不得擅自将快件投放到智能快件箱');
  });

  it('quotes for each question of a message asking two in clauses apart by a comma', async () => {
    const answer = await ask('快递员不问我就把包裹放快递柜合规吗，寄件人不给身份证能寄吗');
    expect(answer.answer).toContain('不得收寄');
    expect(answer.answer).toContain('不得擅自将快件投放到智能快件箱');
  });

  it('answers the part of a two-question message the corpus covers, saying which', async () => {
    const answer = await ask('快递丢了几天内答复？我老家县城的快递网点加盟费和房租一年大概多少？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('七日内');
    expect(answerJson(answer).answeredPart).toBe('快递丢了几天内答复');
    expect(formatAnswer(answer)).toMatch(/^（只回答了“快递丢了几天内答复”；其余问题语料中没有找到答案。）\n/u);
  });

  it('quotes a list item with the sentence that introduces the list', async () => {
    const answer = await ask('能不能寄一只小乌龟？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toMatch(/不得交寄下列物品：\[1\]（二）活的动物/u);
  });

  it('declines when the quoted text lacks what is asked (an amount), listing the related provision as no answer', async () => {
    const answer = await ask('快递柜超时的保管费一天收多少钱？');
    expect(answer).toMatchObject({ answered: false, declined: 'unsupported', citations: [] });
    expect(answer.related[0]).toMatchObject({ docId: PROVINCIAL_RULE, location: expect.stringContaining('第三条') });
    expect(answer.related[0]?.quote).toContain('保管费');
    expect(answerJson(answer).related).toEqual(answer.related);
    expect(formatAnswer(answer)).toMatch(/可能相关的条文（不是答案，仅供查阅）：\n {2}· （浙江省）/u);
  });

  it('declines a question about another country as outside a corpus of Chinese rules, still listing the related list item with its lead', async () => {
    const answer = await ask('在美国能不能寄活的动物？');
    expect(answer).toMatchObject({ answered: false, declined: 'foreign', citations: [] });
    expect(answer.answer).toMatch(/只收录中国的.*没有专门关于美国的规定/u);
    expect(answer.related[0]?.quote).toBe('寄件人不得交寄下列物品：……（二）活的动物；');
    expect((await ask('DHL丢件怎么赔？')).answer).toContain('没有专门关于DHL的规定');
  });

  it('never quotes adoption or effective-date lines unless asked when a rule took effect', async () => {
    // The order number and the year are in the history line only: it is still not an answer.
    const answer = await ask('国务院令第800号对快递企业提了什么要求？');
    expect(answer.answer).not.toMatch(/公布|起施行/u);
    const when = await ask('快递服务管理办法从什么时候起施行？');
    expect(when.answer).toContain('2019年5月1日');
  });

  it("lists the closest news for a declined question about the bureau's meetings and security work, though it names nothing postal", async () => {
    const answer = await ask('安全生产会上局长批评了哪家企业？');
    expect(answer).toMatchObject({ answered: false, declined: 'unsupported' });
    expect(answer.related.length).toBeGreaterThan(0);
    // Security work named as colleagues name it (十九大安保) is the bureau's too: answered, or declined with the news.
    expect((await ask('十九大安保那阵子值班有啥要求，要零报告吗？')).declined).not.toBe('off-topic');
  });

  it('answers from the article a question names by number, however the document and the number are written', async () => {
    for (const [question, docId, article] of [
      ['快递服务管理办法第3条说了什么？', NATIONAL_RULE, '第三条'],
      // Packed with the article before it, the article is still quoted from its own first sentence.
      ['细则第二条讲的啥', IMPLEMENTING_RULES, '第二条'],
      ['浙江快递末端条例第二条是什么意思', PROVINCIAL_RULE, '第二条'],
    ] as const) {
      const answer = await ask(question);
      expect(answer.citations[0]?.docId).toBe(docId);
      expect(answer.answer.replace(/^（浙江省）/u, '')).toMatch(new RegExp(`^${article} `, 'u'));
    }
  });

  it.each<[string, string[]]>([
    ['快递服务管理办法第3条说了什么', ['kuaidi-fuwu-banfa 第三条']],
    ['请问快递服务管理办法的第十条', ['kuaidi-fuwu-banfa 第十条']],
    ['我想问问快递服务管理办法的第十条', ['kuaidi-fuwu-banfa 第十条']],
    ['细则第二条', ['kuaidi-fuwu-banfa-shishi-xize 第二条']],
    ['浙江快递末端条例第二条', ['zhejiang-moduan-tiaoli 第二条']],
    // A bare 条例 or 办法, a vague number, a document the corpus does not hold: no article named.
    ['按照条例第5条', []],
    ['快递服务管理办法一条规定也没有吗', []],
    ['快递服务管理办法二十几条', []],
    ['快递市场管理办法第十条', []],
    ['数据安全法第21条', []],
  ])('reads %s as naming %j', (question, named) => {
    const references = articleReferences(normalize(question), index.documents, index.chunks);
    expect(references.map((r) => `${r.document.id} ${r.article}`)).toEqual(named);
  });

  it.each<[string, string[]]>([
    ['数据安全法对快递企业查验身份有什么要求', ['数据安全法']],
    ['根据快递市场管理办法，快递企业要查验身份吗', ['快递市场管理办法']],
    // Names the corpus holds, however written; and 法 that names no law.
    ['快递服务管理办法对查验身份有什么要求', []],
    ['浙江那个快递末端条例怎么说的', []],
    ['我想问问快递服务管理办法对查验身份有什么要求', []],
    ['查验身份会按什么法处罚？这种做法合法吗', []],
  ])('reads %s as naming laws the corpus does not hold: %j', (question, laws) => {
    expect(unheldLaws(normalize(question), index.documents)).toEqual(laws);
  });

  it('takes a law called by its words (快递法 for 快递暂行条例) as the one the corpus holds', () => {
    const titled = (id: string, title: string) => [id, { ...index.documents.get(NATIONAL_RULE)!, id, title }] as const;
    const documents = new Map([titled('kuaidi-zanxing-tiaoli', '快递暂行条例'), titled('youzhengfa', '中华人民共和国邮政法')]);
    expect(unheldLaws(normalize('快递法对实名有什么规定'), documents)).toEqual([]);
    expect(unheldLaws(normalize('快递市场管理办法对实名有什么规定'), documents)).toEqual(['快递市场管理办法']);
  });

  it('takes quotes naming a law by its words alone (依法给予治安管理处罚) as naming it', () => {
    expect(namesLaw('依法给予治安管理处罚', '治安管理处罚法')).toBe(true);
    expect(namesLaw('依照《中华人民共和国海关法》的规定处理', '海关法')).toBe(true);
    expect(namesLaw('应当对寄件人身份进行查验', '数据安全法')).toBe(false);
  });

  it('declines what a law the corpus does not hold says, though a rule it holds is on the matter', async () => {
    const answer = await ask('数据安全法对快递企业查验身份有什么要求');
    expect(answer).toMatchObject({ answered: false, declined: 'unnamed' });
    expect(answer.answer).toContain('数据安全法');
    expect((await ask('快递服务管理办法对查验身份有什么要求')).answered).toBe(true);
  });

  it.each<[string, string[]]>([
    ['快递服务管理办法的立法目的是什么', ['kuaidi-fuwu-banfa']],
    // A name inside a longer one is the longer one's.
    ['快递服务管理办法实施细则什么时候施行', ['kuaidi-fuwu-banfa-shishi-xize']],
    ['浙江那个快递末端条例是哪年通过的', ['zhejiang-moduan-tiaoli']],
    // The rule of a province without rules here, though a title fits the name; 规定 said of any rule.
    ['江苏有没有快递末端条例', []],
    ['寄快递有什么规定', []],
  ])('reads %s as naming the documents %j', (question, named) => {
    expect(namedDocuments(normalize(question), index.documents).map((d) => d.id)).toEqual(named);
  });

  it.each([
    ['快递服务管理办法立法目的是啥', NATIONAL_RULE, '为了规范快递服务，保障用户合法权益，制定本办法。'],
    ['快递服务管理办法什么时候生效', NATIONAL_RULE, '本办法自2019年5月1日起施行'],
    ['快递服务管理办法哪年公布的', NATIONAL_RULE, '2019年3月1日 国务院令第800号公布'],
    ['快递服务管理办法实施细则哪天起施行', IMPLEMENTING_RULES, '自2019年7月1日起施行'],
  ])('answers %s, a fact of the document as a whole, from %s alone', async (question, document, quote) => {
    const answer = await ask(question);
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain(quote);
    expect(new Set(citedDocs(answer))).toEqual(new Set([document]));
  });

  it('reads a question declined as typed again with its input-method slips mended (快第 for 快递)', async () => {
    const answer = await ask('快第公司停业要提前几天公告');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('应当提前十日向社会公告');
    expect(answer.question).toBe('快第公司停业要提前几天公告');
  });

  it('answers a point in a named document from the article on it, not from its framing', async () => {
    const answer = await ask('快递服务管理办法对查验身份有什么要求');
    expect(answer.answer).toContain('快递企业不得收寄');
    expect(answer.answer).not.toContain('为了规范快递服务');
  });

  it('says the document named has no article of that number, and lists what comes closest', async () => {
    const answer = await ask('快递服务管理办法第六十条讲的是什么');
    expect(answer).toMatchObject({ answered: false, declined: 'no-article' });
    expect(answer.answer).toContain('《快递服务管理办法》第六十条');
    // A document the corpus does not hold (快递市场管理办法) is no document of it with a missing article.
    expect((await ask('快递市场管理办法第十条对快递企业有什么要求')).declined).not.toBe('no-article');
  });

  it('answers a question typed in written Cantonese as its Mandarin reading, echoing it as typed', async () => {
    const question = '速遞員收件嗰陣要我出示身份證，我唔俾佢睇，佢係咪可以唔收？';
    const answer = await ask(question);
    expect(answer).toMatchObject({ question, answered: true });
    expect(answer.citations[0]?.docId).toBe(NATIONAL_RULE);
    expect(answer.answer).toContain('不得收寄');
  });

  it('says what it answers, without documents, for a question with nothing postal in it', async () => {
    const answer = await ask('离婚以后孩子的抚养权归谁？');
    expect(answer).toMatchObject({ answered: false, declined: 'off-topic', closest: [], related: [] });
    expect(answer.answer).toContain('邮政');
    expect((await ask('Where is my parcel?')).declined).toBe('not-chinese');
  });

  it('answers 算不算 with the sentence defining the term, over sentences sharing more of the words', async () => {
    const answer = await ask('快件收派人员把快件投递到智能快件箱，这个箱子算不算快递末端网点？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('快递末端网点，是指');
  });

  it('answers a question naming a year only from news of that year', async () => {
    // The 2020 meeting's news names who presided; the 2022 one is asked about.
    const meeting = await ask('2022年4月国家邮政局开的那个安全生产电视电话会议是谁主持的？');
    expect(meeting.answer).not.toContain('戴應軍');
    expect(meeting.citations.every((c) => c.date?.startsWith('2022'))).toBe(true);
    // A year written short (22年) is that year too.
    const short = await ask('22年4月国家邮政局开的那个安全生产电视电话会议是谁主持的？');
    expect(short.citations.every((c) => c.date?.startsWith('2022'))).toBe(true);
  });

  it('quotes the list of what the question asks for from the passage it answers from (有效身份证件包括…)', async () => {
    const answer = await ask('去快递点寄快递，要查验什么证件？');
    expect(answer.answer).toContain('查验寄件人或者其代理人的有效身份证件');
    expect(answer.answer).toContain('有效身份证件包括居民身份证、护照');
  });

  it('answers the countryside from the clause on the countryside, not the one on cities', async () => {
    const answer = await ask('乡下的快递网点一周至少营业几天');
    expect(answer.answer).toContain('在农村地区每周的营业时间应当不少于三天');
    expect(answer.answer).not.toContain('不少于六天');
  });

  it('quotes the line naming who chaired a meeting, however long the question around it', async () => {
    const chair = await ask('我们单位要写学习材料，2022年4月国家邮政局开的那个安全生产电视电话会议，是谁主持的来着？');
    expect(chair.answer).toContain('廖进荣主持会议');
    const deputy = await ask('2020年4月27日國家郵政局全行業電視電話會議是哪位副局長主持的？');
    expect(deputy.answer).toContain('戴應軍主持會議');
  });

  it("answers a year's meeting or notice only from news: no article tells what it decided", async () => {
    // The article on checking senders' identity matches every word but the meeting's.
    const answer = await ask('2023年国家邮政局工作会议对快递企业查验寄件人身份提了什么要求？');
    expect(answer.answered).toBe(false);
    // Nor a notice of that year.
    expect((await ask('2024年国家邮政局发了什么查验寄件人身份的通知？')).answered).toBe(false);
  });

  it('takes a time (疫情期间) next to the question word for when, not for a thing the quote must name', async () => {
    const answer = await ask('内蒙古邮管局疫情期间怎么解决最后一公里投递难？');
    expect(answer.answered).toBe(true);
    expect(answer.answer).toContain('最后一公里');
  });

  it('declines what a term outside the post covers when the passages only name it (违法实施行政处罚的)', async () => {
    const answer = await ask('哪些处罚行为算行政处罚？');
    expect(answer.answered).toBe(false);
    expect(answer.answer).not.toContain('违法实施行政处罚');
  });

  it('declines a question without a postal word when no passage holds its compound noun as written', async () => {
    // A seed directive says much about 个人信息; 政府信息 is another matter.
    expect(await ask('政府信息涉及个人隐私怎么办？')).toMatchObject({ answered: false, declined: 'off-topic' });
    // Punctuation inside the compound (十九大”安保) does not break it.
    const security = await ask('十九大安保期间值班有什么要求？');
    expect(security.answered).toBe(true);
    expect(normalize(security.answer)).toContain('值班');
    const directive = await ask('企业主体责任包括哪些？');
    expect(directive.answered).toBe(true);
    expect(normalize(directive.answer)).toContain('企业主体责任');
  });
});

describe('where a rule applies', () => {
  it('labels a provincial rule and prefers it when the question names its province', async () => {
    const answer = await ask('在浙江，快递员把快件放进快递柜要先征得我同意吗？');
    expect(answer.answered).toBe(true);
    expect(citedDocs(answer)[0]).toBe(PROVINCIAL_RULE);
    expect(answer.answer).toMatch(/^（浙江省）/u);
    expect(answer.citations[0]?.scope).toBe('浙江省');
  });

  it("never quotes one province's rule to a question about another", async () => {
    const answer = await ask('江苏的快递柜超过多久没取要收保管费？');
    expect(answer).toMatchObject({ answered: false, declined: 'no-local-rule' });
    expect(answer.answer).toContain('没有江苏省的地方性法规');
    expect(answer.answer).not.toContain('四十八小时');
    // The national rule binds there too.
    const national = await ask('在江苏，快递员把快件放进快递柜要先征得我同意吗？');
    expect(national.answered).toBe(true);
    expect(national.citations.map((c) => c.scope)).toEqual(['全国']);
  });

  it('declines a point only another province regulates rather than quote a national rule sharing its words', async () => {
    // 浙江's rule says to tell the pickup code; the national rule only asks for consent.
    const answer = await ask('江苏的快递员把快件放进智能快件箱以后要及时告知取件信息吗');
    expect(answer).toMatchObject({ answered: false, declined: 'no-local-rule' });
    // A point the national rule settles is still answered for 江苏.
    const national = await ask('江苏快递员把快件放智能快件箱要征得收件人同意吗');
    expect(national.answered).toBe(true);
  });

  it("answers what a province's own body did only from a document naming that province", async () => {
    const elsewhere = await ask('陕西省邮政管理局局长是谁？');
    expect(elsewhere).toMatchObject({ answered: false, declined: 'no-local-rule' });
    // 湖南 has no rules here but is in a seed's news: declined, it is not told the corpus has nothing on 湖南.
    const hunan = await ask('湖南的快递柜超过多久没取要收保管费？');
    expect(hunan).toMatchObject({ answered: false, declined: 'unsupported' });
    expect(hunan.answer).not.toContain('四十八小时');
    // The thing asked about (邮政管理局) is named by the heading the quote stands under.
    const innerMongolia = await ask('疫情时内蒙古邮政管理局怎么解决最后一公里投递难');
    expect(innerMongolia.answered).toBe(true);
    expect(innerMongolia.citations[0]?.location).toContain('内蒙古');
    // A news item on several provinces' bureaus: the answer comes from the section on the one asked about.
    const qinghai = await ask('青海省邮政管理局提出的“三个优先”具体是什么？');
    expect(normalize(qinghai.answer)).toContain('优先处理已产生订单');
    const named = await ask('湖南省邮政管理局是怎么解决快递企业缺口罩的？');
    expect(named.answered).toBe(true);
    expect(named.citations[0]?.title).toContain('湖南');
  });

  it("answers the nation's rules asked for only from national rules", async () => {
    const answer = await ask('国家规定快递柜超过多久没取要收保管费？');
    expect(answer.answered).toBe(false);
    expect(answer.answer).not.toContain('四十八小时');
  });

  it('prefers the national rule when no place is named', async () => {
    const answer = await ask('快件放进智能快件箱要征得收件人同意吗？');
    expect(citedDocs(answer)[0]).toBe(NATIONAL_RULE);
    expect(answer.citations[0]?.scope).toBe('全国');
  });

  it('quotes the sentence naming the thing asked about when another matched the question best', async () => {
    // 督导企业安排错峰返沪 matches best but names no 人员; the answer adds 做好返沪人员的管理 from the same section.
    const answer = await ask('疫情复工那会儿上海市邮政管理局对企业返沪人员有啥安排');
    expect(answer.answered).toBe(true);
    expect(normalize(answer.answer)).toContain('做好返沪人员的管理');
  });

  it('leads an answer from implementing rules with the law they implement', async () => {
    // The 细则's article matches best (转交其他快递企业); the law's binds above it and comes first.
    const answer = await ask('快递公司停止经营快递业务，没投递的快件转交别的快递吗');
    expect(citedDocs(answer)).toEqual([NATIONAL_RULE, IMPLEMENTING_RULES]);
    expect(answer.answer).toMatch(/^第十四条 .*\[1\]第二条 .*转交其他快递企业投递。\[2\]$/u);
  });

  it('leads a provincial answer with the national rule when no place is named', async () => {
    // 浙江's article matches best (事先, 取件信息); the national one binds everywhere and comes first.
    const answer = await ask('快递员把件放快递柜要事先征得我同意并告诉取件信息吗');
    expect(citedDocs(answer)).toEqual([NATIONAL_RULE, PROVINCIAL_RULE]);
    expect(answer.answer).toMatch(/^第五条 .*使用智能快件箱投递的，应当征得收件人同意。\[1\]（浙江省）第二条 /u);
  });
});

describe('the corpus folder synonyms file', () => {
  it('reports its bad lines in the reindex report and is never indexed as a document', () => {
    expect(report.warnings).toContainEqual({ path: expect.stringMatching(/synonyms\.txt$/u), message: expect.stringMatching(/第 3 行.*空词/u) });
    expect(index.documents.has('synonyms')).toBe(false);
  });

  it('takes effect with the definitions the regulations state', () => {
    expect(index.thesaurus.expand('取件码')[0]?.alternatives).toContain('取件信息');
    expect(index.thesaurus.expand('在中华人民共和国境内经营快递业务的企业').flatMap((e) => e.alternatives)).toContain('快递企业');
  });
});

describe('keywords a chat model gives for the question (QUERY_REWRITE)', () => {
  it.each([
    ['智能快件箱、征得收件人同意', ['智能快件箱', '征得收件人同意']],
    ['1. 快件丢失\n2. 赔偿\n3. “保价”', ['快件丢失', '赔偿', '保价']],
    ['Sure! Here are the keywords: 罚款，罚款；罚款', ['罚款']],
  ])('reads %j as search terms', (reply, keywords) => {
    expect(parseKeywords(reply)).toEqual(keywords);
  });

  it('lifts the passage that uses them, when the question shares no word with it', async () => {
    const question = '东西塞进楼下那排自提铁柜子之前要不要先打个招呼？';
    const rank = async (keywords: string[]) => (await hybridSearch(index, question, { k: 20, keywords })).findIndex((h) => h.chunk.text.includes('智能快件箱的，应当事先征得收件人同意'));
    const without = await rank([]);
    const withKeywords = await rank(['智能快件箱', '征得收件人同意']);
    expect(withKeywords).toBeGreaterThanOrEqual(0);
    expect(without === -1 || withKeywords < without).toBe(true);
  });
});
