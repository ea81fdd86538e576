import { describe, expect, it } from 'vitest';
import { articlePassage } from '../src/answer/articlePassage.ts';
import { bookTitle, citationLine, citedPlace } from '../src/answer/citationLine.ts';
import { citeQuotes, locationOf, type Quote, relatedLine } from '../src/answer/citations.ts';
import type { Answer, Citation } from '../src/answer/types.ts';
import type { Chunk } from '../src/chunk/types.ts';
import type { DocumentMetadata } from '../src/corpus/types.ts';
import { formatAnswer } from '../src/cli/formatAnswer.ts';
import { answerReply } from '../src/discord/responses/answer.ts';
import { passageReply } from '../src/discord/responses/passage.ts';

const chunk = (over: Partial<Chunk>): Chunk => ({ id: 'd#1', docId: 'd', ordinal: 0, text: '原文。', context: [], article: null, ...over });

/** Each title shape a citation meets, with the one line it must become. */
const SHAPES: [string, { title: string; chunk: Chunk }, string][] = [
  [
    'a plain regulation title',
    { title: '中华人民共和国邮政法实施细则', chunk: chunk({ article: '第二十二条', context: ['第三章 邮件寄递'] }) },
    '《中华人民共和国邮政法实施细则》第二十二条 · 1990-11-12 · 国务院 · 全国',
  ],
  [
    'a title naming a law (nested 《》)',
    { title: '上海市实施《中华人民共和国邮政法》办法', chunk: chunk({ article: '第一条' }) },
    '《上海市实施〈中华人民共和国邮政法〉办法》第一条 · 1990-11-12 · 国务院 · 全国',
  ],
  [
    'a title already in 《》',
    { title: '《重庆市邮政条例》', chunk: chunk({ article: '第四十一条', context: ['第五章 法律责任', '第四十一条（续）'] }) },
    '《重庆市邮政条例》第四十一条 · 1990-11-12 · 国务院 · 全国',
  ],
  ['an untitled prose section', { title: '全国邮政管理系统会议', chunk: chunk({ context: ['青海省邮政管理局'] }) }, '《全国邮政管理系统会议》 · 青海省邮政管理局 · 1990-11-12 · 国务院 · 全国'],
  ['prose without a heading', { title: '快递进村工作通知', chunk: chunk({}) }, '《快递进村工作通知》 · 1990-11-12 · 国务院 · 全国'],
];

const citationOf = (title: string, c: Chunk): Citation => ({
  n: 1,
  docId: 'd',
  title,
  date: '1990-11-12',
  source: '国务院',
  scope: '全国',
  chunkId: c.id,
  text: c.text,
  score: 1,
  location: locationOf({ chunk: c }),
  url: null,
});

const answerOf = (citation: Citation): Answer => ({
  question: '问题',
  answered: true,
  answer: '原文。[1]',
  mode: 'extractive',
  citations: [citation],
  closest: [],
  declined: null,
  related: [],
});

/** How often the bare title appears in a rendering: once is right, twice is the old bug. */
const occurrences = (text: string, title: string) => text.split(title.replace(/^《|》$/gu, '').replace(/[《》]/gu, '')).length - 1;
const bare = (title: string) =>
  title
    .replace(/^《|》$/gu, '')
    .replace(/《/gu, '〈')
    .replace(/》/gu, '〉');

describe('citation lines', () => {
  it.each(SHAPES)('%s: one line, title once', (_name, { title, chunk: c }, line) => {
    expect(citationLine(citationOf(title, c))).toBe(line);
  });

  it.each(SHAPES)('%s: the terminal names the title once', (_name, { title, chunk: c }) => {
    const text = formatAnswer(answerOf(citationOf(title, c)));
    expect(occurrences(text, bare(title))).toBe(1);
    expect(text).not.toMatch(/《[^》]*《/u);
  });

  it.each(SHAPES)('%s: a Discord field names the title once', (_name, { title, chunk: c }) => {
    const [field] = answerReply(answerOf(citationOf(title, c))).embeds[0]!.toJSON().fields!;
    expect(occurrences(`${field!.name}\n${field!.value}`, bare(title))).toBe(1);
    expect(field!.name).toContain(bare(title));
  });

  const fetched = (title: string, c: Chunk): Citation => ({ ...citationOf(title, c), url: 'https://www.example.gov.cn/zw/t20240105_1.html' });

  it.each(SHAPES)('%s, fetched from the web: the terminal prints the address under the title', (_name, { title, chunk: c }) => {
    const text = formatAnswer(answerOf(fetched(title, c)));
    expect(occurrences(text, bare(title))).toBe(1);
    expect(text).toContain('[1] 《');
    expect(text).toContain('\n    原文网址：https://www.example.gov.cn/zw/t20240105_1.html\n');
  });

  it.each(SHAPES)('%s, fetched from the web: the Discord field links the title (named once) to the page', (_name, { title, chunk: c }) => {
    const [field] = answerReply(answerOf(fetched(title, c))).embeds[0]!.toJSON().fields!;
    expect(field!.name).toBe('[1]');
    expect(field!.value.startsWith(`[${citedPlace(title, locationOf({ chunk: c }))}](<https://www.example.gov.cn/zw/t20240105_1.html>) · 1990-11-12`)).toBe(true);
    expect(occurrences(`${field!.name}\n${field!.value}`, bare(title))).toBe(1);
  });

  it.each(SHAPES)('%s: a related provision names the title once', (_name, { title, chunk: c }) => {
    const line = relatedLine({ docId: 'd', title, date: null, scope: '浙江省', chunkId: c.id, location: locationOf({ chunk: c }), quote: '引文。' });
    expect(occurrences(line, bare(title))).toBe(1);
    expect(line.startsWith('（浙江省）《')).toBe(true);
  });

  it.each([
    ['中华人民共和国邮政法', '《中华人民共和国邮政法》'],
    ['上海市实施《中华人民共和国邮政法》办法', '《上海市实施〈中华人民共和国邮政法〉办法》'],
    ['《快递暂行条例》', '《快递暂行条例》'],
  ])('%s is written %s', (title, expected) => {
    expect(bookTitle(title)).toBe(expected);
  });
});

describe('passage view', () => {
  const chapter = '第三章 快递服务';
  const pieces = [
    chunk({ id: 'd#a', ordinal: 4, article: '第十条', context: [chapter], text: '第十条 经营快递业务的企业应当：' }),
    chunk({ id: 'd#b', ordinal: 5, article: '第十条', context: [chapter, '第十条（续）'], text: '（一）如实记录收寄信息；' }),
    chunk({ id: 'd#c', ordinal: 6, article: '第十一条', context: [chapter], text: '第十一条 另一条。' }),
  ];

  it('shows the whole article under its chapter heading, titled once', () => {
    const passage = articlePassage(pieces, pieces[1]!);
    expect(passage).toEqual({ divisions: [chapter], text: '第十条 经营快递业务的企业应当：\n（一）如实记录收寄信息；' });
    const document = { id: 'kuaidi/tiaoli', title: '快递暂行条例', date: '2018-03-02', source: '国务院', scope: '全国' } as DocumentMetadata;
    const embed = passageReply({ document, location: '第十条', passage }).embeds[0]!.toJSON();
    expect(embed.title).toBe('《快递暂行条例》第十条');
    expect(embed.description).toBe(`**${chapter}**\n第十条 经营快递业务的企业应当：\n（一）如实记录收寄信息；`);
  });

  it('links a document fetched from the web to its page below the passage', () => {
    const passage = articlePassage(pieces, pieces[2]!);
    const document = { id: 'tongzhi', title: '示例通知', date: '2024-01-05', source: null, scope: '全国', sourceUrl: 'https://www.example.gov.cn/a.html' } as DocumentMetadata;
    const embed = passageReply({ document, location: '第十一条', passage }).embeds[0]!.toJSON();
    expect(embed.description).toBe(`**${chapter}**\n第十一条 另一条。\n\n[查看原网页](<https://www.example.gov.cn/a.html>)`);
  });

  it('shows a prose passage as it is', () => {
    const prose = chunk({ context: ['青海省邮政管理局'], text: '会议要求加强安全。' });
    expect(articlePassage([prose], prose)).toEqual({ divisions: [], text: '会议要求加强安全。' });
  });
});

describe('the order quotes are read in', () => {
  const quoteOf = (docId: string, scope: string, hitRank: number, text: string): Quote => ({
    hit: { chunk: chunk({ id: `${docId}#1`, docId, article: '第二条' }), document: { id: docId, title: docId, date: null, source: null, scope } as DocumentMetadata, score: 1, lexical: 1, dense: 0 },
    hitRank,
    position: 0,
    text,
  });
  const provincial = quoteOf('zhejiang', '浙江省', 0, '应当事先征得收件人同意，并及时告知取件信息。');
  const national = quoteOf('kuaidi', '全国', 1, '应当征得收件人同意。');

  it.each([
    ['no place named: the national rule first, the province as its addition', [], '应当征得收件人同意。[1]（浙江省）应当事先征得收件人同意，并及时告知取件信息。[2]'],
    ['the province named: its own rule first', ['浙江省'], '（浙江省）应当事先征得收件人同意，并及时告知取件信息。[1]应当征得收件人同意。[2]'],
  ])('%s', (_, places, text) => {
    expect(citeQuotes([provincial, national], '', places).text).toBe(text);
  });
});
