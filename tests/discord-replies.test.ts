import type { ActionRowBuilder, APIEmbed, ButtonBuilder } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer, Citation, RelatedProvision } from '../src/answer/types.ts';
import type { DocumentMetadata } from '../src/corpus/types.ts';
import { COMPONENTS } from '../src/discord/components/index.ts';
import { answerReply } from '../src/discord/responses/answer.ts';
import { passageButton, passageReply } from '../src/discord/responses/passage.ts';
import { sourcesReply } from '../src/discord/responses/sources.ts';
import type { IndexedDocument } from '../src/service/qaService.ts';

/** Ids as the index makes them: path of the file without extension, then #hash per chunk. */
const DOC_ID = 'regulations/national/kuaidi-zanxing-tiaoli_2018';
const CHUNK_ID = `${DOC_ID}#9f3a1c2b`;

const document: DocumentMetadata = {
  id: DOC_ID,
  title: '快递暂行条例',
  date: '2018-03-02',
  effectiveDate: '2018-05-01',
  issuer: '国务院',
  documentNumber: '国务院令第697号',
  source: '国务院',
  scope: '全国',
  path: `/corpus/${DOC_ID}.md`,
  categories: [],
  sourceUrl: null,
  attachedTo: null,
};

const citation: Citation = {
  n: 1,
  docId: DOC_ID,
  title: document.title,
  date: document.date,
  source: document.source,
  scope: '全国',
  chunkId: CHUNK_ID,
  text: '第二十七条 快件延误、丢失、损毁或者内件短少的，…',
  score: 0.9,
  location: '第二十七条',
  url: null,
};
const related: RelatedProvision = { docId: DOC_ID, title: document.title, date: document.date, scope: '全国', chunkId: CHUNK_ID, location: '第二十七条', quote: '快件延误、丢失、损毁…' };
const base: Pick<Answer, 'question' | 'mode' | 'citations' | 'closest' | 'related'> = { question: '快递丢了怎么赔？', mode: 'extractive', citations: [], closest: [], related: [] };

const ANSWERS: [string, Answer][] = [
  ['an answer', { ...base, answered: true, answer: '快件丢失的，应当按照约定赔偿。[1]', citations: [citation], declined: null }],
  ['an answer replacing the model’s', { ...base, answered: true, answer: '快件丢失的，应当按照约定赔偿。[1]', citations: [citation], declined: null, note: '模型响应超时，以下为语料原文摘录。' }],
  ['a decline with related provisions', { ...base, answered: false, answer: '语料中没有找到能回答这个问题的内容。', declined: 'unsupported', related: [related] }],
  [
    'a decline with the closest documents',
    { ...base, answered: false, answer: '语料中没有找到能回答这个问题的内容。', declined: 'unsupported', closest: [{ docId: DOC_ID, title: document.title, date: document.date, source: null }] },
  ],
];

/** Everything a reader sees of an embed, buttons' labels aside. */
const visible = (e: APIEmbed) => [e.title, e.description, e.footer?.text, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])].join('\n');
const ids = (reply: { components: ActionRowBuilder<ButtonBuilder>[] }) => reply.components.flatMap((row) => row.toJSON().components.map((c) => ('custom_id' in c ? c.custom_id : '')));

describe('what readers see of ids', () => {
  it.each(ANSWERS)('%s shows titles, dates and articles, never a document or chunk id; its buttons carry the chunk id', (_name, answer) => {
    const reply = answerReply(answer);
    for (const embed of reply.embeds) expect(visible(embed.toJSON())).not.toMatch(/kuaidi-zanxing|9f3a1c2b|regulations\//u);
    expect(ids(reply)).toEqual(answer.citations.length || answer.related.length ? [`passage:${CHUNK_ID}`] : []);
  });

  it('a passage is titled by its document and article, its footer dated and sourced like a citation', () => {
    const embed = passageReply({ document, location: '第二十七条', passage: { divisions: ['第四章 快递安全'], text: '第二十七条 …' } }).embeds[0]!.toJSON();
    expect(embed.title).toBe('《快递暂行条例》第二十七条');
    expect(embed.footer?.text).toBe('2018-03-02 · 国务院 · 全国');
  });

  it.each([
    [CHUNK_ID, `passage:${CHUNK_ID}`],
    [`${'很长的文件夹/'.repeat(20)}通知#c0ffee-2`, 'passage:…#c0ffee-2'],
  ])('a passage button for %s has the custom id %s (within 100 characters)', (chunkId, customId) => {
    const button = passageButton(chunkId, '查看原文 [1]').toJSON() as { custom_id: string; label: string };
    expect(button.custom_id).toBe(customId);
    expect(button.custom_id.length).toBeLessThanOrEqual(100);
    expect(button.label).toBe('查看原文 [1]');
  });
});

describe('why an answer was declined comes from its data, not its text', () => {
  const declined = (over: Partial<Answer>): Answer => ({ ...base, answered: false, answer: '语料中没有找到能回答这个问题的内容。最接近的文档：《快递暂行条例》。', declined: 'unsupported', ...over });
  it.each([
    ['no closest documents, whatever the text says', declined({}), null],
    ['closest documents', declined({ closest: [{ docId: DOC_ID, title: '快递暂行条例', date: '2018-03-02', source: null }] }), '**最接近的文档**\n• 《快递暂行条例》（2018-03-02）'],
    ['related provisions before documents', declined({ related: [related], closest: [{ docId: DOC_ID, title: '快递暂行条例', date: null, source: null }] }), '**可能相关的条文**'],
  ])('%s', (_name, answer, shown) => {
    const description = answerReply(answer).embeds[0]!.toJSON().description ?? '';
    if (shown === null) expect(description).not.toContain('**');
    else expect(description).toContain(shown);
  });
});

const indexed = (n: number): IndexedDocument[] => Array.from({ length: n }, (_, i) => ({ ...document, id: `notices/notice-${i}`, title: `示例通知第${i + 1}号`, chunks: 3 }));
const BUILT_AT = '2025-03-01T08:30:00.000Z';

describe('/sources', () => {
  it.each([
    // documents, page asked, page shown, footer, buttons
    [0, 0, '索引中还没有文档。', '第 1/1 页', []],
    [3, 0, '示例通知第1号', '第 1/1 页', []],
    [25, 0, '示例通知第10号', '第 1/3 页', ['sources:-1', 'sources:1']],
    [25, 1, '示例通知第11号', '第 2/3 页', ['sources:0', 'sources:2']],
    [25, 9, '示例通知第21号', '第 3/3 页', ['sources:1', 'sources:3']],
    [25, -4, '示例通知第1号', '第 1/3 页', ['sources:-1', 'sources:1']],
  ] as const)('%i documents, page %i: lists %s, footer %s, buttons %j', (count, page, listed, footer, buttons) => {
    const reply = sourcesReply(indexed(count), BUILT_AT, page);
    const embed = reply.embeds[0]!.toJSON();
    expect(embed.description).toContain(listed);
    expect(embed.footer?.text).toBe(footer);
    expect(ids(reply)).toEqual(buttons);
  });

  it('shows the build time as Discord timestamp markup (each reader’s own time zone), not raw UTC', () => {
    const embed = sourcesReply(indexed(2), BUILT_AT, 0).embeds[0]!.toJSON();
    expect(embed.description?.split('\n')[0]).toBe(`索引建立于 <t:${Date.parse(BUILT_AT) / 1000}:f>`);
    expect(visible(embed)).not.toContain('2025-03-01T08:30');
  });

  it('links the title of a document fetched from the web to its page, escaped, unless the links would not fit', () => {
    const fetched = { ...indexed(1)[0]!, title: '**通知** [附件]', sourceUrl: 'https://www.spb.gov.cn/gjyzj/c100015/202001/t1.html' };
    expect(sourcesReply([fetched], BUILT_AT, 0).embeds[0]!.toJSON().description).toContain('**[\\*\\*通知\\*\\* \\[附件\\]](<https://www.spb.gov.cn/gjyzj/c100015/202001/t1.html>)**');
    const long = indexed(10).map((d, i) => ({ ...d, sourceUrl: `https://example.gov.cn/${'a'.repeat(480)}/${i}.html` }));
    const description = sourcesReply(long, BUILT_AT, 0).embeds[0]!.toJSON().description ?? '';
    expect(description).not.toContain('](<');
    expect(description).toContain('**示例通知第1号**');
  });

  it('lists title, date, source, scope and passages, never the document id', () => {
    const embed = sourcesReply(indexed(1), BUILT_AT, 0).embeds[0]!.toJSON();
    expect(embed.description).toContain('**示例通知第1号**\n2018-03-02 · 国务院 · 全国 · 3 段');
    expect(visible(embed)).not.toContain('notices/notice-0');
  });
});

describe('components', () => {
  it('are keyed by prefixes none of which starts another', () => {
    const prefixes = COMPONENTS.map((c) => c.prefix);
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a)).toBe(false);
  });

  it.each([
    ['a passage button', ids(answerReply(ANSWERS[0]![1]))[0]!, 'passage:'],
    ['a page button', ids(sourcesReply(indexed(25), BUILT_AT, 0))[1]!, 'sources:'],
  ])('%s is routed to the component that reads it', (_name, customId, prefix) => {
    expect(COMPONENTS.filter((c) => customId.startsWith(c.prefix)).map((c) => c.prefix)).toEqual([prefix]);
  });
});
